/** The window's frame: header, navigation, connection banner. */
export const shell = {
  nav: {
    label: 'Main',
    compose: 'Compose',
    queue: 'Queue',
    library: 'Library',
    settings: 'Settings',
  },
  unfinished: '{{count}} unfinished',
  demoBadge: 'Demo',
} as const;
