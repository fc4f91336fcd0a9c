import type { EmitEvent, Handlers } from '../../shared/contract';
import { UserError } from '../../shared/contract/result';
import type { Notice } from '../../shared/notices';
import type { SettingsView } from '../../shared/settings';
import type { AirforceApi } from './airforce/types';
import type { JobEngine } from './engine/engine';
import { createImageHandlers } from './engine/imageCommands';
import { createJobHandlers } from './engine/jobCommands';
import type { LibraryService } from './library/libraryService';
import { english, type Messages, type UiLanguage } from './i18n';
import type { ModelCatalog } from './models/modelCatalog';
import type { BlobStore, SecretStore } from './ports';
import { promiseTry } from './promiseTry';
import type { ApiKeys } from './settings/apiKeys';
import { createKeyHandlers, keyNotSaved } from './settings/keyCommands';
import type { KeyRing } from './settings/keyRing';
import type { SettingsService } from './settings/settingsService';
import { isWaiting } from '../../shared/jobs';

/** `library.import` is the service's own: it also claims an unclaimed task. */
type LibraryHandlers = Pick<
  Handlers,
  Exclude<Extract<keyof Handlers, `library.${string}`>, 'library.import'>
>;

/** The library's commands: one method of `LibraryService` each; a new folder is remembered. */
function libraryHandlers(
  library: LibraryService,
  rememberFolder: (folder: string) => void,
  chooseFolder: (() => Promise<string | null>) | undefined,
  { t }: Messages,
): LibraryHandlers {
  const setFolder = async (path: string) => {
    const info = await library.setFolder({ path });
    rememberFolder(info.folder);
    return info;
  };
  return {
    'library.info': () => library.info(),
    'library.search': (query) => library.search(query),
    'library.get': (request) => library.get(request),
    'library.favourite': (request) => library.favourite(request),
    'library.tag': (request) => library.tag(request),
    'library.delete': (request) => library.delete(request),
    'library.reveal': (request) => library.reveal(request),
    'library.locate': (request) => library.locate(request),
    'library.open': (request) => library.open(request),
    'library.saveFrame': (request) => library.saveFrame(request),
    'library.export': (request) => library.export(request),
    'library.listRemote': (request) => library.listRemote(request),
    'library.setFolder': ({ path }) => setFolder(path),
    'library.chooseFolder': async () => {
      if (!chooseFolder) throw new UserError('unavailable', t('library.noFolderPicker'));
      const path = await chooseFolder();
      return { info: path ? await setFolder(path) : null };
    },
    'library.rescan': () => library.rescan(),
  };
}

export interface AppServiceDeps {
  name: string;
  version: string;
  host: 'electron' | 'browser';
  /** Where the host serves media, for the UI (`app.info`). */
  mediaBase: string;
  settings: SettingsService;
  secrets: SecretStore;
  /** Which key may go where (`settings/apiKeys.ts`). */
  keys: ApiKeys;
  /** The user's keys, the first of them `keys`' (`settings/keyRing.ts`). */
  ring: KeyRing;
  api: AirforceApi;
  engine: JobEngine;
  catalog: ModelCatalog;
  blobs: BlobStore;
  library: LibraryService;
  /** The system's folder picker, where the host has one. */
  chooseFolder?: () => Promise<string | null>;
  emit: EmitEvent;
  /** What opening the user's data found (`app.notices`). */
  notices?: readonly Notice[];
  /** What the service says to the user, in main's current language (English if not given). */
  messages?: Messages;
  /** Takes the page's languages (`app.reportLanguages`); answers what main speaks now. */
  reportLanguages?: (languages: readonly string[]) => UiLanguage;
}

/**
 * Implements the contract. Hosts bind `handlers` to their transport and forward the
 * events; nothing else of core is visible to a UI.
 */
export class AppService {
  readonly handlers: Handlers;

