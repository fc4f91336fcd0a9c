import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import {
  createFakeBackend,
  makeJob,
  setupRendererTests,
  connectBackend,
} from '../../testSupport/fakeBackend';
import { renderWithStores } from '../../testSupport/renderWithStores';
import type { ShapePlan } from './cropMath';
import { Compose } from './Compose';
import { useComposeStore } from './composeStore';
import { decodeImage, releasePreview, renderPlan } from './imageCanvas';

// jsdom decodes no images and has no canvas: the decoder says each file's size, the
// "canvas" writes down the plan it was given.
const sizes = new Map<string, { width: number; height: number }>();
vi.mock('./imageCanvas', () => ({
  decodeImage: vi.fn((blob: File) =>
    Promise.resolve(sizes.get(blob.name) ?? { width: 1920, height: 1080 }),
  ),
  renderPlan: vi.fn((_blob: Blob, plan: ShapePlan) =>
    Promise.resolve(new Blob([`${plan.width}x${plan.height}`], { type: 'image/png' })),
  ),
  previewUrl: vi.fn(() => 'blob:preview'),
  releasePreview: vi.fn(),
}));

setupRendererTests();
beforeEach(() => {
  sizes.clear();
  vi.mocked(renderPlan).mockClear();
  vi.mocked(releasePreview).mockClear();
});

function setup() {
  const fake = createFakeBackend({
    'jobs.submit': ({ copies }) => ({
      jobs: Array.from({ length: copies }, (_, i) => makeJob(`j${i}`)),
    }),
  });
  connectBackend(fake);
  renderWithStores(<Compose />);
  return { fake, user: userEvent.setup() };
}

const png = (name: string, content = name) => new File([content], name, { type: 'image/png' });
const thumbs = () =>
  within(screen.getByRole('list', { name: 'Input images' })).getAllByRole('listitem');

