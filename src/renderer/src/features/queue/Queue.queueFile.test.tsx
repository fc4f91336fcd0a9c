import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { UserError } from '../../../../shared/contract/result';
import {
  connectBackend,
  createFakeBackend,
  engineIdle,
  makeBatch,
  makeJob,
  setupRendererTests,
  type FakeAnswers,
} from '../../testSupport/fakeBackend';
import { renderWithStores } from '../../testSupport/renderWithStores';
import { Queue } from './Queue';

setupRendererTests();

const overnight = makeBatch('b1', { name: 'Overnight', size: 2 }, { waiting: 2 });
const jobs = [
  makeJob('w1', { batch: { id: 'b1', name: 'Overnight', index: 1, size: 2 } }, { prompt: 'One' }),
  makeJob('w2', { batch: { id: 'b1', name: 'Overnight', index: 2, size: 2 } }, { prompt: 'Two' }),
];
const zipBytes = [0x50, 0x4b, 0x05, 0x06, 0, 1, 2, 250];
const zipBase64 = btoa(String.fromCharCode(...zipBytes));

/** What the page saved: each download's name and bytes. */
let downloads: { name: string; bytes: number[]; type: string }[];
let blobs: Map<string, Blob>;
beforeEach(() => {
  downloads = [];
  blobs = new Map();
  // jsdom has neither object URLs nor downloads: the blob and the link's click are caught here.
  URL.createObjectURL = (blob: Blob) => {
    const url = `blob:test/${blobs.size}`;
    blobs.set(url, blob);
    return url;
  };
  URL.revokeObjectURL = () => {};
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
    this: HTMLAnchorElement,
  ) {
    const blob = blobs.get(this.href)!;
    void blob.arrayBuffer().then((buffer) =>
      downloads.push({
        name: this.download,
        bytes: [...new Uint8Array(buffer)],
        type: blob.type,
      }),
    );
  });
});
afterEach(() => {
  vi.restoreAllMocks();
  Reflect.deleteProperty(URL, 'createObjectURL');
  Reflect.deleteProperty(URL, 'revokeObjectURL');
});

function setup(answers: FakeAnswers = {}) {
  const fake = createFakeBackend({
    'jobs.list': () => ({ jobs, state: engineIdle }),
    'batches.list': () => ({ batches: [overnight] }),
    'queue.export': ({ batchId }) => ({
      fileName: batchId
        ? 'airframe-batch-Overnight-2026-01-02.zip'
        : 'airframe-queue-2026-01-02.zip',
      dataBase64: zipBase64,
      leftOut: 0,
    }),
    'queue.import': () => ({ batches: 1, jobs: 3 }),
    ...answers,
  });
  connectBackend(fake);
  renderWithStores(<Queue />);
  return { fake, user: userEvent.setup() };
}

describe('queue files in the queue’s toolbar', () => {
  it('exports the waiting jobs as a downloaded file with the bytes main made', async () => {
    const { fake, user } = setup();
    await user.click(await screen.findByRole('button', { name: 'Export…' }));
    expect(await screen.findByRole('status')).toHaveProperty(
      'textContent',
      'Saved airframe-queue-2026-01-02.zip.',
    );
    expect(fake.callsOf('queue.export')).toEqual([{}]);
    await waitFor(() => expect(downloads).toHaveLength(1));
    expect(downloads[0]).toEqual({
      name: 'airframe-queue-2026-01-02.zip',
      bytes: zipBytes,
      type: 'application/zip',
    });
  });

  it('says which jobs were left out, and why an export failed', async () => {
    let answer: () => { fileName: string; dataBase64: string; leftOut: number } = () => ({
      fileName: 'q.zip',
      dataBase64: zipBase64,
      leftOut: 2,
    });
    const { user } = setup({ 'queue.export': () => answer() });
    await user.click(await screen.findByRole('button', { name: 'Export…' }));
    expect((await screen.findByRole('status')).textContent).toMatch(
      /^Saved q\.zip\. 2 jobs were left out: their input image is a web link that may be signed/,
    );
    answer = () => {
      throw new UserError('not-found', 'There is nothing to export.');
    };
    await user.click(screen.getByRole('button', { name: 'Export…' }));
    expect((await screen.findByRole('alert')).textContent).toBe(
      'Could not export: There is nothing to export.',
    );
    expect(screen.queryByText(/^Saved q\.zip/)).toBeNull();
  });

  it('imports a chosen file, sending its bytes, and says what was queued or why not', async () => {
    let refuse = false;
    const { fake, user } = setup({
      'queue.import': () => {
        if (refuse) throw new UserError('invalid-request', 'The queue file is damaged.');
        return { batches: 1, jobs: 3 };
      },
    });
    await screen.findByRole('button', { name: 'Import…' });
    const input = screen.getByLabelText('Queue file to import');
    await user.upload(input, new File([new Uint8Array(zipBytes)], 'night.zip'));
    expect((await screen.findByRole('status')).textContent).toBe(
      'Queued 3 jobs (1 batch) from night.zip.',
    );
    expect(fake.callsOf('queue.import')).toEqual([{ dataBase64: zipBase64 }]);

    refuse = true;
    await user.upload(input, new File(['junk'], 'junk.zip'));
    expect((await screen.findByRole('alert')).textContent).toBe(
      'Could not import junk.zip: The queue file is damaged.',
    );
  });

  it('exports one batch from its entry in the batches panel', async () => {
    const { fake, user } = setup();
    const panel = await screen.findByRole('region', { name: 'Batches' });
    const entry = within(panel).getByRole('listitem', { name: 'Overnight' });
    await user.click(within(entry).getByRole('button', { name: 'Export' }));
    expect((await within(entry).findByRole('status')).textContent).toBe(
      'Saved airframe-batch-Overnight-2026-01-02.zip.',
    );
    expect(fake.callsOf('queue.export')).toEqual([{ batchId: 'b1' }]);
    await waitFor(() =>
      expect(downloads.map((d) => d.name)).toEqual(['airframe-batch-Overnight-2026-01-02.zip']),
    );
  });
});
