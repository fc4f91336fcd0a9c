import type { Catalog } from './en';

/** What main says to the user, in Dutch ("je"-vorm). Same keys as `en.ts`, checked by `Catalog`. */
export const nl: Catalog = {
  notification: {
    ready_one: 'Clip klaar',
    ready_other: '{{count}} clips klaar',
    failed_one: 'Clip mislukt',
    failed_other: '{{count}} clips mislukt',
    expired_one: 'Clip verlopen voordat hij kon worden opgeslagen',
    expired_other: '{{count}} clips verlopen voordat ze konden worden opgeslagen',
    quoted: '“{{prompt}}”',
    andMore: '{{list}} en nog {{count}}',
  },
  shell: {
    trayTooltip_one: 'Airframe — {{count}} taak bezig',
    trayTooltip_other: 'Airframe — {{count}} taken bezig',
    trayShow: 'Airframe tonen',
    trayQuit: 'Stoppen',
    quitUnfinished_one: '{{count}} taak is nog niet klaar.',
    quitUnfinished_other: '{{count}} taken zijn nog niet klaar.',
    quitUnfinishedDetail:
      'Ze zijn bewaard en gaan verder, zonder dat je opnieuw betaalt, als je Airframe weer opent.',
    quitAnyway: 'Stoppen',
    keepRunning: 'Laten doorlopen',
    startFailed: 'Airframe kon niet starten',
    chooseLibraryFolder: 'Kies de map van de bibliotheek',
  },
  refused: {
    pageTitle: 'Open het adres dat de host toonde · Airframe',
    staleTitle: 'Dit Airframe-tabblad hoort bij een eerdere run van de host',
    staleWhy:
      'De host is gestopt of opnieuw gestart sinds dit tabblad werd geopend, en elke run heeft een eigen token.',
    noTokenTitle: 'Dit adres mist het token van Airframe',
    noTokenWhy:
      'De host biedt Airframe alleen aan op het adres dat hij bij het starten toonde, met het token van deze run.',
    openPrinted: 'Open het adres dat de host bij het starten toonde: het begint met {{address}}.',
    kept: 'Je taken en clips blijven bewaard. Taken gaan verder zodra de host weer draait.',
  },
  apiBase: {
    notAUrl: 'Vul een webadres in, zoals https://api.airforce.',
    scheme: 'De API-basis moet een https://-adres zijn, zoals https://api.airforce.',
    credentials: 'De API-basis mag geen gebruikersnaam of wachtwoord bevatten.',
    plainHttp:
      'Gewoon http:// mag alleen voor deze computer (localhost, 127.0.0.1, ::1): anders gaat de sleutel onversleuteld over het netwerk. Gebruik https://{{host}}.',
    refusedAtStart:
      'De API-basis {{apiBase}} die bij het starten is opgegeven, is geweigerd: {{problem}}',
  },
  key: {
    notSaved: 'De API-sleutel is niet opgeslagen: {{reason}}',
    otherOrigin:
      'De API-sleutel is gecontroleerd bij {{checked}}, niet bij {{origin}}, en wordt daar dus niet heen gestuurd: vul hem opnieuw in om hem met {{origin}} te gebruiken.',
    forgotten:
      'De API-sleutel is vergeten omdat de API-basis is gewijzigd in {{origin}}: vul hem opnieuw in.',
    unlinked: 'De API-sleutel hoort niet meer bij een API-basis: vul hem opnieuw in.',
  },
  library: {
    noFolderPicker:
      'Dit venster kan geen mapkiezer openen: typ in plaats daarvan het volledige pad van de map.',
  },
  request: {
    invalid: 'Ongeldig {{command}}-verzoek — {{issues}}',
  },
};
