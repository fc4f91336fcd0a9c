import { join } from 'node:path';
import { createCore, type Core, type DemoBackend } from '../main/core/createCore';
import { simulatorDemo } from '../simulator/demoBackend';
import { EventHub } from '../main/core/eventHub';
import type { Clock, Notifier, UserNotification } from '../main/core/ports';
import { FileSecretStore } from '../main/core/stores/fileSecretStore';
import { JsonFileStore } from '../main/core/stores/jsonFileStore';
import { packageVersion } from './browserHost';

/**
 * The demo's sample clips, found from this file's folder: `src/host` under tsx and `out/host`
 * when pre-bundled are both two levels below the repository (the simulator's own default is
 * relative to its module, which a bundle moves).
 */
const sampleMediaDir = join(import.meta.dirname, '..', '..', 'src', 'simulator', 'media');

export interface HostCoreOptions {
  dataDir: string;
  /** The library folder (default: `<dataDir>/library`). */
  libraryFolder?: string;
  /** A folder picker (the browser host has none; tests stand one in). */
  chooseFolder?: () => Promise<string | null>;
  /** Demo mode's simulator (defaults to the built-in one). */
  demoBackend?: DemoBackend;
  apiBase?: string;
  demo?: boolean;
  clock?: Clock;
}

export interface HostCore extends Core {
  events: EventHub;
  /** Every notification shown, for tests. */
  notifications: UserNotification[];
  /** Every file "revealed" (the browser host has no file manager to open), for tests. */
  revealed: string[];
}

/**
 * The browser host's core: files under `dataDir`, notifications as in-app toasts (the
 * `notification.shown` event), recorded for tests.
 */
export async function createHostCore(options: HostCoreOptions): Promise<HostCore> {
  const events = new EventHub();
  const notifications: UserNotification[] = [];
  const notifier: Notifier = {
    notify(notification) {
      notifications.push(notification);
      events.emit('notification.shown', notification);
    },
  };
  const revealed: string[] = [];
  const core = await createCore({
    name: 'Airframe',
    version: packageVersion(),
    host: 'browser',
    store: new JsonFileStore(join(options.dataDir, 'store.json')),
    secrets: new FileSecretStore(join(options.dataDir, 'api-key')),
    dataDir: options.dataDir,
    defaultLibraryFolder: options.libraryFolder ?? join(options.dataDir, 'library'),
    reveal: (path) => {
      revealed.push(path);
      return Promise.resolve();
    },
    ...(options.chooseFolder ? { chooseFolder: options.chooseFolder } : {}),
    mediaMount: '/media',
    mediaBase: '/media',
    notifier,
    events,
    demo: options.demoBackend ?? simulatorDemo({ mediaDir: sampleMediaDir }),
    ...(options.clock ? { clock: options.clock } : {}),
    overrides: {
      ...(options.apiBase ? { apiBase: options.apiBase } : {}),
      ...(options.demo !== undefined ? { demo: options.demo } : {}),
    },
    log: (message, error) => console.error(`[core] ${message}`, error ?? ''),
  });
  return { ...core, events, notifications, revealed };
}
