import type { Catalog } from '../../catalog';
import type { shell as en } from '../en/shell';

export const shell: Catalog<typeof en> = {
  nav: {
    label: 'Hoofdmenu',
    compose: 'Maken',
    queue: 'Wachtrij',
    library: 'Bibliotheek',
    settings: 'Instellingen',
  },
  unfinished: '{{count}} onvoltooid',
  demoBadge: 'Demo',
};
