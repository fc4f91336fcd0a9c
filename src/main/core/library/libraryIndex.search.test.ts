import { describe, expect, it } from 'vitest';
import {
  LibrarySearchRequest,
  type LibrarySearchRequest as SearchInput,
} from '../../../shared/library';
import { memoryDatabase } from '../db/memoryDatabase';
import { LibraryIndex, makeEntry, type ClipEntry } from './libraryIndex';
import { promptCollator } from './promptOrder';
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
function indexOf(list: readonly ClipEntry[], oneByOne = false): LibraryIndex {
  const index = new LibraryIndex(memoryDatabase(), '/library');
  if (oneByOne) for (const item of list) index.set(item);
  else index.apply({ upserted: list, removed: [], posters: [] });
  return index;
}
const index = indexOf(entries);
const search = (input: SearchInput) => index.search(LibrarySearchRequest.parse(input));
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

  it('finds a word anywhere inside the prompt, tags or task id, short or with quotes', () => {
    expect(ids({ text: 'ghthou' })).toEqual(['vid_00003', 'vid_00001']);
    expect(ids({ text: 'fo' })).toEqual(['vid_00003', 'vid_00002']);
    expect(ids({ text: 'sk' })).toEqual(['vid_00001']);
    expect(ids({ text: 'city "night' })).toEqual([]);
    expect(ids({ text: 'at ni' })).toEqual(['vid_00004']);
    const quoted = indexOf([entry(9, { prompt: 'say "cheese" now' })]);
    expect(quoted.search(LibrarySearchRequest.parse({ text: '"cheese"' })).total).toBe(1);
  });

  it('answers a word with a NUL in it (FTS5 would stop reading there) instead of failing', () => {
    expect(ids({ text: 'clip\u0000.mp4' })).toEqual([]);
    expect(ids({ text: 'lighthouse dusk\u0000' })).toEqual([]);
  });

  it('sorts by prompt as a locale sort would, placed in bulk or one clip at a time', () => {
    const prompts = [
      'Zebra',
      'éclair',
      'eclair',
      'Apple',
      'apple pie',
      '10 cats',
      '9 dogs',
      '',
      'Ärger',
      'zebra',
      '#hashtag',
      'Öl',
      'oil',
      'ñandu',
      'Nandu',
      'b',
      'B',
      'a b',
      'ab',
      'a-b',
      'İstanbul',
    ];
    const many = Array.from({ length: 60 }, (_, n) => `${prompts[n % prompts.length]} ${n % 7}`);
    for (const list of [prompts, [...prompts, ...many]]) {
      const clips = list.map((prompt, n) => entry(n + 10, { prompt }));
      const expected = [...clips]
        .sort(
          (a, b) =>
            promptCollator.compare(a.clip.prompt ?? '', b.clip.prompt ?? '') ||
            a.clip.createdAt - b.clip.createdAt,
        )
        .map((item) => item.clip.id);
      for (const oneByOne of [false, true]) {
        const sorted = indexOf(clips, oneByOne).search(
          LibrarySearchRequest.parse({ sort: 'prompt', order: 'asc', limit: 500 }),
        );
        expect(sorted.clips.map((clip) => clip.id)).toEqual(expected);
      }
    }
  });
  // Its speed over 100,000 clips is measured by bench/libraryLoad.bench.ts, not here.
});
