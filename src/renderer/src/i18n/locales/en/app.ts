/** The app's own notices: files restored from a backup, rows set aside. */
export const app = {
  noticesLabel: 'Notices about your data',
} as const;
