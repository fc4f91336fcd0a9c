/** Toasts: what the notifier says in the window (its title and body come from main). */
export const toasts = {
  label: 'Notice',
  viewport: 'Notices ({hotkey})',
  show: 'Show',
  showAlt: 'Find it in the Queue or the Library',
  dismiss: 'Dismiss',
} as const;