  constructor(private readonly deps: AppServiceDeps) {
    const { settings, engine, catalog, keys, emit } = deps;
    const messages = deps.messages ?? english;
    this.handlers = {
      'app.info': () =>
        promiseTry(() => ({
          name: deps.name,
          version: deps.version,
          demo: settings.get().demo,
          host: deps.host,
          mediaBase: deps.mediaBase,
        })),
      'app.notices': () => Promise.resolve({ notices: [...(deps.notices ?? [])] }),
      'app.reportLanguages': ({ languages }) =>
        promiseTry(() => ({
          language: deps.reportLanguages ? deps.reportLanguages(languages) : messages.language(),
        })),
      'settings.get': async () => this.settingsView(),
      'settings.update': async (patch) => {
        const before = settings.get();
        settings.update(patch);
        // Another origin does not get the key checked against the old one: it is forgotten.
        const moved = settings.get().apiBase !== before.apiBase;
        if (moved) {
          await keys.baseChanged();
          await deps.ring.baseChanged();
        }
        const switched = patch.demo !== undefined && patch.demo !== before.demo;
        // The demo's simulator and the real API list different models.
        if (settings.get().apiBase !== before.apiBase || switched) catalog.forget();
        // Jobs queued against the demo must not be paid for with a real key (or the reverse)
        // without the user saying so: the queue waits for them to resume it.
        if (switched && engine.jobs().some((j) => isWaiting(j.status))) engine.setPaused(true);
        // Jobs held by the old budget are judged again by the new one.
        if (settings.get().dailyBudgetCents !== before.dailyBudgetCents)
          engine.queue.budgetChanged();
        const view = await this.settingsView();
        emit('settings.changed', view);
        if (moved || settings.get().concurrency !== before.concurrency) await this.keysChanged();
        engine.emitState();
        engine.pump();
        return view;
      },
      'settings.setApiKey': async ({ apiKey, sessionOnly }) => {
        await keys.save(apiKey, sessionOnly).catch((error: unknown) => {
          throw keyNotSaved(error, messages);
        });
        return this.keyChanged();
      },
      'settings.clearApiKey': async () => {
        await keys.clear();
        return this.keyChanged();
      },
      ...createKeyHandlers(
        deps.ring,
        async (secret) => {
          if (secret) await this.keyChanged();
          else await this.keysChanged();
        },
        messages,
      ),
      ...createJobHandlers(engine, deps.blobs, catalog, (ref) => deps.library.inputImage(ref)),
      ...createImageHandlers(deps.blobs, (key, values) => messages.t(key, values)),
      ...libraryHandlers(
        deps.library,
        (folder) => settings.update({ libraryFolder: folder }),
        deps.chooseFolder,
        messages,
      ),
      'library.import': async (request) => {
        const clip = await deps.library.import(request);
        // An unclaimed paid task is claimed once its clip is in the library.
        engine.queue.dismissUnclaimed(request.taskId);
        return clip;
      },
    };
  }

  private async keyChanged(): Promise<SettingsView> {
    this.deps.catalog.forget();
    const view = await this.settingsView();
    if (view.hasApiKey) this.deps.engine.release(this.heldForKey());
    this.deps.emit('settings.changed', view);
    await this.keysChanged();
    return view;
  }

  /** The keys changed (added, removed, their limits): the queue is spread over them anew. */
  private async keysChanged(): Promise<void> {
    this.deps.emit('keys.changed', { keys: await this.deps.ring.list() });
    this.deps.engine.emitState();
    this.deps.engine.pump();
  }

  private heldForKey(): string[] {
    return this.deps.engine
      .jobs()
      .flatMap((j) => (j.holdReason === 'no-key' || j.holdReason === 'key-rejected' ? [j.id] : []));
  }

  private async settingsView(): Promise<SettingsView> {
    return {
      settings: this.deps.settings.get(),
      ...(await this.deps.keys.view()),
      ...this.deps.secrets.describe(),
    };
  }
}