describe('input images', () => {
  it('takes a dropped frame of another shape through crop before sending it as base64', async () => {
    const { fake, user } = setup();
    await user.click(await screen.findByRole('tab', { name: 'Image' }));
    await user.type(screen.getByLabelText('Prompt'), 'The plane takes off');
    sizes.set('photo.png', { width: 1600, height: 1200 });

    fireEvent.drop(screen.getByRole('group', { name: 'Image drop zone' }), {
      dataTransfer: { files: [png('photo.png')], items: [], getData: () => '' },
    });

    const dialog = await screen.findByRole('dialog', { name: 'Make the image 16:9' });
    expect(within(dialog).getByText(/photo.png is 1600×1200 \(4:3\)/)).toBeTruthy();
    expect(
      await within(dialog).findByRole('img', { name: 'Preview: cropped to 16:9' }),
    ).toBeTruthy();
    expect(within(dialog).getByRole('img', { name: 'Preview: fitted in 16:9' })).toBeTruthy();
    expect(screen.getByText(/Image 1 is 4:3 but the video is 16:9/)).toBeTruthy();

    await user.click(within(dialog).getByRole('button', { name: 'Crop to 16:9' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    const plan = vi.mocked(renderPlan).mock.calls.at(-1)?.[1];
    expect(plan).toMatchObject({
      width: 1600,
      height: 900,
      source: { x: 0, y: 150, width: 1600, height: 900 },
    });
    expect(within(thumbs()[0]!).getByText('1600×900 (16:9)')).toBeTruthy();

    await user.click(screen.getByRole('button', { name: 'Generate' }));
    await screen.findByText(/Added a job/);
    const [call] = fake.callsOf('jobs.submit') as { request: { inputImages: unknown[] } }[];
    expect(call?.request.inputImages).toEqual([
      { mime: 'image/png', dataBase64: btoa('1600x900') },
    ]);
  });

  it('fits, or keeps the shape, when the user prefers', async () => {
    const { user } = setup();
    await user.click(await screen.findByRole('tab', { name: 'Image' }));
    sizes.set('tall.png', { width: 900, height: 1600 });
    await user.upload(screen.getByLabelText('Image files'), png('tall.png'));
    const dialog = await screen.findByRole('dialog');
    await user.click(within(dialog).getByRole('button', { name: 'Fit in 16:9' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(vi.mocked(renderPlan).mock.calls.at(-1)?.[1]).toMatchObject({
      width: 2048,
      height: 1152,
      target: { x: 700, width: 648 },
    });

    sizes.set('square.png', { width: 1000, height: 1000 });
    await user.upload(screen.getByLabelText('Image files'), png('square.png'));
    await user.click(
      within(await screen.findByRole('dialog')).getByRole('button', { name: 'Keep its shape' }),
    );
    expect(thumbs()).toHaveLength(1);
    expect(screen.queryByText(/but the video is/)).toBeNull();
  });

  it('takes pasted style frames in reference mode, in the order the user arranges', async () => {
    const { fake, user } = setup();
    await user.click(await screen.findByRole('tab', { name: 'Reference' }));
    const prompt = screen.getByLabelText('Prompt');
    await user.type(prompt, 'In this style');
    fireEvent.paste(prompt, {
      clipboardData: {
        files: [png('a.png', 'AAA'), png('b.png', 'BBB'), png('c.png', 'CCC')],
        items: [],
      },
    });
    await waitFor(() => expect(thumbs()).toHaveLength(3));
    await waitFor(() => expect(screen.queryByText('Reading…')).toBeNull());

    await user.click(screen.getByRole('button', { name: 'Move image 2 earlier' }));
    await user.click(screen.getByRole('button', { name: 'Remove image 3' }));
    expect(thumbs().map((t) => within(t).getByRole('img').getAttribute('alt'))).toEqual([
      'Image 1: b.png',
      'Image 2: a.png',
    ]);

    await user.click(screen.getByRole('button', { name: 'Generate' }));
    await screen.findByText(/Added a job/);
    const [call] = fake.callsOf('jobs.submit') as {
      request: { inputImages: { dataBase64: string }[] };
    }[];
    expect(call?.request.inputImages.map((i) => atob(i.dataBase64))).toEqual(['BBB', 'AAA']);
  });

  it('refuses other formats and large files with a clear reason', async () => {
    const { user } = setup();
    await user.click(await screen.findByRole('tab', { name: 'Reference' }));
    const big = png('huge.png');
    Object.defineProperty(big, 'size', { value: 12 * 1024 * 1024 });
    const gif = new File(['GIF89a'], 'anim.gif', { type: 'image/gif' });
    fireEvent.drop(screen.getByRole('group', { name: 'Image drop zone' }), {
      dataTransfer: { files: [gif, big], items: [], getData: () => '' },
    });
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toBe(
      'anim.gif is not a PNG, JPEG or WebP image (it is image/gif). huge.png is 12.0 MB; images may be at most 10 MB. Export it smaller and try again.',
    );
    expect(screen.queryByRole('list', { name: 'Input images' })).toBeNull();
  });

  it('keeps the first frame there when a picked file is refused, and says why', async () => {
    const { user } = setup();
    await user.click(await screen.findByRole('tab', { name: 'Image' }));
    await user.upload(screen.getByLabelText('Image files'), png('good.png'));
    await screen.findByRole('img', { name: 'Image 1: good.png' });
    const pick = (file: File) =>
      fireEvent.change(screen.getByLabelText('Image files'), { target: { files: [file] } });

    pick(new File(['notes'], 'notes.txt', { type: 'text/plain' }));
    expect((await screen.findByRole('alert')).textContent).toBe(
      'notes.txt is not a PNG, JPEG or WebP image (it is text/plain).',
    );
    pick(new File([], 'empty.png', { type: 'image/png' }));
    await waitFor(() =>
      expect(screen.getByRole('alert').textContent).toBe('empty.png is empty (0 bytes).'),
    );
    vi.mocked(decodeImage).mockRejectedValueOnce(new Error('The image could not be decoded.'));
    pick(png('broken.png'));
    await waitFor(() =>
      expect(screen.getByRole('alert').textContent).toBe(
        'broken.png was not used: The image could not be decoded.',
      ),
    );

    expect(thumbs()).toHaveLength(1);
    expect(screen.getByRole('img', { name: 'Image 1: good.png' })).toBeTruthy();
    // Its preview is still shown: nothing released the picture of the frame that stays.
    expect(releasePreview).not.toHaveBeenCalledWith('blob:preview');
  });

  it('offers to downscale a frame larger than the model makes, and sends the smaller one', async () => {
    const { fake, user } = setup();
    await user.click(await screen.findByRole('tab', { name: 'Image' }));
    await user.type(screen.getByLabelText('Prompt'), 'The harbour at dawn');
    sizes.set('huge.png', { width: 8000, height: 4500 });
    await user.upload(screen.getByLabelText('Image files'), png('huge.png'));
    const thumb = (await screen.findByRole('img', { name: 'Image 1: huge.png' })).closest('li')!;
    expect(within(thumb).getByText(/larger than wan-2.6 makes \(1080p\)/)).toBeTruthy();

    await user.click(within(thumb).getByRole('button', { name: 'Downscale to 1920×1080' }));
    await waitFor(() => expect(within(thumb).getByText('1920×1080 (16:9)')).toBeTruthy());
    expect(vi.mocked(renderPlan).mock.calls.at(-1)?.[1]).toMatchObject({
      width: 1920,
      height: 1080,
      source: { x: 0, y: 0, width: 8000, height: 4500 },
    });
    expect(within(thumb).queryByRole('button', { name: /Downscale/ })).toBeNull();

    await user.click(screen.getByRole('button', { name: 'Generate' }));
    await screen.findByText(/Added a job/);
    const [call] = fake.callsOf('jobs.submit') as { request: { inputImages: unknown[] } }[];
    expect(call?.request.inputImages).toEqual([
      { mime: 'image/png', dataBase64: btoa('1920x1080') },
    ]);
  });

  it('takes an https address instead of a file', async () => {
    const { fake, user } = setup();
    await user.click(await screen.findByRole('tab', { name: 'Image' }));
    await user.type(screen.getByLabelText('Prompt'), 'Animate it');
    const address = screen.getByLabelText('Or an image address (https)');
    await user.type(address, 'http://example.com/a.png');
    await user.click(screen.getByRole('button', { name: 'Add address' }));
    expect(screen.getByRole('alert').textContent).toBe(
      'Only https:// addresses can be sent to the API.',
    );
    await user.clear(address);
    // The error goes as the address is corrected, not only once it is added.
    expect(screen.queryByRole('alert')).toBeNull();
    await user.type(address, 'https://example.com/a.png{Enter}');
    expect(thumbs()).toHaveLength(1);
    await user.click(screen.getByRole('button', { name: 'Generate' }));
    await screen.findByText(/Added a job/);
    const [call] = fake.callsOf('jobs.submit') as { request: { inputImages: unknown[] } }[];
    expect(call?.request.inputImages).toEqual([{ url: 'https://example.com/a.png' }]);
  });

  it('shows a remixed clip’s image from the library and sends it by reference', async () => {
    const { fake, user } = setup();
    await screen.findByRole('tab', { name: 'Image' });
    act(() =>
      useComposeStore.getState().prefill({
        request: { prompt: 'Again', mode: 'image', inputImages: [{ clipId: 'vid_7', index: 0 }] },
      }),
    );
    const thumb = await screen.findByRole('img', { name: 'Image 1: Input image 1 of the clip' });
    // The media base is the fake host's (app.info's `/media`); no bytes were fetched.
    expect(thumb.getAttribute('src')).toBe('/media/vid_7/input-0');
    await user.click(screen.getByRole('button', { name: 'Generate' }));
    await screen.findByText(/Added a job/);
    const [call] = fake.callsOf('jobs.submit') as { request: { inputImages: unknown[] } }[];
    expect(call?.request.inputImages).toEqual([{ clipId: 'vid_7', index: 0 }]);
  });
});
