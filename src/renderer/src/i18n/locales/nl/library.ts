import type { Catalog } from '../../catalog';
import type { library as en } from '../en/library';

export const library: Catalog<typeof en> = {
  clipCount_one: '{{count, number}} clip',
  clipCount_other: '{{count, number}} clips',
};
