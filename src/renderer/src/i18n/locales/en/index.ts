import { app } from './app';
import { batch } from './batch';
import { common } from './common';
import { compose } from './compose';
import { library } from './library';
import { queue } from './queue';
import { settings } from './settings';
import { shell } from './shell';
import { toasts } from './toasts';

/** Every English namespace: the source of the keys and of the types of `t`. */
export const en = {
  common,
  shell,
  compose,
  batch,
  queue,
  library,
  settings,
  toasts,
  app,
} as const;
