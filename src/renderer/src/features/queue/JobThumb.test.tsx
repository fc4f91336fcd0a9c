import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Job } from '../../../../shared/jobs';
import {
  connectBackend,
  createFakeBackend,
  engineIdle,
  makeJob,
  setupRendererTests,
} from '../../testSupport/fakeBackend';
import { renderWithStores } from '../../testSupport/renderWithStores';
import { Queue } from './Queue';

setupRendererTests();

const blob = { blobId: 'a'.repeat(64), mime: 'image/png' } as const;

function setup(list: Job[]) {
  const fake = createFakeBackend({
    'app.info': () => ({
      name: 'Airframe',
      version: '1.2.3',
      demo: false,
      host: 'electron',
      mediaBase: 'clip://media',
    }),
    'jobs.list': () => ({ jobs: list, state: engineIdle }),
  });
  connectBackend(fake);
  renderWithStores(<Queue />);
  return fake;
}

const thumbOf = async (prompt: string) =>
  (await screen.findByText(prompt)).closest('li')!.querySelector<HTMLElement>('.job-thumb')!;

describe('a queue row’s thumbnail', () => {
  it('is a placeholder for a text job, and the image placeholder for a job from https images only', async () => {
    setup([
      makeJob('t1', {}, { prompt: 'Words only' }),
      makeJob(
        'r1',
        {},
        {
          prompt: 'From references',
          mode: 'reference',
          inputImages: [{ url: 'https://x.test/a.png' }],
        },
      ),
    ]);
    const text = await thumbOf('Words only');
    expect(text.dataset['thumb']).toBe('text');
    expect(text.querySelector('img')).toBeNull();
    // An https image is outside the page's CSP: not shown.
    const links = await thumbOf('From references');
    expect(links.dataset['thumb']).toBe('images');
    expect(links.querySelector('img')).toBeNull();
  });

  it('shows a waiting job’s stored input image from main’s job media route, lazily and at a fixed size', async () => {
    setup([
      makeJob('i1', {}, { prompt: 'From a picture', mode: 'image', inputImages: [blob] }),
      makeJob(
        'r2',
        { status: 'held', holdReason: 'budget' },
        {
          prompt: 'From a link and a file',
          mode: 'reference',
          inputImages: [{ url: 'https://x.test/a.png' }, blob],
        },
      ),
    ]);
    const img = await waitFor(async () => {
      const found = (await thumbOf('From a picture')).querySelector('img');
      expect(found).not.toBeNull();
      return found!;
    });
    expect((await thumbOf('From a picture')).dataset['thumb']).toBe('input');
    expect(img.getAttribute('src')).toBe('clip://media/job/i1/input-0');
    expect(img.getAttribute('loading')).toBe('lazy');
    expect([img.getAttribute('width'), img.getAttribute('height')]).toEqual(['64', '36']);
    expect(img.getAttribute('alt')).toBe('');
    // The first image main keeps, past a link it does not serve.
    const second = (await thumbOf('From a link and a file')).querySelector('img')!;
    expect(second.getAttribute('src')).toBe('clip://media/job/r2/input-1');
  });

  it('falls back to the image placeholder when the input image cannot be loaded', async () => {
    setup([makeJob('i1', {}, { prompt: 'Swept', mode: 'image', inputImages: [blob] })]);
    const thumb = await thumbOf('Swept');
    await waitFor(() => expect(thumb.querySelector('img')).not.toBeNull());
    fireEvent.error(thumb.querySelector('img')!);
    const after = await thumbOf('Swept');
    expect(after.querySelector('img')).toBeNull();
    expect(after.dataset['thumb']).toBe('images');
  });

  it('shows the clip’s poster once the job is saved, lazily and at a fixed size', async () => {
    const running = makeJob(
      'i1',
      { status: 'downloading', taskId: 'vid_9', progress: 50 },
      { prompt: 'From a picture', mode: 'image', inputImages: [blob] },
    );
    const fake = setup([running]);
    expect((await thumbOf('From a picture')).dataset['thumb']).toBe('input');

    fake.emit('jobs.changed', {
      upserted: [{ ...running, status: 'saved', clipId: 'vid_9', updatedAt: 2_000 }],
      removed: [],
      order: null,
    });
    const img = await waitFor(async () => {
      const found = (await thumbOf('From a picture')).querySelector('img');
      expect(found).not.toBeNull();
      return found!;
    });
    expect(img.getAttribute('src')).toBe('clip://media/vid_9/poster');
    expect((await thumbOf('From a picture')).dataset['thumb']).toBe('poster');
    expect(img.getAttribute('loading')).toBe('lazy');
    expect([img.getAttribute('width'), img.getAttribute('height')]).toEqual(['64', '36']);
    // Decorative: the row is named by its prompt.
    expect(img.getAttribute('alt')).toBe('');
  });

  it('falls back to the placeholder when the poster cannot be loaded', async () => {
    setup([
      makeJob('s1', { status: 'saved', clipId: 'vid_1' }, { prompt: 'Gone from the library' }),
    ]);
    const thumb = await thumbOf('Gone from the library');
    await waitFor(() => expect(thumb.querySelector('img')).not.toBeNull());
    fireEvent.error(thumb.querySelector('img')!);
    const after = await thumbOf('Gone from the library');
    expect(after.querySelector('img')).toBeNull();
    expect(after.dataset['thumb']).toBe('text');
  });
});
