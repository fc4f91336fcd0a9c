import type { Catalog } from '../../catalog';
import type { toasts as en } from '../en/toasts';

export const toasts: Catalog<typeof en> = {
  label: 'Melding',
  viewport: 'Meldingen ({hotkey})',
  show: 'Tonen',
  showAlt: 'Zoek het op in de wachtrij of de bibliotheek',
  dismiss: 'Sluiten',
};
