import type { Catalog } from '../../catalog';
import type { queue as en } from '../en/queue';

export const queue: Catalog<typeof en> = {
  elapsed: '{{clock}} verstreken',
  took: 'duurde {{clock}}',
  jobsHeld_one: '{{count}} taak wordt vastgehouden',
  jobsHeld_other: '{{count}} taken worden vastgehouden',
};
