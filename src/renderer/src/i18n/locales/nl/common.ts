import type { Catalog } from '../../catalog';
import type { common as en } from '../en/common';

export const common: Catalog<typeof en> = {
  cancel: 'Annuleren',
  close: 'Sluiten',
  save: 'Opslaan',
  reload: 'Opnieuw laden',
  loading: 'Laden…',
  dismiss: 'Sluiten',
  more: 'Meer',
  failure: '{{what}}: {{reason}}',
  languages: { en: 'English', nl: 'Nederlands' },
  format: {
    centsPerSecond: '{{value}} ¢/s',
    aboutSeconds: 'ongeveer {{value}} s',
    aboutMinutes: 'ongeveer {{value}} min',
    expiresInMinutes: 'verloopt over {{value}} min',
    expiresInHours: 'verloopt over {{value}} u',
    expired: 'verlopen',
  },
};
