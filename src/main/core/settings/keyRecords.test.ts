import { describe, expect, it } from 'vitest';
import { FIRST_KEY_ID } from '../../../shared/apiKeys';
import { defaultSettings } from '../../../shared/settings';
import { MemoryStore } from '../stores/memoryStore';
import { loadKeyRecords, saveKeyRecords } from './keyRecords';

describe('the keys’ records', () => {
  it('on the first start makes the single key of earlier versions the first key, “Default”', () => {
    const store = new MemoryStore();
    const keys = loadKeyRecords(store, { ...defaultSettings, concurrency: 2 });
    expect(keys).toEqual([
      { id: FIRST_KEY_ID, name: 'Default', concurrency: 2, dailyBudgetCents: null, origin: null },
    ]);
    // Written once: the next start reads it back, whatever the settings say then.
    expect(loadKeyRecords(store, defaultSettings)).toEqual(keys);
  });

  it('keeps what it cannot read aside and starts again from the first key', () => {
    const store = new MemoryStore();
    store.set('apiKeys', { version: 1, keys: [{ id: 'x', name: 'Lost' }] });
    expect(loadKeyRecords(store, defaultSettings).map((key) => key.id)).toEqual([FIRST_KEY_ID]);
    expect(store.get('apiKeys.backup')).toEqual({ version: 1, keys: [{ id: 'x', name: 'Lost' }] });
  });

  it('refuses to write a list without the first key first', () => {
    const store = new MemoryStore();
    const other = { id: 'b', name: 'B', concurrency: 4, dailyBudgetCents: null, origin: null };
    expect(() => saveKeyRecords(store, [other])).toThrow();
    expect(store.get('apiKeys')).toBeUndefined();
  });
});
