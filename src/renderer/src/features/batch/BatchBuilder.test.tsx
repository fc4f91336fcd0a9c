import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { UserError } from '../../../../shared/contract/result';
import type { JobDraft } from '../../../../shared/jobDraft';
import {
  connectBackend,
  createFakeBackend,
  demoView,
  makeJob,
  setupRendererTests,
  type FakeAnswers,
} from '../../testSupport/fakeBackend';
import { renderWithStores } from '../../testSupport/renderWithStores';
import { Compose } from '../compose';
import { BatchButton } from './LazyBatchBuilder';

// jsdom makes no object URLs: each preview is named after its file.
vi.mock('../compose/imageCanvas', () => ({
  decodeImage: vi.fn(() => Promise.resolve({ width: 1920, height: 1080 })),
  renderPlan: vi.fn(),
  previewUrl: vi.fn((file: File) => `blob:${file.name}`),
  releasePreview: vi.fn(),
}));

setupRendererTests();

const fivePrompts = [
  'A {red|blue} kite over the dunes',
  'A {red|blue} boat on a lake',
  'A {red|blue} train in the snow',
  'A {red|blue} balloon at dawn',
  'A {red|blue} tent under the stars',
].join('\n');

function setup(answers: FakeAnswers = {}) {
  const fake = createFakeBackend({
    'jobs.submitBatch': ({ name, jobs }) => ({
      batchId: 'b1',
      jobs: jobs.map((draft, i) =>
        makeJob(
          `b1-${i}`,
          { batch: { id: 'b1', name, index: i + 1, size: jobs.length } },
          { ...draft, inputImages: [] },
        ),
      ),
    }),
    'images.store': ({ mime }) => ({ blobId: 'a'.repeat(64), mime }),
    ...answers,
  });
  connectBackend(fake);
  renderWithStores(<Compose more={<BatchButton />} />);
  return { fake, user: userEvent.setup() };
}

async function openBuilder(user: ReturnType<typeof userEvent.setup>) {
  await user.click(await screen.findByRole('button', { name: 'Make a batch…' }));
  return screen.findByRole('dialog', { name: 'Make a batch' });
}

const rows = () =>
  within(screen.getByRole('list', { name: 'Jobs in this batch' })).getAllByRole('listitem');

async function paste(user: ReturnType<typeof userEvent.setup>, text: string) {
  const box = screen.getByRole('textbox', { name: 'Prompts' });
  await user.clear(box);
  await user.click(box);
  await user.paste(text);
}

