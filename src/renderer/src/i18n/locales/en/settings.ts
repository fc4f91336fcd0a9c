/** Settings and the first-run screen. */
export const settings = {
  heading: 'Settings',
  loading: 'Loading settings…',
  notSaved: 'Not saved',
  loadFailed: 'Could not load the settings',
  api: {
    legend: 'API',
    demoHint:
      'The demo runs a built-in simulator of api.airforce: no key, no charges, sample clips. Turn it off to use your key.',
    baseUrl: 'API base URL',
    saveUrl: 'Save URL',
    useDefault: 'Use {{url}}',
    issues: {
      notAUrl: 'Enter a web address such as https://api.airforce.',
      scheme: 'The API base must be an https:// address, such as https://api.airforce.',
      credentials: 'The API base must not contain a user name or password.',
      plainHttp:
        'Plain http:// is accepted only for this computer (localhost, 127.0.0.1, ::1): the key would cross the network unencrypted. Use https://{{host}} instead.',
    },
    otherOrigin:
      'The key is sent only where it was checked: saving another address forgets it, and you enter it again.',
  },
  demo: {
    label: 'Demo mode',
    on: 'The demo is on.',
    off: 'The demo is off.',
    starting: 'Starting the demo…',
    leaving: 'Leaving the demo…',
    couldNotStart: 'The demo could not start',
    couldNotStop: 'The demo could not stop',
  },
  queue: {
    legend: 'Queue',
    concurrency: 'Concurrent tasks',
    concurrencyHint:
      'How many jobs run on the server at once; api.airforce allows at most 4 per key.',
    notifications: 'Notifications',
    notificationsHint: 'Say when a clip is ready, or a job failed or expired.',
    drainSound: 'Sound when the queue or a batch is done',
    drainSoundHint: 'A short tone with the notification that everything queued has finished.',
    background: 'Keep working in the background',
    backgroundHint:
      'Closing the window keeps Airframe in the tray while jobs are unfinished, so their clips are still saved.',
  },
  budget: {
    label: 'Daily budget (USD)',
    placeholder: 'No limit',
    save: 'Save budget',
    hint: 'Jobs that would pass it are held: run them anyway from the queue, or change the budget and they are judged again. Empty for no limit.',
    problem:
      'Enter an amount in dollars, such as 5, 12.50 or 12,50 (no thousands separators), or leave it empty for no limit.',
  },
  theme: {
    legend: 'Appearance',
    label: 'Theme',
    system: 'System',
    light: 'Light',
    dark: 'Dark',
    hint: 'System follows the light or dark mode of your computer.',
  },
  language: {
    legend: 'Language',
    system: 'System ({{language}})',
    hint: 'System follows the language of your computer or browser.',
  },
  library: { legend: 'Library' },
  spending: {
    legend: 'Spending',
    label: 'Spending',
    today: 'Today',
    month: 'This month',
    total: 'All time',
    refundedToday: 'Refunded today',
    refunded: 'Refunded in all',
    demo: 'In the demo (free)',
  },
  key: {
    saved: 'Key saved',
    savedAccepted: 'The API accepted it. {{where}}; it is never shown again.',
    savedWhere: '{{where}}; it is never shown again.',
    storedWhere: {
      'os-encrypted': 'It is encrypted by your system’s key store',
      'obfuscated-on-disk': 'This system has no key store, so it is only obfuscated on disk',
      'session-only': 'It is kept for this session only and forgotten when Airframe quits',
      'owner-only-file': 'It is kept in a file only your user account can read',
      none: 'It is stored',
    },
    demoStillOn:
      'The demo is still on, so jobs run in the demo, free. Airframe uses this key once you leave the demo.',
    leaveDemo: 'Leave the demo',
    label: 'API key',
    newLabel: 'New API key',
    placeholder: 'sk-air-…',
    checking: 'Checking…',
    save: 'Save key',
    typeFirst: 'Type a key first.',
    tooShort: 'A key has at least 8 characters.',
    hint: 'Your key from api.airforce. It is checked against the API before it is saved.',
    insecure:
      'No secure key store is available here (such as a system keyring), so a saved key is kept on this computer without real encryption. You can keep it for this session only instead; it is then forgotten when Airframe stops.',
    sessionOnly: 'Keep the key for this session only',
    replace: 'Replace key',
    remove: 'Remove key',
    removeGroup: 'Remove the key',
    removeQuestion: 'Remove the saved key? Jobs wait until a new key is saved.',
    removeYes: 'Yes, remove key',
    keep: 'Keep it',
  },
  firstRun: {
    title: 'Welcome to Airframe',
    intro:
      'Airframe queues video prompts for api.airforce, follows them while you work, and keeps every clip in a library on this computer.',
    useKey: 'Use your API key',
    tryDemo: 'Try the demo',
    demoText:
      'A built-in simulator of the API: no key, no charges. You can switch to your key later in Settings.',
    startDemo: 'Start the demo',
    lookAround: 'Look around first',
  },
} as const;
