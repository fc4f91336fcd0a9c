/**
 * What main says to the user, in English: the source catalog. Every other language's catalog
 * has exactly these keys (`Catalog`), so a key added here and not there fails the typecheck.
 * Plurals use i18next's suffixes (`_one`, `_other`) with `{{count}}`.
 */
export const en = {
  notification: {
    ready_one: 'Clip ready',
    ready_other: '{{count}} clips ready',
    failed_one: 'Clip failed',
    failed_other: '{{count}} clips failed',
    expired_one: 'Clip expired before it could be saved',
    expired_other: '{{count}} clips expired before they could be saved',
    quoted: '“{{prompt}}”',
    andMore: '{{list}} and {{count}} more',
    batchDone: 'Batch “{{name}}” done',
    queueDone: 'Queue done',
    clipsReady_one: '{{count}} clip ready',
    clipsReady_other: '{{count}} clips ready',
    failedRefunded: '{{count}} failed and refunded',
    failedNotRefunded: '{{count}} failed',
    cancelled: '{{count}} cancelled',
    spent: '{{amount,currency(USD)}}',
    spentDemo: 'free in the demo',
  },
  shell: {
    trayTooltip_one: 'Airframe — {{count}} job running',
    trayTooltip_other: 'Airframe — {{count}} jobs running',
    trayShow: 'Show Airframe',
    trayQuit: 'Quit',
    quitUnfinished_one: '{{count}} job is not finished.',
    quitUnfinished_other: '{{count}} jobs are not finished.',
    quitUnfinishedDetail:
      'They are saved and will resume, without being paid for again, the next time you open Airframe.',
    quitAnyway: 'Quit',
    keepRunning: 'Keep running',
    startFailed: 'Airframe could not start',
    chooseLibraryFolder: 'Choose the library folder',
  },
  refused: {
    pageTitle: 'Open the address the host printed · Airframe',
    staleTitle: 'This Airframe tab belongs to an earlier run of the host',
    staleWhy:
      'The host stopped or restarted since this tab was opened, and each run has its own token.',
    noTokenTitle: 'This address lacks Airframe’s token',
    noTokenWhy:
      'The host serves Airframe only at the address it printed, which carries a token for this run.',
    openPrinted: 'Open the address the host printed when it started: it begins with {{address}}.',
    kept: 'Your jobs and clips are kept. Jobs resume when the host runs again.',
    otherHostName: 'Open the URL printed by the host.',
  },
  apiBase: {
    notAUrl: 'Enter a web address such as https://api.airforce.',
    scheme: 'The API base must be an https:// address, such as https://api.airforce.',
    credentials: 'The API base must not contain a user name or password.',
    plainHttp:
      'Plain http:// is accepted only for this computer (localhost, 127.0.0.1, ::1): the key would cross the network unencrypted. Use https://{{host}} instead.',
    refusedAtStart: 'The API base {{apiBase}} given at start is refused: {{problem}}',
  },
  key: {
    inUse:
      'The key “{{name}}” is in use by a job on the server: wait until it ends, or cancel it there.',
    unknown: 'There is no such key.',
    tooMany: 'At most {{count}} keys.',
    duplicate: 'This key is already added as “{{name}}”.',
    notSaved: 'The key was not saved: {{reason}}',
    otherOrigin:
      'The API key was checked against {{checked}}, not {{origin}}, so it is not sent there: enter it again to use it with {{origin}}.',
    forgotten:
      'The API key was forgotten because the API base changed to {{origin}}: enter it again.',
    unlinked: 'The API key is not linked to an API base any more: enter it again.',
  },
  job: {
    noKey: 'Add an API key in Settings (or start the demo) to submit jobs.',
    noKeyToFinish: 'Add an API key to finish checking a submission that was interrupted.',
    inputGone: 'An input image could not be read (it is no longer stored): add it again and retry.',
    inputUnreadable:
      'An input image could not be read (the disk said {{code}}): add it again and retry.',
    balanceLow: 'Balance too low: {{reason}}',
    keyRefused: 'The API key was refused: {{reason}}',
    connectionBroke: 'The connection broke after the request was sent ({{reason}}).',
    noUsableAnswer: 'The server gave no usable answer ({{reason}}).',
    lookingForTask: '{{why}} Looking for its task on the server before anything is sent again.',
    costUnknown: 'Its cost is unknown, and a daily budget is set.',
    overBudget: 'It would pass today’s budget.',
    overKeyBudget: 'It would pass today’s budget of its key.',
    expiredOnServer: 'The task expired on the server.',
    failedOnServer: 'The task failed.',
    storageRetry: '{{reason}} Airframe tries again in {{seconds}} s.',
    ambiguous_one:
      "{{count}} task on the server could be this job's, and the server does not say which. Choose the one that is this job's, or say none is.",
    ambiguous_other:
      "{{count}} tasks on the server could be this job's, and the server does not say which. Choose the one that is this job's, or say none is.",
    looking:
      "The create call got no clear answer and its task is not in the server's list yet (look {{look}} of {{of}}). Nothing is sent again until it is certain there is none.",
    oldDemo:
      'A demo job from an earlier run: the demo restarted with Airframe, so its task is gone. Nothing was charged; retry it to run it again.',
    noKeyToFollow: 'Add an API key to keep following your running jobs.',
    taskGone: 'The task no longer exists on the server (deleted elsewhere?).',
  },
  queue: {
    jobGone: 'That job no longer exists.',
    inputImageUnusable: 'Input image {{number}} of clip {{clipId}} cannot be used: {{reason}}.',
    imageNotOfType: 'The file is not a {{mime}} image: its contents say otherwise.',
    inputImageGone: 'An input image is no longer stored: add it again.',
    onlyUnsubmittedEdited: 'Only a job that has not been submitted can be edited.',
    modelsNotLoaded: 'Could not load the models: {{reason}}',
    submittedMeanwhile:
      'This job was submitted meanwhile; only a job that has not been submitted can be edited.',
    cannotCancel:
      'This job was already submitted; it cannot be cancelled (the cost is debited up front).',
    onServerCancel:
      'This job is already on the server: cancelling it deletes its task on api.airforce, with its video, and nothing is refunded (the provider does not refund a deleted task).',
    notDeletedOnServer:
      'The task was not deleted on the server, so the job keeps running and stays paid for: {{reason}}',
    cancelBeingSaved: 'This job finished meanwhile and its clip is being saved; it is not deleted.',
    cancelEnded: 'This job ended meanwhile; nothing was deleted.',
    cancelDemoJob: 'This is a demo job: turn the demo on again to cancel it.',
    cancelRealJob: 'This job runs with your API key: turn the demo off to cancel it.',
    cannotRetry: 'Only a failed, expired or cancelled job can be retried.',
    cannotRemove: 'This job is paid for and not yet saved; it can be removed once it ends.',
    notWaiting: 'This job is not waiting for your answer any more.',
    notCandidate: 'That task is not one of the candidates for this job.',
    taskTaken: 'That task already belongs to another job.',
    batchGone: 'That batch no longer exists.',
    batchJobInvalid: 'Job {{number}} of the batch: {{reason}}',
    batchOverBudget:
      'This batch would cost about {{total, currency(USD)}}, more than the {{room, currency(USD)}} left of today’s budget. Nothing was queued: make the batch smaller or raise the daily budget in Settings.',
    batchCostUnknown_one:
      'The cost of {{count}} job in this batch is unknown, and a daily budget is set. Nothing was queued.',
    batchCostUnknown_other:
      'The cost of {{count}} jobs in this batch is unknown, and a daily budget is set. Nothing was queued.',
  },
  queueFile: {
    nothingToExport: 'There is nothing to export: no job is waiting to be submitted.',
    tooLargeToExport:
      'The file would be {{size}} MB, more than the {{max}} MB a queue file may be. Export fewer jobs, a batch at a time.',
    notAZip: 'This is not an Airframe queue file, or it is damaged (it does not open as a ZIP).',
    notAQueueFile: 'This is not an Airframe queue file: it has no airframe-queue.json.',
    unknownVersion:
      'This queue file is version {{version}}; this Airframe reads version {{supported}}. Update Airframe to import it.',
    strangeEntry: 'The queue file holds “{{name}}”, which no queue file has. Nothing was queued.',
    tooBig:
      'The queue file unpacks to more than {{max}} MB or {{entries}} entries. Nothing was queued.',
    malformed: 'The queue file is damaged at {{where}}: {{reason}}. Nothing was queued.',
    imageMissing: 'The queue file names {{file}}, which it does not hold. Nothing was queued.',
    imageBad:
      '{{file}} in the queue file is not the image it claims to be (its contents or name do not match). Nothing was queued.',
    tooManyJobs: 'The queue file has {{count}} jobs; at most {{max}} can be imported at once.',
    jobInvalid: '{{where}}: {{reason}} Nothing was queued.',
    batchJob: 'Job {{number}} of batch “{{name}}”',
    job: 'Job {{number}}',
  },
  library: {
    noApiKey: 'Add your API key in Settings first',
    clipGone: 'This clip is no longer in the library',
    notAbsolute: 'The library folder must be an absolute path',
    notMoved: 'The library could not be moved to {{folder}}: {{reason}}',
    notDeletedOnServer: 'The server did not delete the task, so the clip was kept: {{reason}}',
    protected: 'The library cannot be {{folder}}: {{why}} Choose another folder.',
    diskRoot: 'it is the root of a disk.',
    holdsAppData: "it would hold Airframe's own data ({{data}}).",
    sharesAppFolder: "it would share a folder with Airframe's own files ({{kept}}).",
    noFolderPicker: 'This window cannot open a folder picker: type the folder’s full path instead.',
    noSystemPlayer: 'Only the desktop app can open a clip in the system’s video player.',
    notOpened: 'The system could not open the clip: {{reason}}',
    notPng: 'The frame is not a PNG image.',
    tooManyFrames: 'This clip already has {{max}} saved frames: delete some of their files first.',
    nothingToExport: 'None of these clips is in the library any more: nothing to export.',
    exportTooLarge:
      'The export would be larger than {{max}} MB, more than one file can carry. Export fewer clips at a time.',
  },
  request: {
    invalid: 'Invalid {{command}} request — {{issues}}',
  },
  download: {
    purged: 'The provider purged this clip at {{at}} before it could be saved',
    expiredOnServer: 'The result expired on the server before it could be saved',
    taskGone: 'The task no longer exists on the server, so its clip could not be saved',
    cannotSave: 'The clip cannot be saved: {{reason}}',
    badTaskId: 'its task id is empty or over {{max}} characters',
    diskFull:
      'The disk holding the library is full. Free some space: downloads resume by themselves.',
  },
  history: {
    unreadable: "The server's history could not be read: {{reason}}",
    notCompleted: 'Task {{taskId}} is {{status}}: only completed tasks can be saved',
    noTask: 'The server has no task {{taskId}}',
    taskUnreadable: 'The task could not be read: {{reason}}',
  },
  api: {
    couldNotConnect: 'Could not connect to {{host}} ({{detail}})',
    brokeReading: 'The connection to {{host}} broke while reading the answer ({{detail}})',
    connectionFailed: 'The connection to {{host}} failed ({{detail}})',
    noAnswer: 'No answer from {{host}} within {{seconds, number}} s',
    redirected: 'The server redirected the request to {{target}}; redirects are not followed',
    redirectedSomewhere: 'The server redirected the request; redirects are not followed',
    retryIn: '; try again in {{seconds}} s',
    unexpected: 'Unexpected answer: {{message}}',
    unreadable: "The server's answer could not be read: {{problem}} (HTTP {{status}})",
    expectedJson: 'expected JSON, got “{{reason}}”',
    expectedJsonEmpty: 'expected JSON, got an empty body',
    unexpectedShape: 'unexpected shape ({{where}}{{issue}})',
    htmlPage: 'HTML error page',
    xmlDocument: 'XML error document',
    keyNotChecked: 'The API key was not sent to {{origin}}: it was not checked against it',
    keyCheckedElsewhere:
      'The API key was not sent to {{origin}}: it was checked against {{allowed}} only',
    keyUnsendable: 'The API key contains characters that cannot be sent',
    requestFailed: 'Request failed',
    http400: 'Bad request',
    http401: 'The API key was rejected',
    http402: 'Your balance is too low',
    http403: 'Access denied',
    http404: 'Not found',
    http408: 'The server timed out waiting for the request',
    http429: 'Too many requests',
    http500: 'Internal server error',
    http502: 'Bad gateway',
    http503: 'Service unavailable',
    http504: 'Gateway timeout',
  },
  notice: {
    damagedRestored: 'The settings file was damaged; restored the last good copy, from {{when}}.',
    missingRestored: 'The settings file was missing; restored the last good copy, from {{when}}.',
    damagedNoCopy:
      'The settings file was damaged and there is no good copy of it; the settings start from their defaults.',
    missingNoCopy:
      'The settings file was missing and there is no good copy of it; the settings start from their defaults.',
    keptAt: 'The damaged file is kept at {{path}}.',
    moved: 'Moved {{jobs}} and {{entries}} into the new job database.',
    jobs_one: '{{count}} job',
    jobs_other: '{{count}} jobs',
    ledgerEntries_one: '{{count}} ledger entry',
    ledgerEntries_other: '{{count}} ledger entries',
    jobsNotAList: 'The stored job list was not a list; it was set aside whole, not overwritten.',
    jobsSetAside_one: '{{count}} stored job could not be read and was set aside.',
    jobsSetAside_other: '{{count}} stored jobs could not be read and were set aside.',
    earlierKept_one:
      '{{count}} job an earlier version could not read is kept aside in the database.',
    earlierKept_other:
      '{{count}} jobs an earlier version could not read are kept aside in the database.',
    ledgerNotAList:
      'The stored ledger was not a list; it was set aside whole, and the spending totals start from zero.',
    ledgerSetAside_one:
      '{{count}} ledger entry could not be read and was set aside; the spending totals leave it out.',
    ledgerSetAside_other:
      '{{count}} ledger entries could not be read and were set aside; the spending totals leave them out.',
  },
  taskStatus: {
    queued: 'queued',
    running: 'running',
    completed: 'completed',
    failed: 'failed',
    expired: 'expired',
  },
} as const;

/** The shape every catalog has: the same keys, each a string. */
export type Catalog = {
  readonly [K in keyof typeof en]: { readonly [L in keyof (typeof en)[K]]: string };
};
