/** Toasts: what the notifier says in the window. */
export const toasts = {
  label: 'Notices',
  show: 'Show',
} as const;
