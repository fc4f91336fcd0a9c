/** The app's own notices: files restored from a backup, rows set aside (their text is main's). */
export const app = {
  noticesLabel: 'Notices about your data',
  dismiss: 'Dismiss',
} as const;
