import type { Catalog } from '../../catalog';
import type { compose as en } from '../en/compose';

export const compose: Catalog<typeof en> = {
  generate: 'Genereren',
  copies_one: '{{count}} kopie',
  copies_other: '{{count}} kopieën',
};
