import type { Catalog } from '../../catalog';
import type { settings as en } from '../en/settings';

export const settings: Catalog<typeof en> = {
  language: {
    legend: 'Taal',
    system: 'Systeem ({{language}})',
    hint: 'Systeem volgt de taal van je computer of browser.',
  },
  budget: {
    problem:
      'Voer een bedrag in dollars in, zoals 5, 12,50 of 12.50 (zonder scheidingstekens voor duizendtallen), of laat het leeg voor geen limiet.',
  },
};
