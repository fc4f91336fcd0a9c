import { describe, expect, it } from 'vitest';
import {
  LibrarySearchRequest,
  type LibrarySearchRequest as SearchInput,
} from '../../../shared/library';
import { makeEntry, type ClipEntry } from './libraryIndex';
import { searchClips } from './search';
import type { Sidecar } from './sidecar';
import { testSidecar } from '../../../../test/support/testSidecar';

const day = 86_400_000;
const start = Date.UTC(2026, 0, 1);

function entry(n: number, over: Partial<Sidecar> = {}): ClipEntry {
  const sidecar = testSidecar(n, {
    taskId: `vid_${String(n).padStart(5, '0')}`,
    costCents: 100,
    createdAt: new Date(start + n * day).toISOString(),
    ...over,
  });
  return makeEntry(`base-${n}`, sidecar, false, '');
}

const entries = [
  entry(1, { prompt: 'A lighthouse at dusk', model: 'kling-1', costCents: 500, tags: ['Sea'] }),
  entry(2, { prompt: 'Bright red fox in snow', favourite: true, mode: 'image' }),
  entry(3, { prompt: 'a Lighthouse in fog', costCents: 50, favourite: true, tags: ['sea', 'fog'] }),
  entry(4, { prompt: 'City at night', model: 'kling-1', costCents: null }),
];
const search = (input: SearchInput) => searchClips(entries, LibrarySearchRequest.parse(input));
const ids = (input: SearchInput) => search(input).clips.map((clip) => clip.id);

describe('library search', () => {
  it('lists everything newest first by default', () => {
    expect(ids({})).toEqual(['vid_00004', 'vid_00003', 'vid_00002', 'vid_00001']);
  });

  it('matches every word of the text in prompt, tags or task id, ignoring case', () => {
    expect(ids({ text: 'LIGHTHOUSE' })).toEqual(['vid_00003', 'vid_00001']);
    expect(ids({ text: 'lighthouse fog' })).toEqual(['vid_00003']);
    expect(ids({ text: 'vid_00002' })).toEqual(['vid_00002']);
    expect(ids({ text: 'sea' })).toEqual(['vid_00003', 'vid_00001']);
  });

  it('filters by model, mode, date range, favourites and tags', () => {
    expect(ids({ model: 'kling-1' })).toEqual(['vid_00004', 'vid_00001']);
    expect(ids({ mode: 'image' })).toEqual(['vid_00002']);
    expect(ids({ from: start + 2 * day, to: start + 3 * day })).toEqual(['vid_00003', 'vid_00002']);
    expect(ids({ favouritesOnly: true })).toEqual(['vid_00003', 'vid_00002']);
    expect(ids({ tags: ['SEA', 'fog'] })).toEqual(['vid_00003']);
  });

  it('sorts by prompt, model and cost in either direction', () => {
    expect(ids({ sort: 'prompt', order: 'asc' })).toEqual([
      'vid_00001',
      'vid_00003',
      'vid_00002',
      'vid_00004',
    ]);
    expect(ids({ sort: 'model', order: 'asc' })).toEqual([
      'vid_00001',
      'vid_00004',
      'vid_00002',
      'vid_00003',
    ]);
    expect(ids({ sort: 'cost', order: 'desc' })).toEqual([
      'vid_00001',
      'vid_00002',
      'vid_00003',
      'vid_00004',
    ]);
    expect(ids({ sort: 'date', order: 'asc' })).toEqual([
      'vid_00001',
      'vid_00002',
      'vid_00003',
      'vid_00004',
    ]);
  });

  it('pages with offset and limit and tells the total', () => {
    expect(search({ offset: 1, limit: 2 })).toMatchObject({
      total: 4,
      clips: [{ id: 'vid_00003' }, { id: 'vid_00002' }],
    });
    expect(search({ offset: 10 })).toEqual({ total: 4, clips: [] });
  });
  // Its speed over 10,000 clips is measured by bench/libraryLoad.bench.ts, not here.
});
