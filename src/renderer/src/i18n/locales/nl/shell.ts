import type { Catalog } from '../../catalog';
import type { shell as en } from '../en/shell';

export const shell: Catalog<typeof en> = {
  appName: 'Airframe',
  nav: {
    label: 'Hoofdmenu',
    compose: 'Maken',
    queue: 'Wachtrij',
    library: 'Bibliotheek',
    settings: 'Instellingen',
    shortcut: '{{name}} (Ctrl+{{n}}, ⌘+{{n}} op een Mac)',
  },
  unfinished_one: '{{count}} onvoltooid',
  unfinished_other: '{{count}} onvoltooid',
  demoBadge: 'Demo',
  demoHint: 'Taken draaien in de ingebouwde simulator: gratis, voorbeeldclips',
  liveQueue: 'Live wachtrij',
  needsKey: {
    text: 'Er is geen API-sleutel opgeslagen, dus er gaat niets naar api.airforce: taken wachten tot je er een opslaat in Instellingen, of zet daar de demo aan om Airframe gratis te proberen.',
    open: 'Instellingen openen',
  },
  connectionLost:
    'De verbinding met de host van Airframe is verbroken: hij is gestopt of herstart. Taken gaan in dit tabblad niet door: ze blijven bewaard en gaan verder zodra de host weer draait. Open dan het adres dat hij toont, of laad opnieuw als hij weer op hetzelfde adres draait.',
  footer: {
    versionLabel: 'App-versie',
    version: '{{name}} {{version}} · {{mode}} · {{host}}',
    demo: 'demomodus',
    live: 'live',
    engineUnreachable: 'De engine van Airframe is niet bereikbaar: {{reason}}',
  },
};
