import type { Catalog } from '../../catalog';
import type { queueBatches as en } from '../en/queueBatches';

export const queueBatches: Catalog<typeof en> = {
  label: 'Reeksen',
  loadFailed: 'Kon de reeksen niet laden',
  progress: 'Voortgang van {{name}}',
  saved: '{{saved, number}}/{{size, number}} bewaard',
  counts: {
    waiting: '{{count, number}} wachtend',
    running: '{{count, number}} bezig',
    failed: '{{count, number}} mislukt',
    cancelled: '{{count, number}} geannuleerd',
  },
  spent: '{{amount}} uitgegeven',
  left: 'nog {{about}}',
  aboutHours: 'ongeveer {{value}} u',
  state: {
    running: 'Bezig',
    paused: 'Gepauzeerd',
    stopped: 'Gestopt door een mislukking',
    stoppedBy: 'Gestopt: „{{prompt}}” is mislukt',
    done: 'Klaar',
  },
  place: '{{name}} · {{index, number}}/{{size, number}}',
  placeTitle: 'Taak {{index, number}} van {{size, number}} in de reeks „{{name}}”',
  actions: {
    pause: 'Pauzeren',
    resume: 'Hervatten',
    cancel: 'Annuleren…',
    retryFailed_one: 'Mislukte opnieuw proberen ({{count, number}})',
    retryFailed_other: 'Mislukte opnieuw proberen ({{count, number}})',
    move: 'Verplaatsen',
    moveLabel: 'De reeks „{{name}}” verplaatsen',
    top: 'Bovenaan zetten',
    up: 'Omhoog',
    down: 'Omlaag',
    bottom: 'Onderaan zetten',
  },
  confirm: {
    title: 'De reeks „{{name}}” annuleren?',
    waiting_one: 'De {{count, number}} wachtende taak wordt geannuleerd en niet betaald.',
    waiting_other: 'De {{count, number}} wachtende taken worden geannuleerd en niet betaald.',
    running_one:
      'De {{count, number}} taak die al op de server staat, loopt door en wordt betaald: de aanbieder betaalt die niet terug. De clip wordt wel bewaard.',
    running_other:
      'De {{count, number}} taken die al op de server staan, lopen door en worden betaald: de aanbieder betaalt die niet terug. Hun clips worden wel bewaard.',
    yes: 'Wachtende taken annuleren',
    keep: 'Reeks houden',
  },
  cancelled_one: '{{count, number}} taak geannuleerd.',
  cancelled_other: '{{count, number}} taken geannuleerd.',
  stillRunning_one: '{{count, number}} die al op de server staat, loopt door (betaald).',
  stillRunning_other: '{{count, number}} die al op de server staan, lopen door (betaald).',
  retried_one: '{{count, number}} mislukte taak opnieuw verstuurd.',
  retried_other: '{{count, number}} mislukte taken opnieuw verstuurd.',
  notDone: 'Niet gelukt: {{reason}}',
};
