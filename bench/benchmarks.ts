import type { Benchmark } from './support/context';
import { bundle } from './bundle.bench';
import { coldStart } from './coldStart.bench';
import { cutDownload } from './cutDownload.bench';
import { download } from './download.bench';
import { engineLoad } from './engineLoad.bench';
import { hoverScrub } from './hoverScrub.bench';
import { idle } from './idle.bench';
import { libraryLoad } from './libraryLoad.bench';
import { libraryView } from './libraryView.bench';
import { notify } from './notify.bench';
import { queueView } from './queueView.bench';
import { requests } from './requests.bench';
import { storage } from './storage.bench';

/** In the order they run: the quick in-process ones first, Chromium last. */
export const benchmarks: Benchmark[] = [
  notify,
  requests,
  download,
  cutDownload,
  libraryLoad,
  idle,
  storage,
  engineLoad,
  bundle,
  coldStart,
  libraryView,
  hoverScrub,
  queueView,
];
