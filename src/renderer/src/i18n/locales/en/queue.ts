/** The queue: rows, banner, filters, unclaimed tasks. */
export const queue = {
  elapsed: '{{clock}} elapsed',
  took: 'took {{clock}}',
  jobsHeld_one: '{{count}} job is held',
  jobsHeld_other: '{{count}} jobs are held',
} as const;
