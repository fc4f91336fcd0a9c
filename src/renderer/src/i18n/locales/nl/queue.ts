import type { Catalog } from '../../catalog';
import type { queue as en } from '../en/queue';
import { queueBatches } from './queueBatches';
import { queueFile } from './queueFile';

export const queue: Catalog<typeof en> = {
  jobKey: 'Sleutel: {{name}}',
  elapsed: '{{clock}} verstreken',
  took: 'duurde {{clock}}',
  jobsHeld_one: '{{count}} taak wordt vastgehouden',
  jobsHeld_other: '{{count}} taken worden vastgehouden',
  screen: {
    label: 'Wachtrij met taken',
    list: 'Taken',
    filter: 'Filteren op status',
    count_one: '{{shown}} van {{count}} taak',
    count_other: '{{shown}} van {{count}} taken',
    countRunning_one:
      '{{shown}} van {{count}} taak · {{active}} van {{concurrency}} bezig op de server',
    countRunning_other:
      '{{shown}} van {{count}} taken · {{active}} van {{concurrency}} bezig op de server',
    pause: 'Wachtrij pauzeren',
    resume: 'Wachtrij hervatten',
    emptyBeside:
      'Nog geen taken. Schrijf een prompt en druk op Genereren: de taak verschijnt hier, en de clip wordt in de bibliotheek bewaard zodra hij klaar is.',
    empty:
      'Nog geen taken. Schrijf een prompt bij Maken en druk op Genereren: de taak verschijnt hier, en de clip wordt in de bibliotheek bewaard zodra hij klaar is.',
    goCompose: 'Naar Maken',
    showAll: 'Alle taken tonen',
    keyboard:
      'Toetsenbord: ↑ ↓ tussen taken · Alt+↑ Alt+↓ om te verplaatsen · Alt+Home naar boven · Delete om te verwijderen.',
    loadFailed: 'Kon de wachtrij niet laden',
  },
  sections: {
    running_one: 'Bezig · {{count, number}} taak',
    running_other: 'Bezig · {{count, number}} taken',
    waiting_one: 'Wachtend · {{count, number}} taak',
    waiting_other: 'Wachtend · {{count, number}} taken',
    ended_one: 'Afgelopen · {{count, number}} taak',
    ended_other: 'Afgelopen · {{count, number}} taken',
  },
  filters: {
    all: 'Alle',
    waiting: 'Wachtend',
    active: 'Bezig',
    saved: 'Bewaard',
    problems: 'Mislukt of verlopen',
    cancelled: 'Geannuleerd',
  },
  noneIn: {
    all: 'Geen taak om te tonen.',
    waiting: 'Er wacht geen taak.',
    active: 'Er is geen taak bezig.',
    saved: 'Er is geen taak bewaard.',
    problems: 'Er is geen taak mislukt of verlopen.',
    cancelled: 'Er is geen taak geannuleerd.',
  },
  status: {
    queued: 'Wachtend',
    held: 'In de wacht',
    submitting: 'Versturen',
    remoteQueued: 'In de wachtrij van de server',
    running: 'Genereren',
    completed: 'Gegenereerd',
    downloading: 'Downloaden',
    saved: 'Bewaard',
    failed: 'Mislukt',
    expired: 'Verlopen',
    cancelled: 'Geannuleerd',
  },
  heldFor: {
    noKey: 'In de wacht: geen API-sleutel bewaard',
    keyRejected: 'In de wacht: de API weigerde de sleutel',
    balance: 'In de wacht: het saldo is te laag',
    budget: 'In de wacht: het dagbudget is bereikt',
  },
  holdReason: {
    noKey: 'geen API-sleutel bewaard',
    keyRejected: 'de API weigerde de sleutel',
    balance: 'het saldo is te laag',
    budget: 'het dagbudget is bereikt',
  },
  progress: {
    label: 'Voortgang',
    submitting: 'Versturen',
    remoteQueued: 'Wachten tot de server begint',
    running: 'Genereren {{percent}}%',
    completed: 'Download begint',
    downloading: 'Downloaden {{percent}}%',
    saved: 'Bewaard in de bibliotheek',
  },
  times: {
    elapsedLeft: '{{clock}} verstreken · nog {{left}}',
    once: 'duurt {{about}} zodra hij begint',
  },
  request: {
    seconds: '{{value}} s',
    mode: { text: 'modus tekst', image: 'modus afbeelding', reference: 'modus referentie' },
    images_one: '{{count}} afbeelding',
    images_other: '{{count}} afbeeldingen',
    seed: 'seed {{seed}}',
    sound: 'geluid',
  },
  error: {
    refunded: '{{message}} De kosten zijn terugbetaald.',
    notRefunded: '{{message}} Niet terugbetaald.',
  },
  actions: {
    cancel: 'Annuleren',
    edit: 'Bewerken',
    up: 'Omhoog',
    down: 'Omlaag',
    top: 'Bovenaan zetten',
    release: 'Vrijgeven',
    retry: 'Opnieuw proberen',
    remove: 'Verwijderen',
    show: 'Tonen in bibliotheek',
    runAnyway: 'Toch uitvoeren',
    cancelOnServer: 'Annuleren…',
  },
  cancelOnServer: {
    title: 'Annuleren en verwijderen op api.airforce?',
    body: 'De taak wordt verwijderd met haar video. De aanbieder betaalt een verwijderde taak niet terug: de kosten ({{cost}}) blijven uitgegeven.',
    bodyNoCost:
      'De taak wordt verwijderd met haar video. De aanbieder betaalt een verwijderde taak niet terug: de kosten blijven uitgegeven.',
    yes: 'Annuleren en verwijderen',
    keep: 'Laten doorlopen',
  },
  row: {
    demo: 'demo',
    demoHint: 'Uitgevoerd in de ingebouwde demo: gratis, en niet meegeteld in je uitgaven',
    confirmSaved: 'Uit de lijst verwijderen? De clip blijft in de bibliotheek.',
    confirmOther: 'Uit de lijst verwijderen? Dit kan niet ongedaan worden gemaakt.',
    confirmSavedChain_one:
      'Met de eerdere poging uit de lijst verwijderen? De clip blijft in de bibliotheek.',
    confirmSavedChain_other:
      'Met de {{count}} eerdere pogingen uit de lijst verwijderen? De clip blijft in de bibliotheek.',
    confirmOtherChain_one:
      'Met de eerdere poging uit de lijst verwijderen? Dit kan niet ongedaan worden gemaakt.',
    confirmOtherChain_other:
      'Met de {{count}} eerdere pogingen uit de lijst verwijderen? Dit kan niet ongedaan worden gemaakt.',
    yesRemove: 'Ja, verwijderen',
    keep: 'Houden',
  },
  cost: {
    notCharged: 'niet betaald',
    debited: 'Afgeschreven',
    debitedLater: 'Afgeschreven bij versturen',
    estimate: 'ca. {{amount}}',
    refunded: '{{amount}}<tag> terugbetaald</tag>',
    estimateRefunded: 'ca. {{amount}}<tag> terugbetaald</tag>',
  },
  attempts: {
    summary: 'Poging {{number}} · eerder: {{earlier}}',
    short: '{{status}} {{time}}',
    shortMoney: '{{status}} {{time}} ({{money}})',
    status: { failed: 'mislukt', expired: 'verlopen', cancelled: 'geannuleerd' },
    money: {
      refunded: 'terugbetaald',
      notRefunded: 'niet terugbetaald',
      notCharged: 'niet betaald',
    },
    toggle: 'Eerdere pogingen',
    list: 'Eerdere pogingen van deze taak',
    number: 'Poging {{number}}',
    cost: {
      refunded: '{{amount}} terugbetaald',
      notRefunded: '{{amount}}, niet terugbetaald',
      notCharged: 'niet betaald',
    },
  },
  banner: {
    paused:
      'De wachtrij is gepauzeerd: er wordt niets nieuws verstuurd. Taken die al op de server staan gaan door. Wachtrij hervatten verstuurt de wachtende taken.',
    noKey:
      'Taken staan in de wacht: er is geen API-sleutel bewaard. Bewaar er een bij Instellingen, of zet de demo aan.',
    keyRejected:
      'Taken staan in de wacht: de API weigerde de sleutel. Vervang hem bij Instellingen.',
    keyRejectedWith:
      'Taken staan in de wacht: de API weigerde de sleutel ({{message}}). Vervang hem bij Instellingen.',
    balance:
      'Taken staan in de wacht: het saldo is te laag. Waardeer je api.airforce-account op en geef ze daarna vrij.',
    balanceWith:
      'Taken staan in de wacht: het saldo is te laag ({{message}}). Waardeer je api.airforce-account op en geef ze daarna vrij.',
    openSettings: 'Instellingen openen',
    release: 'Taken in de wacht vrijgeven ({{n}})',
    runAnyway: 'Toch uitvoeren ({{n}})',
    raiseBudget: 'Budget verhogen bij Instellingen',
    budget_one:
      '{{count}} taak staat in de wacht: die zou het dagbudget overschrijden. Voer hem toch uit (boven het budget van vandaag), of verhoog het budget bij Instellingen.',
    budget_other:
      '{{count}} taken staan in de wacht: die zouden het dagbudget overschrijden. Voer ze toch uit (boven het budget van vandaag), of verhoog het budget bij Instellingen.',
    budgetSpent_one:
      '{{count}} taak staat in de wacht: met de uitgaven van vandaag ({{spent}}) zou die het dagbudget overschrijden. Voer hem toch uit (boven het budget van vandaag), of verhoog het budget bij Instellingen.',
    budgetSpent_other:
      '{{count}} taken staan in de wacht: met de uitgaven van vandaag ({{spent}}) zouden die het dagbudget overschrijden. Voer ze toch uit (boven het budget van vandaag), of verhoog het budget bij Instellingen.',
    budgetOf_one:
      '{{count}} taak staat in de wacht: die zou het dagbudget van {{budget}} overschrijden. Voer hem toch uit (boven het budget van vandaag), of verhoog het budget bij Instellingen.',
    budgetOf_other:
      '{{count}} taken staan in de wacht: die zouden het dagbudget van {{budget}} overschrijden. Voer ze toch uit (boven het budget van vandaag), of verhoog het budget bij Instellingen.',
    budgetSpentOf_one:
      '{{count}} taak staat in de wacht: met de uitgaven van vandaag ({{spent}}) zou die het dagbudget van {{budget}} overschrijden. Voer hem toch uit (boven het budget van vandaag), of verhoog het budget bij Instellingen.',
    budgetSpentOf_other:
      '{{count}} taken staan in de wacht: met de uitgaven van vandaag ({{spent}}) zouden die het dagbudget van {{budget}} overschrijden. Voer ze toch uit (boven het budget van vandaag), of verhoog het budget bij Instellingen.',
    heldFor_one: '{{count}} taak staat in de wacht: {{reasons}}.',
    heldFor_other: '{{count}} taken staan in de wacht: {{reasons}}.',
    heldWaiting_one: '{{count}} taak staat in de wacht: die wacht op jou.',
    heldWaiting_other: '{{count}} taken staan in de wacht: die wachten op jou.',
    offline:
      'Offline: de API is niet bereikbaar. Taken gaan vanzelf verder zodra de verbinding terug is.',
    slowDown: 'De API vroeg ons het rustiger aan te doen; versturen gaat verder om {{time}}.',
    slowDownWith:
      'De API vroeg ons het rustiger aan te doen ({{message}}); versturen gaat verder om {{time}}.',
    downloadsPaused:
      'Downloads zijn gepauzeerd: {{reason}}. Klare clips blijven op de server tot ze bewaard kunnen worden.',
  },
  task: {
    made: 'gemaakt {{date}}',
    seconds: '{{value}} s',
  },
  unclaimed: {
    label: 'Betaalde taken zonder eigenaar',
    intro_one:
      'Een betaalde taak op de server hoort bij geen enkele taak hier: een verzending waarvan het antwoord verloren ging heeft hem gemaakt. Importeer hem om de clip te houden (de server wist hem 24 uur nadat hij gemaakt is), of negeer hem.',
    intro_other:
      '{{count}} betaalde taken op de server horen bij geen enkele taak hier: verzendingen waarvan het antwoord verloren ging hebben ze gemaakt. Importeer ze om de clips te houden (de server wist elk 24 uur nadat hij gemaakt is), of negeer ze.',
    notYet: 'Importeren kan zodra hij klaar is.',
    import: 'Importeren in bibliotheek',
    importing: 'Importeren…',
    dismiss: 'Negeren',
    notImported: 'Niet geïmporteerd: {{reason}}',
    notDismissed: 'Niet genegeerd: {{reason}}',
  },
  check: {
    label: 'Is deze taak gemaakt?',
    candidates: 'Taken op de server die deze taak kunnen zijn',
    isThis: 'Taak {{taskId}} is deze taak',
    thisOne: 'Dit is hem',
    sendAgainLabel: 'Opnieuw versturen?',
    sendAgainWarning:
      'Als de server de taak toch heeft gemaakt, betaal je bij opnieuw versturen een tweede keer.',
    sendAgain: 'Opnieuw versturen',
    keepLooking: 'Verder zoeken',
    noneOfThese: 'Geen van deze: opnieuw versturen…',
    notCreated: 'Hij is niet gemaakt: opnieuw versturen…',
  },
  history: {
    views: 'Weergaven van de wachtrij',
    jobsTab: 'Taken',
    tab: 'Geschiedenis',
    label: 'Geschiedenis van opgeruimde taken',
    clear: 'Afgerond opruimen',
    nothingToClear: 'Er is nog geen taak afgerond',
    confirmTitle_one: '{{count, number}} afgeronde taak naar de geschiedenis verplaatsen?',
    confirmTitle_other: '{{count, number}} afgeronde taken naar de geschiedenis verplaatsen?',
    confirmBody:
      'Ze verdwijnen uit de wachtrij. Hun clips blijven in de bibliotheek, hun uitgaven blijven in de totalen, en het tabblad Geschiedenis bewaart ze, doorzoekbaar op prompt.',
    confirm_one: '{{count, number}} taak verplaatsen',
    confirm_other: '{{count, number}} taken verplaatsen',
    keep: 'In de wachtrij laten',
    notCleared: 'Er is niets verplaatst: {{reason}}',
    cleared_one: '{{count, number}} taak naar de geschiedenis verplaatst.',
    cleared_other: '{{count, number}} taken naar de geschiedenis verplaatst.',
    open: 'Geschiedenis openen',
    search: 'Geschiedenis doorzoeken op prompt',
    searchPlaceholder: 'Prompts zoeken…',
    count_one: '{{count, number}} taak',
    count_other: '{{count, number}} taken',
    empty:
      'De geschiedenis is leeg. „Afgerond opruimen” op het tabblad Taken verplaatst afgeronde taken hierheen.',
    noMatch: 'Geen taak in de geschiedenis heeft „{{query}}” in haar prompt.',
    notLoaded: 'Kon de geschiedenis niet laden: {{reason}}',
    more_one: 'Nog {{count, number}} tonen',
    more_other: 'Nog {{count, number}} tonen',
    ended: 'afgerond {{date}}',
    refunded: '{{cost}} terugbetaald',
    again: 'Opnieuw maken',
  },
  batches: queueBatches,
  file: queueFile,
  stores: {
    ledgerFailed: 'Kon de uitgaven niet laden',
    modelsFailed: 'Kon de modellen niet laden',
  },
};
