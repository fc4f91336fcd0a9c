import { describe, expect, it } from 'vitest';
import { defaultSettings } from '../../../shared/settings';
import { MemoryStore } from '../stores/memoryStore';
import { migrate } from './migrations';
import { SettingsService } from './settingsService';

describe('SettingsService', () => {
  it('starts from the defaults and persists changes', () => {
    const store = new MemoryStore();
    new SettingsService(store).update({ concurrency: 2 });
    expect(new SettingsService(store).get()).toEqual({ ...defaultSettings, concurrency: 2 });
  });

  it('rejects an invalid change and keeps the old value', () => {
    const service = new SettingsService(new MemoryStore());
    expect(() => service.update({ concurrency: 5 })).toThrow();
    expect(service.get().concurrency).toBe(4);
  });

  it('backs up settings that no longer parse and starts from defaults', () => {
    const store = new MemoryStore();
    store.set('settings', { version: 2, concurrency: 'lots' });
    expect(new SettingsService(store).get()).toEqual(defaultSettings);
    expect(store.get('settings.backup')).toEqual({ version: 2, concurrency: 'lots' });
  });

  it('backs up settings from a newer version instead of guessing', () => {
    const store = new MemoryStore();
    store.set('settings', { version: 99, concurrency: 3 });
    expect(new SettingsService(store).get()).toEqual(defaultSettings);
    expect(store.get('settings.backup')).toEqual({ version: 99, concurrency: 3 });
  });

  it('reads a version 3 file from before the theme setting as following the OS, keeping the rest', () => {
    const store = new MemoryStore();
    const { theme: _theme, ...beforeTheme } = { ...defaultSettings, concurrency: 2, demo: true };
    store.set('settings', beforeTheme);
    const service = new SettingsService(store);
    expect(service.get()).toEqual({ ...beforeTheme, theme: 'system' });
    expect(store.get('settings.backup')).toBeUndefined();
    service.update({ theme: 'dark' });
    expect(new SettingsService(store).get()).toMatchObject({ theme: 'dark', concurrency: 2 });
  });

  it('refuses a theme it does not know', () => {
    const service = new SettingsService(new MemoryStore());
    expect(() => service.update({ theme: 'sepia' as 'dark' })).toThrow();
    expect(service.get().theme).toBe('system');
  });

  it('refuses a start-up override of the API base that is plain http to another machine', () => {
    expect(
      () => new SettingsService(new MemoryStore(), { apiBase: 'http://10.1.2.3:8787' }),
    ).toThrow(/http:\/\/10\.1\.2\.3:8787 given at start is refused: Plain http/);
  });

  it('applies start-up overrides without persisting them', () => {
    const store = new MemoryStore();
    const service = new SettingsService(store, { demo: true, apiBase: 'http://127.0.0.1:9' });
    expect(service.get().demo).toBe(true);
    service.update({ concurrency: 3 });
    expect(store.get('settings')).toMatchObject({
      demo: false,
      apiBase: defaultSettings.apiBase,
      concurrency: 3,
    });
    expect(service.get()).toMatchObject({ demo: true, concurrency: 3 });
  });
});

describe('settings migrations', () => {
  it('migrates an unversioned file step by step, keeping a backup of what it read', () => {
    const store = new MemoryStore();
    const v0 = {
      apiUrl: 'https://gateway.example',
      concurrency: 2,
      notifications: false,
      dailyBudgetCents: null,
      demo: false,
    };
    store.set('settings', v0);
    const settings = new SettingsService(store).get();
    expect(settings).toEqual({
      ...defaultSettings,
      apiBase: 'https://gateway.example',
      apiKeyOrigin: 'https://gateway.example',
      concurrency: 2,
      notifications: false,
    });
    expect(store.get('settings.backup.v0')).toEqual(v0);
    expect(store.get('settings')).toEqual(settings);
  });

  it('adds the tray setting to version 1 files', () => {
    expect(migrate({ version: 1, concurrency: 4, apiBase: 'https://api.airforce' })).toMatchObject({
      concurrency: 4,
      runInBackground: true,
      libraryFolder: null,
    });
  });

  it('binds a key saved by version 2 to the origin of the base it was checked against', () => {
    const store = new MemoryStore();
    const { apiKeyOrigin: _origin, apiKeyForgottenFor: _forgotten, ...v3 } = defaultSettings;
    const v2 = { ...v3, version: 2, apiBase: 'https://gw.example:8443/airforce' };
    store.set('settings', v2);
    expect(new SettingsService(store).get()).toMatchObject({
      version: 3,
      apiBase: 'https://gw.example:8443/airforce',
      apiKeyOrigin: 'https://gw.example:8443',
      apiKeyForgottenFor: null,
    });
    expect(store.get('settings.backup.v2')).toEqual(v2);
  });

  it('moves a version 2 base that is plain http to another machine back to the default, binding the key nowhere', () => {
    const v2 = { version: 2, apiBase: 'http://gateway.lan:8787', concurrency: 3 };
    const store = new MemoryStore();
    store.set('settings', v2);
    expect(new SettingsService(store).get()).toEqual({
      ...defaultSettings,
      concurrency: 3,
      apiKeyOrigin: null,
      apiKeyForgottenFor: 'https://api.airforce',
    });
    expect(store.get('settings.backup.v2')).toEqual(v2);
  });

  it('keeps a version 2 base on loopback (the simulator) and binds the key to it', () => {
    expect(migrate({ version: 2, apiBase: 'http://127.0.0.1:8787' })).toEqual({
      version: 3,
      apiBase: 'http://127.0.0.1:8787',
      apiKeyOrigin: 'http://127.0.0.1:8787',
      apiKeyForgottenFor: null,
    });
  });
});
