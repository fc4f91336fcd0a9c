import type { Catalog } from '../../catalog';
import type { queueFile as en } from '../en/queueFile';

export const queueFile: Catalog<typeof en> = {
  export: 'Exporteren…',
  exportTitle:
    'Bewaar de taken die nog niet zijn verstuurd, met hun invoerafbeeldingen, als wachtrijbestand',
  import: 'Importeren…',
  importTitle: 'Zet de taken van een uit Airframe geëxporteerd wachtrijbestand in de wachtrij',
  chooseFile: 'Wachtrijbestand om te importeren',
  exportBatch: 'Exporteren',
  exportBatchLabel: 'Exporteer de reeks “{{name}}” naar een wachtrijbestand',
  exporting: 'Bezig met exporteren…',
  importing: 'Bezig met importeren…',
  exported: '{{fileName}} bewaard.',
  leftOut_one:
    '{{fileName}} bewaard. {{count, number}} taak is weggelaten: haar invoerafbeelding is een weblink die ondertekend kan zijn, en zulke links komen nooit in een bestand.',
  leftOut_other:
    '{{fileName}} bewaard. {{count, number}} taken zijn weggelaten: hun invoerafbeelding is een weblink die ondertekend kan zijn, en zulke links komen nooit in een bestand.',
  jobs_one: '{{count, number}} taak',
  jobs_other: '{{count, number}} taken',
  batches_one: '{{count, number}} reeks',
  batches_other: '{{count, number}} reeksen',
  imported: '{{jobs}} uit {{file}} in de wachtrij gezet.',
  importedBatches: '{{jobs}} ({{batches}}) uit {{file}} in de wachtrij gezet.',
  notExported: 'Kon niet exporteren: {{reason}}',
  notImported: 'Kon {{file}} niet importeren: {{reason}}',
};
