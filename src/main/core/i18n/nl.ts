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
    batchDone: 'Batch “{{name}}” klaar',
    queueDone: 'Wachtrij klaar',
    clipsReady_one: '{{count}} clip klaar',
    clipsReady_other: '{{count}} clips klaar',
    failedRefunded: '{{count}} mislukt en terugbetaald',
    failedNotRefunded: '{{count}} mislukt',
    cancelled: '{{count}} geannuleerd',
    spent: '{{amount,currency(USD)}}',
    spentDemo: 'gratis in de demo',
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
    otherHostName: 'Open het adres dat de host bij het starten toonde.',
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
    inUse:
      'De sleutel “{{name}}” wordt gebruikt door een taak op de server: wacht tot die klaar is, of annuleer hem daar.',
    unknown: 'Die sleutel bestaat niet.',
    tooMany: 'Hooguit {{count}} sleutels.',
    duplicate: 'Deze sleutel is al toegevoegd als “{{name}}”.',
    notSaved: 'De API-sleutel is niet opgeslagen: {{reason}}',
    otherOrigin:
      'De API-sleutel is gecontroleerd bij {{checked}}, niet bij {{origin}}, en wordt daar dus niet heen gestuurd: vul hem opnieuw in om hem met {{origin}} te gebruiken.',
    forgotten:
      'De API-sleutel is vergeten omdat de API-basis is gewijzigd in {{origin}}: vul hem opnieuw in.',
    unlinked: 'De API-sleutel hoort niet meer bij een API-basis: vul hem opnieuw in.',
  },
  job: {
    noKey: 'Voeg in Instellingen een API-sleutel toe (of start de demo) om taken in te dienen.',
    noKeyToFinish:
      'Voeg een API-sleutel toe om de controle van een onderbroken indiening af te maken.',
    inputGone:
      'Een invoerafbeelding kon niet worden gelezen (ze is niet meer bewaard): voeg haar opnieuw toe en probeer het nog eens.',
    inputUnreadable:
      'Een invoerafbeelding kon niet worden gelezen (de schijf meldde {{code}}): voeg haar opnieuw toe en probeer het nog eens.',
    balanceLow: 'Saldo te laag: {{reason}}',
    keyRefused: 'De API-sleutel is geweigerd: {{reason}}',
    connectionBroke: 'De verbinding viel weg nadat het verzoek was verstuurd ({{reason}}).',
    noUsableAnswer: 'De server gaf geen bruikbaar antwoord ({{reason}}).',
    lookingForTask:
      '{{why}} Airframe zoekt de taak eerst op de server voordat er iets opnieuw wordt verstuurd.',
    costUnknown: 'De kosten zijn onbekend en er is een dagbudget ingesteld.',
    overBudget: 'Hiermee zou het budget van vandaag worden overschreden.',
    overKeyBudget: 'Hiermee zou het budget van vandaag van de sleutel worden overschreden.',
    expiredOnServer: 'De taak is op de server verlopen.',
    failedOnServer: 'De taak is mislukt.',
    storageRetry: '{{reason}} Airframe probeert het over {{seconds}} s opnieuw.',
    ambiguous_one:
      '{{count}} taak op de server kan bij deze taak horen, en de server zegt niet welke. Kies de taak op de server die erbij hoort, of geef aan dat geen ervan erbij hoort.',
    ambiguous_other:
      '{{count}} taken op de server kunnen bij deze taak horen, en de server zegt niet welke. Kies de taak op de server die erbij hoort, of geef aan dat geen ervan erbij hoort.',
    looking:
      'Het aanmaakverzoek kreeg geen duidelijk antwoord en de taak op de server staat nog niet in de lijst van de server (controle {{look}} van {{of}}). Er wordt niets opnieuw verstuurd tot zeker is dat die taak er niet is.',
    oldDemo:
      'Een demotaak uit een eerdere sessie: de demo is met Airframe opnieuw gestart, dus de taak op de server bestaat niet meer. Er is niets in rekening gebracht; probeer de taak opnieuw om hem nog eens uit te voeren.',
    noKeyToFollow: 'Voeg een API-sleutel toe om je lopende taken te blijven volgen.',
    taskGone: 'De taak op de server bestaat niet meer (ergens anders verwijderd?).',
  },
  queue: {
    jobGone: 'Die taak bestaat niet meer.',
    inputImageUnusable:
      'Invoerafbeelding {{number}} van clip {{clipId}} kan niet worden gebruikt: {{reason}}.',
    imageNotOfType: 'Het bestand is geen {{mime}}-afbeelding: de inhoud zegt iets anders.',
    inputImageGone: 'Een invoerafbeelding is niet meer bewaard: voeg haar opnieuw toe.',
    onlyUnsubmittedEdited: 'Alleen een taak die nog niet is ingediend, kan worden bewerkt.',
    modelsNotLoaded: 'De modellen konden niet worden geladen: {{reason}}',
    submittedMeanwhile:
      'Deze taak is intussen ingediend; alleen een taak die nog niet is ingediend, kan worden bewerkt.',
    cannotCancel:
      'Deze taak is al ingediend en kan niet meer worden geannuleerd (de kosten worden vooraf afgeschreven).',
    onServerCancel:
      'Deze taak staat al op de server: annuleren verwijdert haar taak op api.airforce, met de video, en er wordt niets terugbetaald (de aanbieder betaalt een verwijderde taak niet terug).',
    notDeletedOnServer:
      'De taak is niet verwijderd op de server, dus de taak loopt door en blijft betaald: {{reason}}',
    cancelBeingSaved:
      'Deze taak is intussen klaar en haar clip wordt opgeslagen; ze wordt niet verwijderd.',
    cancelEnded: 'Deze taak is intussen beëindigd; er is niets verwijderd.',
    cancelDemoJob: 'Dit is een demotaak: zet de demo weer aan om haar te annuleren.',
    cancelRealJob: 'Deze taak loopt met je API-sleutel: zet de demo uit om haar te annuleren.',
    cannotRetry:
      'Alleen een mislukte, verlopen of geannuleerde taak kan opnieuw worden geprobeerd.',
    cannotRemove:
      'Deze taak is betaald maar nog niet opgeslagen; je kunt haar verwijderen zodra ze klaar is.',
    notWaiting: 'Deze taak wacht niet meer op je antwoord.',
    notCandidate: 'Die taak op de server is niet een van de kandidaten voor deze taak.',
    taskTaken: 'Die taak op de server hoort al bij een andere taak.',
    batchGone: 'Die batch bestaat niet meer.',
    batchJobInvalid: 'Taak {{number}} van de batch: {{reason}}',
    batchOverBudget:
      'Deze batch zou ongeveer {{total, currency(USD)}} kosten, meer dan de {{room, currency(USD)}} die nog over is van het dagbudget van vandaag. Er is niets in de wachtrij gezet: maak de batch kleiner of verhoog het dagbudget in Instellingen.',
    batchCostUnknown_one:
      'Van {{count}} taak in deze batch zijn de kosten onbekend en er is een dagbudget ingesteld. Er is niets in de wachtrij gezet.',
    batchCostUnknown_other:
      'Van {{count}} taken in deze batch zijn de kosten onbekend en er is een dagbudget ingesteld. Er is niets in de wachtrij gezet.',
  },
  queueFile: {
    nothingToExport: 'Er is niets om te exporteren: geen taak wacht erop om te worden verstuurd.',
    tooLargeToExport:
      'Het bestand zou {{size}} MB worden, meer dan de {{max}} MB die een wachtrijbestand mag zijn. Exporteer minder taken, een batch tegelijk.',
    notAZip:
      'Dit is geen wachtrijbestand van Airframe, of het is beschadigd (het opent niet als ZIP).',
    notAQueueFile: 'Dit is geen wachtrijbestand van Airframe: er zit geen airframe-queue.json in.',
    unknownVersion:
      'Dit wachtrijbestand is versie {{version}}; deze Airframe leest versie {{supported}}. Werk Airframe bij om het te importeren.',
    strangeEntry:
      'Het wachtrijbestand bevat “{{name}}”, wat geen wachtrijbestand bevat. Er is niets in de wachtrij gezet.',
    tooBig:
      'Het wachtrijbestand pakt uit tot meer dan {{max}} MB of {{entries}} onderdelen. Er is niets in de wachtrij gezet.',
    malformed:
      'Het wachtrijbestand is beschadigd bij {{where}}: {{reason}}. Er is niets in de wachtrij gezet.',
    imageMissing:
      'Het wachtrijbestand noemt {{file}}, maar bevat het niet. Er is niets in de wachtrij gezet.',
    imageBad:
      '{{file}} in het wachtrijbestand is niet de afbeelding die het zegt te zijn (inhoud of naam klopt niet). Er is niets in de wachtrij gezet.',
    tooManyJobs:
      'Het wachtrijbestand bevat {{count}} taken; er kunnen er hoogstens {{max}} tegelijk worden geïmporteerd.',
    jobInvalid: '{{where}}: {{reason}} Er is niets in de wachtrij gezet.',
    batchJob: 'Taak {{number}} van batch “{{name}}”',
    job: 'Taak {{number}}',
  },
  library: {
    noApiKey: 'Voeg eerst je API-sleutel toe in Instellingen',
    clipGone: 'Deze clip staat niet meer in de bibliotheek',
    notAbsolute: 'De map van de bibliotheek moet een volledig pad zijn',
    notMoved: 'De bibliotheek kon niet worden verplaatst naar {{folder}}: {{reason}}',
    notDeletedOnServer:
      'De server heeft de taak niet verwijderd, dus de clip is bewaard: {{reason}}',
    protected: 'De bibliotheek kan niet in {{folder}}: {{why}} Kies een andere map.',
    diskRoot: 'dat is de hoofdmap van een schijf.',
    holdsAppData: 'dan zouden de eigen gegevens van Airframe erin staan ({{data}}).',
    sharesAppFolder: 'dan zou ze een map delen met de eigen bestanden van Airframe ({{kept}}).',
    noFolderPicker:
      'Dit venster kan geen mapkiezer openen: typ in plaats daarvan het volledige pad van de map.',
    noSystemPlayer: 'Alleen de desktop-app kan een clip openen in de videospeler van het systeem.',
    notOpened: 'Het systeem kon de clip niet openen: {{reason}}',
    notPng: 'Het beeld is geen PNG-afbeelding.',
    tooManyFrames:
      'Deze clip heeft al {{max}} bewaarde beelden: verwijder eerst een paar van die bestanden.',
    nothingToExport: 'Geen van deze clips staat nog in de bibliotheek: er is niets te exporteren.',
    exportTooLarge:
      'De export zou groter worden dan {{max}} MB, meer dan één bestand kan bevatten. Exporteer minder clips tegelijk.',
  },
  request: {
    invalid: 'Ongeldig {{command}}-verzoek — {{issues}}',
  },
  download: {
    purged: 'De aanbieder heeft deze clip op {{at}} gewist voordat hij kon worden opgeslagen',
    expiredOnServer: 'Het resultaat is op de server verlopen voordat het kon worden opgeslagen',
    taskGone: 'De taak bestaat niet meer op de server, dus de clip kon niet worden opgeslagen',
    cannotSave: 'De clip kan niet worden opgeslagen: {{reason}}',
    badTaskId: 'de id van de taak op de server is leeg of langer dan {{max}} tekens',
    diskFull:
      'De schijf met de bibliotheek is vol. Maak wat ruimte vrij: de downloads gaan vanzelf verder.',
  },
  history: {
    unreadable: 'De geschiedenis van de server kon niet worden gelezen: {{reason}}',
    notCompleted:
      'Taak op de server {{taskId}} is {{status}}: alleen voltooide taken kunnen worden opgeslagen',
    noTask: 'De server heeft geen taak {{taskId}}',
    taskUnreadable: 'De taak op de server kon niet worden gelezen: {{reason}}',
  },
  api: {
    couldNotConnect: 'Kan geen verbinding maken met {{host}} ({{detail}})',
    brokeReading:
      'De verbinding met {{host}} viel weg tijdens het lezen van het antwoord ({{detail}})',
    connectionFailed: 'De verbinding met {{host}} is mislukt ({{detail}})',
    noAnswer: 'Geen antwoord van {{host}} binnen {{seconds, number}} s',
    redirected:
      'De server stuurde het verzoek door naar {{target}}; doorverwijzingen worden niet gevolgd',
    redirectedSomewhere: 'De server stuurde het verzoek door; doorverwijzingen worden niet gevolgd',
    retryIn: '; probeer het over {{seconds}} s opnieuw',
    unexpected: 'Onverwacht antwoord: {{message}}',
    unreadable: 'Het antwoord van de server kon niet worden gelezen: {{problem}} (HTTP {{status}})',
    expectedJson: 'JSON verwacht, maar kreeg “{{reason}}”',
    expectedJsonEmpty: 'JSON verwacht, maar het antwoord was leeg',
    unexpectedShape: 'onverwachte vorm ({{where}}{{issue}})',
    htmlPage: 'HTML-foutpagina',
    xmlDocument: 'XML-foutdocument',
    keyNotChecked:
      'De API-sleutel is niet naar {{origin}} gestuurd: hij is daar niet mee gecontroleerd',
    keyCheckedElsewhere:
      'De API-sleutel is niet naar {{origin}} gestuurd: hij is alleen met {{allowed}} gecontroleerd',
    keyUnsendable: 'De API-sleutel bevat tekens die niet kunnen worden verstuurd',
    requestFailed: 'Verzoek mislukt',
    http400: 'Ongeldig verzoek',
    http401: 'De API-sleutel is geweigerd',
    http402: 'Je saldo is te laag',
    http403: 'Toegang geweigerd',
    http404: 'Niet gevonden',
    http408: 'De server kreeg het verzoek niet op tijd binnen',
    http429: 'Te veel verzoeken',
    http500: 'Interne serverfout',
    http502: 'Foute gateway',
    http503: 'Dienst niet beschikbaar',
    http504: 'Time-out van de gateway',
  },
  notice: {
    damagedRestored:
      'Het instellingenbestand was beschadigd; de laatste goede kopie, van {{when}}, is teruggezet.',
    missingRestored:
      'Het instellingenbestand ontbrak; de laatste goede kopie, van {{when}}, is teruggezet.',
    damagedNoCopy:
      'Het instellingenbestand was beschadigd en er is geen goede kopie van; de instellingen beginnen bij hun standaardwaarden.',
    missingNoCopy:
      'Het instellingenbestand ontbrak en er is geen goede kopie van; de instellingen beginnen bij hun standaardwaarden.',
    keptAt: 'Het beschadigde bestand is bewaard in {{path}}.',
    moved: '{{jobs}} en {{entries}} zijn overgezet naar de nieuwe takendatabase.',
    jobs_one: '{{count}} taak',
    jobs_other: '{{count}} taken',
    ledgerEntries_one: '{{count}} boeking',
    ledgerEntries_other: '{{count}} boekingen',
    jobsNotAList:
      'De opgeslagen takenlijst was geen lijst; hij is in zijn geheel apart gezet, niet overschreven.',
    jobsSetAside_one: '{{count}} opgeslagen taak kon niet worden gelezen en is apart gezet.',
    jobsSetAside_other:
      '{{count}} opgeslagen taken konden niet worden gelezen en zijn apart gezet.',
    earlierKept_one:
      '{{count}} taak die een eerdere versie niet kon lezen, wordt apart bewaard in de database.',
    earlierKept_other:
      '{{count}} taken die een eerdere versie niet kon lezen, worden apart bewaard in de database.',
    ledgerNotAList:
      'De opgeslagen boekingen waren geen lijst; ze zijn in hun geheel apart gezet, en de uitgaventotalen beginnen bij nul.',
    ledgerSetAside_one:
      '{{count}} boeking kon niet worden gelezen en is apart gezet; de uitgaventotalen laten hem buiten beschouwing.',
    ledgerSetAside_other:
      '{{count}} boekingen konden niet worden gelezen en zijn apart gezet; de uitgaventotalen laten ze buiten beschouwing.',
  },
  taskStatus: {
    queued: 'in de wachtrij',
    running: 'bezig',
    completed: 'voltooid',
    failed: 'mislukt',
    expired: 'verlopen',
  },
};
