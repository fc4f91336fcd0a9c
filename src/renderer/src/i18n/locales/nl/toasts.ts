import type { Catalog } from '../../catalog';
import type { toasts as en } from '../en/toasts';

export const toasts: Catalog<typeof en> = {
  label: 'Meldingen',
  show: 'Tonen',
};
