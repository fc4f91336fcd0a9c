import { queueBatches } from './queueBatches';
import { queueFile } from './queueFile';

/** The queue: rows, banner, filters, unclaimed tasks; the jobs, ledger and models stores. */
export const queue = {
  // The key a job goes out with, on its row when there are several (issue 18).
  jobKey: 'Key: {{name}}',
  elapsed: '{{clock}} elapsed',
  took: 'took {{clock}}',
  jobsHeld_one: '{{count}} job is held',
  jobsHeld_other: '{{count}} jobs are held',
  screen: {
    label: 'Queue of jobs',
    list: 'Jobs',
    filter: 'Filter by state',
    count_one: '{{shown}} of {{count}} job',
    count_other: '{{shown}} of {{count}} jobs',
    countRunning_one:
      '{{shown}} of {{count}} job · {{active}} of {{concurrency}} running on the server',
    countRunning_other:
      '{{shown}} of {{count}} jobs · {{active}} of {{concurrency}} running on the server',
    pause: 'Pause queue',
    resume: 'Resume queue',
    emptyBeside:
      'No jobs yet. Write a prompt and press Generate: the job appears here, and its clip is saved to the library when it is ready.',
    empty:
      'No jobs yet. Write a prompt in Compose and press Generate: the job appears here, and its clip is saved to the library when it is ready.',
    goCompose: 'Go to Compose',
    showAll: 'Show all jobs',
    keyboard:
      'Keyboard: ↑ ↓ between jobs · Alt+↑ Alt+↓ to reorder · Alt+Home to the top · Delete to remove.',
    loadFailed: 'Could not load the queue',
  },
  /** The list's section headers. */
  sections: {
    running_one: 'Under way · {{count, number}} job',
    running_other: 'Under way · {{count, number}} jobs',
    waiting_one: 'Waiting · {{count, number}} job',
    waiting_other: 'Waiting · {{count, number}} jobs',
    ended_one: 'Ended · {{count, number}} job',
    ended_other: 'Ended · {{count, number}} jobs',
  },
  filters: {
    all: 'All',
    waiting: 'Waiting',
    active: 'In progress',
    saved: 'Saved',
    problems: 'Failed or expired',
    cancelled: 'Cancelled',
  },
  /** What the list says when the filter hides every job. */
  noneIn: {
    all: 'No job to show.',
    waiting: 'No job is waiting.',
    active: 'No job is in progress.',
    saved: 'No job is saved.',
    problems: 'No job is failed or expired.',
    cancelled: 'No job is cancelled.',
  },
  status: {
    queued: 'Waiting',
    held: 'Held',
    submitting: 'Submitting',
    remoteQueued: 'Queued on the server',
    running: 'Generating',
    completed: 'Generated',
    downloading: 'Downloading',
    saved: 'Saved',
    failed: 'Failed',
    expired: 'Expired',
    cancelled: 'Cancelled',
  },
  heldFor: {
    noKey: 'Held: no API key saved',
    keyRejected: 'Held: the API refused the key',
    balance: 'Held: the balance is too low',
    budget: 'Held: the daily budget is reached',
  },
  holdReason: {
    noKey: 'no API key saved',
    keyRejected: 'the API refused the key',
    balance: 'the balance is too low',
    budget: 'the daily budget is reached',
  },
  progress: {
    label: 'Progress',
    submitting: 'Submitting',
    remoteQueued: 'Waiting for the server to start',
    running: 'Generating {{percent}}%',
    completed: 'Download starting',
    downloading: 'Downloading {{percent}}%',
    saved: 'Saved in the library',
  },
  times: {
    elapsedLeft: '{{clock}} elapsed · {{left}} left',
    once: 'takes {{about}} once started',
  },
  request: {
    seconds: '{{value}} s',
    mode: { text: 'text mode', image: 'image mode', reference: 'reference mode' },
    images_one: '{{count}} image',
    images_other: '{{count}} images',
    seed: 'seed {{seed}}',
    sound: 'sound',
  },
  error: {
    refunded: '{{message}} The cost was refunded.',
    notRefunded: '{{message}} Not refunded.',
  },
  actions: {
    cancel: 'Cancel',
    edit: 'Edit',
    up: 'Move up',
    down: 'Move down',
    top: 'Move to top',
    release: 'Release',
    retry: 'Retry',
    remove: 'Remove',
    show: 'Show in library',
    runAnyway: 'Run anyway',
    cancelOnServer: 'Cancel…',
  },
  cancelOnServer: {
    title: 'Cancel and delete on api.airforce?',
    body: 'The task is deleted with its video. The provider does not refund a deleted task: its cost ({{cost}}) stays spent.',
    bodyNoCost:
      'The task is deleted with its video. The provider does not refund a deleted task: its cost stays spent.',
    yes: 'Cancel and delete',
    keep: 'Keep it running',
  },
  row: {
    demo: 'demo',
    demoHint: 'Run in the built-in demo: free, and kept out of your spending',
    confirmSaved: 'Remove from the list? The clip stays in the library.',
    confirmOther: 'Remove from the list? This cannot be undone.',
    confirmSavedChain_one:
      'Remove from the list with its earlier attempt? The clip stays in the library.',
    confirmSavedChain_other:
      'Remove from the list with its {{count}} earlier attempts? The clip stays in the library.',
    confirmOtherChain_one: 'Remove from the list with its earlier attempt? This cannot be undone.',
    confirmOtherChain_other:
      'Remove from the list with its {{count}} earlier attempts? This cannot be undone.',
    yesRemove: 'Yes, remove',
    keep: 'Keep',
  },
  cost: {
    notCharged: 'not charged',
    debited: 'Debited',
    debitedLater: 'Debited when submitted',
    estimate: 'est. {{amount}}',
    refunded: '{{amount}}<tag> refunded</tag>',
    estimateRefunded: 'est. {{amount}}<tag> refunded</tag>',
  },
  /** A retried job's row: the attempts before it, inside it. */
  attempts: {
    summary: 'Attempt {{number}} · earlier: {{earlier}}',
    short: '{{status}} {{time}}',
    shortMoney: '{{status}} {{time}} ({{money}})',
    status: { failed: 'failed', expired: 'expired', cancelled: 'cancelled' },
    money: { refunded: 'refunded', notRefunded: 'not refunded', notCharged: 'not charged' },
    toggle: 'Earlier attempts',
    list: 'Earlier attempts of this job',
    number: 'Attempt {{number}}',
    cost: {
      refunded: '{{amount}} refunded',
      notRefunded: '{{amount}}, not refunded',
      notCharged: 'not charged',
    },
  },
  banner: {
    paused:
      'The queue is paused: nothing new is submitted. Jobs already on the server carry on. Resume queue sends the waiting ones.',
    noKey: 'Jobs are held: no API key is saved. Save one in Settings, or turn on the demo.',
    keyRejected: 'Jobs are held: the API refused the key. Replace it in Settings.',
    keyRejectedWith:
      'Jobs are held: the API refused the key ({{message}}). Replace it in Settings.',
    balance:
      'Jobs are held: the balance is too low. Top up your api.airforce account, then release them.',
    balanceWith:
      'Jobs are held: the balance is too low ({{message}}). Top up your api.airforce account, then release them.',
    openSettings: 'Open settings',
    release: 'Release held jobs ({{n}})',
    runAnyway: 'Run anyway ({{n}})',
    raiseBudget: 'Raise the budget in Settings',
    budget_one:
      "{{count}} job is held: it would pass the daily budget. Run it anyway (past today's budget), or raise the budget in Settings.",
    budget_other:
      "{{count}} jobs are held: they would pass the daily budget. Run them anyway (past today's budget), or raise the budget in Settings.",
    budgetSpent_one:
      "{{count}} job is held: with today's spending ({{spent}}) it would pass the daily budget. Run it anyway (past today's budget), or raise the budget in Settings.",
    budgetSpent_other:
      "{{count}} jobs are held: with today's spending ({{spent}}) they would pass the daily budget. Run them anyway (past today's budget), or raise the budget in Settings.",
    budgetOf_one:
      "{{count}} job is held: it would pass the daily budget of {{budget}}. Run it anyway (past today's budget), or raise the budget in Settings.",
    budgetOf_other:
      "{{count}} jobs are held: they would pass the daily budget of {{budget}}. Run them anyway (past today's budget), or raise the budget in Settings.",
    budgetSpentOf_one:
      "{{count}} job is held: with today's spending ({{spent}}) it would pass the daily budget of {{budget}}. Run it anyway (past today's budget), or raise the budget in Settings.",
    budgetSpentOf_other:
      "{{count}} jobs are held: with today's spending ({{spent}}) they would pass the daily budget of {{budget}}. Run them anyway (past today's budget), or raise the budget in Settings.",
    heldFor_one: '{{count}} job is held: {{reasons}}.',
    heldFor_other: '{{count}} jobs are held: {{reasons}}.',
    heldWaiting_one: '{{count}} job is held: waiting for you.',
    heldWaiting_other: '{{count}} jobs are held: waiting for you.',
    offline:
      'Offline: the API cannot be reached. Jobs carry on by themselves when the connection returns.',
    slowDown: 'The API asked us to slow down; submissions resume at {{time}}.',
    slowDownWith: 'The API asked us to slow down ({{message}}); submissions resume at {{time}}.',
    downloadsPaused:
      'Downloads are paused: {{reason}}. Finished clips stay on the server until they can be saved.',
  },
  task: {
    made: 'made {{date}}',
    seconds: '{{value}} s',
  },
  unclaimed: {
    label: 'Unclaimed paid tasks',
    intro_one:
      'A paid task on the server belongs to no job: a submission whose answer was lost made it. Import it to keep the clip (the server purges it 24 hours after it was made), or dismiss it.',
    intro_other:
      '{{count}} paid tasks on the server belong to no job: a submission whose answer was lost made them. Import them to keep the clips (the server purges each 24 hours after it was made), or dismiss them.',
    notYet: 'It can be imported once it has completed.',
    import: 'Import to library',
    importing: 'Importing…',
    dismiss: 'Dismiss',
    notImported: 'Not imported: {{reason}}',
    notDismissed: 'Not dismissed: {{reason}}',
  },
  check: {
    label: 'Was this job created?',
    candidates: "Tasks that could be this job's",
    isThis: "Task {{taskId}} is this job's",
    thisOne: 'This is the one',
    sendAgainLabel: 'Send again?',
    sendAgainWarning:
      "If the server did make this job's task, sending it again pays a second time.",
    sendAgain: 'Send again',
    keepLooking: 'Keep looking',
    noneOfThese: 'None of these: send again…',
    notCreated: 'It was not created: send again…',
  },
  history: {
    views: 'Queue views',
    jobsTab: 'Jobs',
    tab: 'History',
    label: 'History of cleared jobs',
    clear: 'Clear finished',
    nothingToClear: 'No job has ended yet',
    confirmTitle_one: 'Move {{count, number}} ended job to the history?',
    confirmTitle_other: 'Move {{count, number}} ended jobs to the history?',
    confirmBody:
      'They leave the queue. Their clips stay in the library, their spending stays in the totals, and the History tab keeps them, searchable by prompt.',
    confirm_one: 'Move {{count, number}} job',
    confirm_other: 'Move {{count, number}} jobs',
    keep: 'Keep them in the queue',
    notCleared: 'Nothing was moved: {{reason}}',
    cleared_one: '{{count, number}} job moved to the history.',
    cleared_other: '{{count, number}} jobs moved to the history.',
    open: 'Open the history',
    search: 'Search the history by prompt',
    searchPlaceholder: 'Search prompts…',
    count_one: '{{count, number}} job',
    count_other: '{{count, number}} jobs',
    empty: 'The history is empty. “Clear finished” in the Jobs tab moves ended jobs here.',
    noMatch: 'No job in the history has “{{query}}” in its prompt.',
    notLoaded: 'Could not load the history: {{reason}}',
    more_one: 'Show {{count, number}} more',
    more_other: 'Show {{count, number}} more',
    ended: 'ended {{date}}',
    refunded: '{{cost}} refunded',
    again: 'Compose again',
  },
  batches: queueBatches,
  file: queueFile,
  stores: {
    ledgerFailed: 'Could not load the spending totals',
    modelsFailed: 'Could not load the models',
  },
} as const;
