import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { JsonFileStore } from './jsonFileStore';

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
    expect(readdirSync(join(file, '..'))).toEqual(['store.json']);
  });

  it('keeps an unreadable file aside instead of overwriting it', () => {
    const file = tempFile();
    writeFileSync(file, '{"queue": [tru');
    const store = new JsonFileStore(file);
    expect(store.get('queue')).toBeUndefined();
    const kept = readdirSync(join(file, '..')).find((name) => name.startsWith('store.json.corrupt-'));
    expect(kept).toBeDefined();
    expect(readFileSync(join(file, '..', kept!), 'utf8')).toBe('{"queue": [tru');
  });
});
