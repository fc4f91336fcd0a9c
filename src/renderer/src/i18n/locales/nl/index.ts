import type { Catalog } from '../../catalog';
import type { en } from '../en';
import { app } from './app';
import { batch } from './batch';
import { common } from './common';
import { compose } from './compose';
import { library } from './library';
import { queue } from './queue';
import { settings } from './settings';
import { shell } from './shell';
import { toasts } from './toasts';

/** Every Dutch namespace, complete: `Catalog` fails `tsc` on a missing or extra namespace. */
export const nl: Catalog<typeof en> = {
  common,
  shell,
  compose,
  batch,
  queue,
  library,
  settings,
  toasts,
  app,
};
