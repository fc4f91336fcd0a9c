/** Words every feature uses, language names and the texts of `features/common/format.ts`. */
export const common = {
  cancel: 'Cancel',
  close: 'Close',
  save: 'Save',
  reload: 'Reload',
  loading: 'Loading…',
  dismiss: 'Dismiss',
  more: 'More',
  /** What failed, then why (main's own sentence). */
  failure: '{{what}}: {{reason}}',
  // Each language is named in itself, whatever the UI's language: a reader looks for their own.
  languages: { en: 'English', nl: 'Nederlands' },
  format: {
    centsPerSecond: '{{value}} ¢/s',
    aboutSeconds: 'about {{value}} s',
    aboutMinutes: 'about {{value}} min',
    expiresInMinutes: 'expires in {{value}} min',
    expiresInHours: 'expires in {{value}} h',
    expired: 'expired',
  },
} as const;
