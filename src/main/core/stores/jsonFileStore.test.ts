import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { JsonFileStore } from './jsonFileStore';
import { stringMatching } from '../../../../test/support/matchers';

const tempFile = () => join(mkdtempSync(join(tmpdir(), 'airframe-store-')), 'store.json');

describe('JsonFileStore', () => {
  it('keeps values across instances (a restart)', () => {
    const file = tempFile();
    new JsonFileStore(file).set('queue', [{ id: 'a' }]);
    expect(new JsonFileStore(file).get('queue')).toEqual([{ id: 'a' }]);
  });

  it('hands out copies, so a caller cannot change the store by mutating a value', () => {
    const store = new JsonFileStore(tempFile());
    store.set('x', { n: 1 });
    (store.get('x') as { n: number }).n = 2;
    expect(store.get('x')).toEqual({ n: 1 });
  });

  it('leaves no temporary file behind', () => {
    const file = tempFile();
    new JsonFileStore(file).set('a', 1);
    new JsonFileStore(file);
    expect(readdirSync(join(file, '..')).sort()).toEqual(['store.json', 'store.json.last-good']);
  });

  it('keeps an unreadable file aside instead of overwriting it, and says so', () => {
    const file = tempFile();
    writeFileSync(file, '{"queue": [tru');
    const store = new JsonFileStore(file);
    expect(store.get('queue')).toBeUndefined();
    const kept = readdirSync(join(file, '..')).find((name) =>
      name.startsWith('store.json.corrupt-'),
    );
    expect(kept).toBeDefined();
    expect(readFileSync(join(file, '..', kept!), 'utf8')).toBe('{"queue": [tru');
    expect(store.notices).toEqual([
      expect.objectContaining({
        level: 'error',
        message: `The settings file was damaged and there is no good copy of it; the settings start from their defaults. The damaged file is kept at ${join(file, '..', kept!)}.`,
      }),
    ]);
  });

  it('restores the last good copy of a file that became unreadable', () => {
    const file = tempFile();
    new JsonFileStore(file).set('settings', { concurrency: 3 });
    expect(new JsonFileStore(file).notices).toEqual([]);
    writeFileSync(file, '\0\0\0\0');
    const store = new JsonFileStore(file);
    expect(store.get('settings')).toEqual({ concurrency: 3 });
    expect(store.notices).toEqual([
      expect.objectContaining({
        level: 'warning',
        message: stringMatching(
          /^The settings file was damaged; restored the last good copy, from \d{4}-\d\d-\d\d \d\d:\d\d\. The damaged file is kept at .*store\.json\.corrupt-\d+\.$/,
        ),
      }),
    ]);
    expect(new JsonFileStore(file).notices).toEqual([]);
  });
});
