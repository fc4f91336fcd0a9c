import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterAll, beforeAll } from 'vitest';
import type { Clip, LibrarySearchRequest } from '../../../shared/library';
import { Library } from '../features/library/Library';
import { connectBackend, createFakeBackend, type FakeAnswers } from './fakeBackend';
import { renderWithStores } from './renderWithStores';

/** jsdom lays nothing out: gives the grid's scroller a size so the virtualizer has rows to show. */
export function giveGridASize(): void {
  const sizes = ['clientWidth', 'clientHeight'] as const;
  beforeAll(() => {
    for (const key of sizes)
      Object.defineProperty(HTMLElement.prototype, key, {
        configurable: true,
        get: () => (key === 'clientWidth' ? 1000 : 800),
      });
  });
  afterAll(() => {
    for (const key of sizes)
      delete (HTMLElement.prototype as unknown as Record<string, unknown>)[key];
  });
}

export const testClip = (n: number, change: Partial<Clip> = {}): Clip => ({
  id: `vid_${n}`,
  taskId: `vid_${n}`,
  name: `2025-01-01_1200_clip-${n}_vid_${n}`,
  prompt: `Clip number ${n}`,
  model: n % 2 ? 'kling-1' : 'wan-2.6',
  mode: 'text',
  durationSeconds: 8,
  aspectRatio: '16:9',
  quality: '720p',
  seed: 11,
  sound: false,
  costCents: 320,
  createdAt: 1_700_000_000_000 + n,
  completedAt: null,
  favourite: false,
  tags: [],
  hasPoster: true,
  parentClipId: null,
  ...change,
});

/**
 * The Library screen over a fake main holding `clips` (in this order): search by pages,
 * favourite, tag and delete change the fake's copy, as main's library would.
 */
export function renderLibrary(initial: Clip[], extra: FakeAnswers = {}) {
  let clips = [...initial];
  const searches: LibrarySearchRequest[] = [];
  const find = (clipId: string) => {
    const clip = clips.find((c) => c.id === clipId);
    if (!clip) throw new Error(`no clip ${clipId}`);
    return clip;
  };
  const update = (clipId: string, change: Partial<Clip>) => {
    const clip = { ...find(clipId), ...change };
    clips = clips.map((c) => (c.id === clipId ? clip : c));
    return clip;
  };
  const fake = createFakeBackend({
    'library.info': () => ({ folder: '/home/me/Airframe', clipCount: clips.length, warnings: [] }),
    'library.search': (request) => {
      searches.push(request);
      const offset = request.offset ?? 0;
      return { total: clips.length, clips: clips.slice(offset, offset + (request.limit ?? 100)) };
    },
    'library.get': ({ clipId }) => ({
      ...find(clipId),
      inputImages: [],
      savedAt: null,
      parentFrameSeconds: null,
      parent: null,
      children: [],
    }),
    'library.favourite': ({ clipId, favourite }) => update(clipId, { favourite }),
    'library.tag': ({ clipId, tags }) => update(clipId, { tags }),
    'library.delete': ({ clipId }) => {
      find(clipId);
      clips = clips.filter((c) => c.id !== clipId);
      return { remoteDeleted: true };
    },
    ...extra,
  });
  connectBackend(fake);
  renderWithStores(<Library />);
  return { fake, searches, user: userEvent.setup(), clips: () => clips };
}

export const grid = () => screen.getByRole('list', { name: 'Clips' });
/** A card's button, by its prompt. */
export const card = (prompt: string) =>
  within(grid()).getByRole('button', { name: new RegExp(`^${prompt}(?!\\d)`) });
export const checkbox = (prompt: string) =>
  within(grid()).getByRole('checkbox', { name: `Select “${prompt}”` });
export const selectedCount = () =>
  within(grid())
    .queryAllByRole('checkbox')
    .filter((c) => (c as HTMLInputElement).checked).length;
