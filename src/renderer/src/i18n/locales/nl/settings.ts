import type { Catalog } from '../../catalog';
import type { settings as en } from '../en/settings';

export const settings: Catalog<typeof en> = {
  heading: 'Instellingen',
  loading: 'Instellingen laden…',
  notSaved: 'Niet opgeslagen',
  loadFailed: 'De instellingen konden niet worden geladen',
  api: {
    legend: 'API',
    demoHint:
      'De demo draait een ingebouwde simulator van api.airforce: geen sleutel, geen kosten, voorbeeldclips. Zet hem uit om je eigen sleutel te gebruiken.',
    baseUrl: 'Basis-URL van de API',
    saveUrl: 'URL opslaan',
    useDefault: '{{url}} gebruiken',
    issues: {
      notAUrl: 'Voer een webadres in, zoals https://api.airforce.',
      scheme: 'De basis-URL van de API moet een https://-adres zijn, zoals https://api.airforce.',
      credentials: 'De basis-URL van de API mag geen gebruikersnaam of wachtwoord bevatten.',
      plainHttp:
        'Gewoon http:// mag alleen voor deze computer (localhost, 127.0.0.1, ::1): de sleutel zou onversleuteld over het netwerk gaan. Gebruik in plaats daarvan https://{{host}}.',
    },
    otherOrigin:
      'De sleutel wordt alleen gestuurd naar waar hij gecontroleerd is: sla je een ander adres op, dan wordt hij vergeten en voer je hem opnieuw in.',
  },
  demo: {
    label: 'Demomodus',
    on: 'De demo staat aan.',
    off: 'De demo staat uit.',
    starting: 'De demo wordt gestart…',
    leaving: 'De demo wordt verlaten…',
    couldNotStart: 'De demo kon niet starten',
    couldNotStop: 'De demo kon niet stoppen',
  },
  queue: {
    legend: 'Wachtrij',
    concurrency: 'Gelijktijdige taken',
    concurrencyHint:
      'Hoeveel taken tegelijk op de server draaien; api.airforce staat er per sleutel hoogstens 4 toe.',
    notifications: 'Meldingen',
    notificationsHint: 'Laat weten wanneer een clip klaar is, of een taak mislukt of verlopen is.',
    drainSound: 'Geluid wanneer de wachtrij of een reeks klaar is',
    drainSoundHint: 'Een korte toon bij de melding dat alles in de wachtrij klaar is.',
    background: 'Op de achtergrond doorwerken',
    backgroundHint:
      'Sluit je het venster, dan blijft Airframe in het systeemvak zolang er taken lopen, zodat hun clips toch worden bewaard.',
  },
  budget: {
    label: 'Dagbudget (USD)',
    placeholder: 'Geen limiet',
    save: 'Budget opslaan',
    hint: 'Taken die erboven zouden uitkomen, worden aangehouden: start ze toch vanuit de wachtrij, of pas het budget aan, dan worden ze opnieuw beoordeeld. Leeg voor geen limiet.',
    problem:
      'Voer een bedrag in dollars in, zoals 5, 12,50 of 12.50 (zonder scheidingstekens voor duizendtallen), of laat het leeg voor geen limiet.',
  },
  theme: {
    legend: 'Weergave',
    label: 'Thema',
    system: 'Systeem',
    light: 'Licht',
    dark: 'Donker',
    hint: 'Systeem volgt de lichte of donkere modus van je computer.',
  },
  language: {
    legend: 'Taal',
    system: 'Systeem ({{language}})',
    hint: 'Systeem volgt de taal van je computer of browser.',
  },
  library: { legend: 'Bibliotheek' },
  spending: {
    legend: 'Uitgaven',
    label: 'Uitgaven',
    today: 'Vandaag',
    month: 'Deze maand',
    total: 'Altijd',
    refundedToday: 'Vandaag terugbetaald',
    refunded: 'In totaal terugbetaald',
    demo: 'In de demo (gratis)',
  },
  key: {
    saved: 'Sleutel opgeslagen',
    savedAccepted: 'De API heeft hem geaccepteerd. {{where}}; hij wordt nooit meer getoond.',
    savedWhere: '{{where}}; hij wordt nooit meer getoond.',
    storedWhere: {
      'os-encrypted': 'Hij is versleuteld door de sleutelopslag van je systeem',
      'obfuscated-on-disk':
        'Dit systeem heeft geen sleutelopslag, dus hij is op schijf alleen onleesbaar gemaakt',
      'session-only': 'Hij wordt alleen voor deze sessie bewaard en vergeten als Airframe stopt',
      'owner-only-file': 'Hij staat in een bestand dat alleen jouw gebruikersaccount kan lezen',
      none: 'Hij is opgeslagen',
    },
    demoStillOn:
      'De demo staat nog aan, dus taken draaien gratis in de demo. Airframe gebruikt deze sleutel zodra je de demo verlaat.',
    leaveDemo: 'Demo verlaten',
    label: 'API-sleutel',
    newLabel: 'Nieuwe API-sleutel',
    placeholder: 'sk-air-…',
    checking: 'Controleren…',
    save: 'Sleutel opslaan',
    typeFirst: 'Typ eerst een sleutel.',
    tooShort: 'Een sleutel heeft minstens 8 tekens.',
    hint: 'Je sleutel van api.airforce. Hij wordt bij de API gecontroleerd voordat hij wordt opgeslagen.',
    insecure:
      'Hier is geen veilige sleutelopslag (zoals een systeemsleutelbos), dus een opgeslagen sleutel staat zonder echte versleuteling op deze computer. Je kunt hem in plaats daarvan alleen voor deze sessie bewaren; dan wordt hij vergeten als Airframe stopt.',
    sessionOnly: 'De sleutel alleen voor deze sessie bewaren',
    replace: 'Sleutel vervangen',
    remove: 'Sleutel verwijderen',
    removeGroup: 'De sleutel verwijderen',
    removeQuestion:
      'De opgeslagen sleutel verwijderen? Taken wachten tot er een nieuwe sleutel is opgeslagen.',
    removeYes: 'Ja, sleutel verwijderen',
    keep: 'Behouden',
  },
  keys: {
    legend: 'Sleutels',
    hint: 'Elke sleutel heeft eigen plaatsen (api.airforce draait hooguit 4 taken per sleutel), een eigen dagbudget en eigen uitgaven. Taken gaan naar een sleutel met een vrije plaats, of naar de sleutel waar je ze aan vastzet. De eerste sleutel is die hierboven.',
    listLabel: 'Sleutels',
    lastFour: '•••• {{lastFour}}',
    state: { ok: 'Klaar', refused: 'Geweigerd door de API', 'balance-low': 'Saldo te laag' },
    concurrency: 'Gelijktijdige taken voor {{name}}',
    budget: 'Dagbudget {{amount}}.',
    noBudget: 'Geen eigen dagbudget.',
    spentToday: 'Vandaag uitgegeven: {{amount}}.',
    rename: '{{name}} hernoemen',
    renameLabel: 'Nieuwe naam voor {{name}}',
    saveName: 'Naam opslaan',
    cancel: 'Annuleren',
    remove: '{{name}} verwijderen',
    removeQuestion: 'De sleutel “{{name}}” van deze computer verwijderen?',
    removeYes: 'Ja, verwijderen',
    keep: 'Behouden',
    addLabel: 'Een sleutel toevoegen',
    name: 'Naam',
    secret: 'Nieuwe sleutel',
    add: 'Sleutel toevoegen',
    added: 'Sleutel “{{name}}” toegevoegd: de API heeft hem geaccepteerd.',
  },
  firstRun: {
    title: 'Welkom bij Airframe',
    intro:
      'Airframe zet videoprompts voor api.airforce in de wachtrij, volgt ze terwijl je werkt en bewaart elke clip in een bibliotheek op deze computer.',
    useKey: 'Je API-sleutel gebruiken',
    tryDemo: 'De demo proberen',
    demoText:
      'Een ingebouwde simulator van de API: geen sleutel, geen kosten. Je kunt later in Instellingen overstappen op je sleutel.',
    startDemo: 'Demo starten',
    lookAround: 'Eerst rondkijken',
  },
};
