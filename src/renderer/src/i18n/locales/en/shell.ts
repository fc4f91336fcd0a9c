/** The window's frame: sidebar, navigation, connection banner, footer. */
export const shell = {
  appName: 'Airframe',
  nav: {
    label: 'Main',
    compose: 'Compose',
    queue: 'Queue',
    library: 'Library',
    settings: 'Settings',
    shortcut: '{{name}} (Ctrl+{{n}}, ⌘+{{n}} on a Mac)',
  },
  unfinished_one: '{{count}} unfinished',
  unfinished_other: '{{count}} unfinished',
  demoBadge: 'Demo',
  demoHint: 'Jobs run in the built-in simulator: free, sample clips',
  liveQueue: 'Live queue',
  needsKey: {
    text: 'No API key is saved, so nothing is sent to api.airforce: jobs wait until you save one in Settings, or turn on the demo there to try Airframe for free.',
    open: 'Open settings',
  },
  connectionLost:
    'Lost the connection to Airframe’s host: it stopped or restarted. Jobs do not carry on in this tab: they are kept, and resume when the host is started again. Then open the address it prints, or reload if it runs again at the same one.',
  footer: {
    versionLabel: 'App version',
    version: '{{name}} {{version}} · {{mode}} · {{host}}',
    demo: 'demo mode',
    live: 'live',
    engineUnreachable: 'Could not reach Airframe’s engine: {{reason}}',
  },
} as const;