describe('the batch builder', () => {
  it('expands wildcards into a priced preview and queues it as one batch', async () => {
    const { fake, user } = setup();
    const dialog = await openBuilder(user);
    await paste(user, fivePrompts);
    await waitFor(() => expect(rows()).toHaveLength(10));
    expect(within(dialog).getByRole('status').textContent).toMatch(
      /^10 jobs · \$20.00 · about 4 min at 4 at once/,
    );
    const prompts = rows().map((row) => within(row).getByRole<HTMLInputElement>('textbox').value);
    expect(prompts.slice(0, 2)).toEqual([
      'A red kite over the dunes',
      'A blue kite over the dunes',
    ]);
    expect(
      within(rows()[0]!).getByText(/line 1 · wan-2\.6 · 5 s · 16:9 · 720p · \$2.00/),
    ).toBeTruthy();

    await user.type(within(dialog).getByRole('textbox', { name: 'Batch name' }), 'Kites');
    await user.click(within(dialog).getByRole('button', { name: 'Queue 10 jobs' }));
    expect(await screen.findByText(/Batch “Kites” queued: 10 jobs\./)).toBeTruthy();
    const [sent] = fake.callsOf('jobs.submitBatch') as {
      name: string;
      onFailure: string;
      jobs: JobDraft[];
    }[];
    expect(sent?.name).toBe('Kites');
    expect(sent?.onFailure).toBe('continue');
    expect(sent?.jobs.map((job) => job.prompt)).toEqual(
      fivePrompts
        .split('\n')
        .flatMap((p) => [p.replace('{red|blue}', 'red'), p.replace('{red|blue}', 'blue')]),
    );
    expect(sent?.jobs.every((job) => job.mode === 'text' && job.inputImages.length === 0)).toBe(
      true,
    );
    expect(fake.callsOf('images.store')).toEqual([]);
    // The form is empty again for the next batch.
    expect(screen.getByRole<HTMLTextAreaElement>('textbox', { name: 'Prompts' }).value).toBe('');
  });

  it('marks malformed CSV lines and rows over the model’s caps, and leaves them out', async () => {
    const { fake, user } = setup();
    const dialog = await openBuilder(user);
    await paste(
      user,
      [
        'prompt,duration,seed',
        'A lighthouse at night,8,1',
        '"An unclosed quote,8,2',
        'A fox,99,3',
        'A heron,5,x',
      ].join('\n'),
    );
    await waitFor(() => expect(rows().length).toBeGreaterThanOrEqual(3));
    const text = within(dialog).getByRole('list', { name: 'Jobs in this batch' }).textContent ?? '';
    expect(text).toContain('Line 3: a quote is not closed.');
    expect(text).toContain('wan-2.6 makes clips of 5–10 s, not 99 s.');
    expect(text).toContain('Line 5: “x” is not a number (seed).');
    expect(within(dialog).getByRole('status').textContent).toMatch(/^1 job · \$3.20/);
    expect(within(dialog).getByRole('status').textContent).toMatch(/are left out/);

    // A removed row is gone from the preview; a prompt fixed in place is what is sent.
    const before = rows().length;
    await user.click(within(dialog).getByRole('button', { name: 'Remove job 2' }));
    expect(rows()).toHaveLength(before - 1);
    expect(
      within(dialog).getByRole('list', { name: 'Jobs in this batch' }).textContent,
    ).not.toContain('Line 3: a quote is not closed.');
    const box = within(rows()[0]!).getByRole('textbox');
    await user.clear(box);
    expect(within(dialog).getByRole('status').textContent).toMatch(/^0 jobs/);
    await user.type(box, 'A lighthouse in fog');
    await user.click(within(dialog).getByRole('button', { name: 'Queue 1 job' }));
    await screen.findByText(/queued: 1 job\./);
    const [sent] = fake.callsOf('jobs.submitBatch') as { jobs: JobDraft[] }[];
    expect(sent?.jobs.map((j) => [j.prompt, j.durationSeconds, j.seed])).toEqual([
      ['A lighthouse in fog', 8, 1],
    ]);
  });

  it('pairs images by order or as a matrix, flags duplicates, and stores each image once', async () => {
    const { fake, user } = setup();
    const dialog = await openBuilder(user);
    await paste(user, 'A sunrise\nA storm\nA calm sea');
    const picker = dialog.querySelector<HTMLInputElement>('[data-testid="batch-images"]')!;
    const png = (name: string, body: string) => new File([body], name, { type: 'image/png' });
    fireEvent.change(picker, {
      target: { files: [png('b.png', 'second'), png('a.png', 'first'), png('c.png', 'first')] },
    });
    await waitFor(() => expect(within(dialog).getByText('3 images')).toBeTruthy());
    expect(
      within(dialog).getByText('Image 3 is the same picture as image 1: skipped.'),
    ).toBeTruthy();

    await user.selectOptions(
      within(dialog).getByRole('combobox', { name: 'Pair prompts and images' }),
      'matrix',
    );
    await waitFor(() => expect(rows()).toHaveLength(6));
    await user.selectOptions(
      within(dialog).getByRole('combobox', { name: 'Pair prompts and images' }),
      'byOrder',
    );
    await waitFor(() => expect(rows()).toHaveLength(3));
    expect(within(rows()[0]!).getByRole('img', { name: 'a.png' })).toBeTruthy();
    expect(within(rows()[2]!).getByText('No image left for this prompt.')).toBeTruthy();

    await user.click(within(dialog).getByRole('button', { name: 'Queue 2 jobs' }));
    await screen.findByText(/queued: 2 jobs\./);
    expect(fake.callsOf('images.store')).toHaveLength(2);
    const [sent] = fake.callsOf('jobs.submitBatch') as { jobs: JobDraft[] }[];
    expect(sent?.jobs.map((j) => [j.prompt, j.mode, j.inputImages])).toEqual([
      ['A sunrise', 'image', [{ blobId: 'a'.repeat(64), mime: 'image/png' }]],
      ['A storm', 'image', [{ blobId: 'a'.repeat(64), mime: 'image/png' }]],
    ]);
  });

  it('checks the whole batch against the daily budget and says why main refused it', async () => {
    const { user } = setup({
      'settings.get': () => ({
        ...demoView,
        settings: { ...demoView.settings, dailyBudgetCents: 1_000 },
      }),
      'jobs.submitBatch': () => {
        throw new UserError('over-budget', 'This batch would pass the daily budget.');
      },
    });
    const dialog = await openBuilder(user);
    await paste(user, fivePrompts);
    expect(
      await within(dialog).findByText(
        'This batch ($20.00) goes $10.00 over what is left of today’s budget ($10.00).',
      ),
    ).toBeTruthy();
    await user.click(within(dialog).getByRole('button', { name: 'Queue 10 jobs' }));
    expect((await within(dialog).findByRole('alert')).textContent).toBe(
      'Nothing was queued: This batch would pass the daily budget.',
    );
    expect(screen.getByRole<HTMLTextAreaElement>('textbox', { name: 'Prompts' }).value).toBe(
      fivePrompts,
    );
  });
});
