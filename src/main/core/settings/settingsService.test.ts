import { describe, expect, it } from 'vitest';
import { defaultSettings } from '../../../shared/settings';
import { MemoryStore } from '../stores/memoryStore';
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
    store.set('settings', { version: 1, concurrency: 'lots' });
    expect(new SettingsService(store).get()).toEqual(defaultSettings);
    expect(store.get('settings.backup')).toEqual({ version: 1, concurrency: 'lots' });
  });

  it('applies start-up overrides without persisting them', () => {
    const store = new MemoryStore();
    expect(new SettingsService(store, { demo: true }).get().demo).toBe(true);
    expect(store.get('settings')).toBeUndefined();
  });
});
