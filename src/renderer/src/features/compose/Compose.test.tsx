import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import {
  createFakeBackend,
  makeJob,
  setupRendererTests,
  connectBackend,
  engineIdle,
} from '../../testSupport/fakeBackend';
import { UserError } from '../../../../shared/contract/result';
import { renderWithStores } from '../../testSupport/renderWithStores';
import { Compose } from './Compose';
import { useComposeStore } from './composeStore';

setupRendererTests();

function backend() {
  const fake = createFakeBackend({
    'jobs.list': () => ({
      jobs: [
        makeJob('w1', { costCents: 500 }),
        makeJob('w2', { status: 'held', holdReason: 'balance', costCents: 250 }),
        makeJob('d1', { status: 'saved', costCents: 900 }),
      ],
      state: engineIdle,
    }),
    'jobs.submit': ({ request, copies }) => ({
      jobs: Array.from({ length: copies }, (_, i) => makeJob(`new${i}`, {}, request as never)),
    }),
  });
  connectBackend(fake);
  return fake;
}

const generate = () => screen.getByRole('button', { name: 'Generate' });

describe('Compose', () => {
  it('offers only video models with their price, and the caps of the chosen one', async () => {
    backend();
    renderWithStores(<Compose />);
    const model = await screen.findByLabelText('Model');
    await waitFor(() => expect(model.textContent).toContain('wan-2.6 — 40 ¢/s'));
    const options = within(model)
      .getAllByRole('option')
      .map((o) => o.textContent);
    expect(options).toEqual(['wan-2.6 — 40 ¢/s', 'kling-1 — 25 ¢/s']);
    expect(screen.getAllByRole('tab').map((t) => t.textContent)).toEqual([
      'Text',
      'Image',
      'Reference',
    ]);
    const duration = screen.getByRole('slider', { name: 'Duration (seconds)' });
    expect(
      ['aria-valuemin', 'aria-valuemax', 'aria-valuenow', 'aria-valuetext'].map((a) =>
        duration.getAttribute(a),
      ),
    ).toEqual(['5', '10', '5', '5 seconds']);
    expect(
      within(screen.getByRole('group', { name: 'Aspect ratio' })).getAllByRole('radio'),
    ).toHaveLength(3);
    expect(screen.getByRole('switch', { name: 'Sound' })).toBeTruthy();
    expect(screen.getByText(/Only some models/)).toBeTruthy();
  });

  it('shows the live cost and what is already queued', async () => {
    backend();
    const user = userEvent.setup();
    renderWithStores(<Compose />);
    const duration = await screen.findByRole('slider', { name: 'Duration (seconds)' });
    // The arrow keys step the duration a second at a time.
    act(() => duration.focus());
    await user.keyboard('{ArrowRight}{ArrowRight}{ArrowRight}');
    expect(screen.getByLabelText('Cost').textContent).toBe('8 s × 40 ¢/s = $3.20');
    await waitFor(() => expect(screen.getByLabelText('Already queued').textContent).toBe('$7.50'));
    fireEvent.change(screen.getByLabelText('Copies'), { target: { value: '2' } });
    expect(screen.getByLabelText('Cost').textContent).toBe(
      '8 s × 40 ¢/s = $3.20 × 2 copies = $6.40',
    );
  });

  it('says what changed when another model does not fit the form', async () => {
    backend();
    const user = userEvent.setup();
    renderWithStores(<Compose />);
    await user.click(await screen.findByRole('tab', { name: 'Reference' }));
    act(() => screen.getByRole('slider', { name: 'Duration (seconds)' }).focus());
    await user.keyboard('{End}');
    await user.selectOptions(screen.getByLabelText('Model'), 'kling-1');
    expect(
      screen.getByText(
        'Switched to kling-1: mode reference → text (kling-1 has no reference mode); duration 10 s → 8 s.',
      ),
    ).toBeTruthy();
    expect(screen.getByRole('tab', { name: 'Text' }).getAttribute('aria-selected')).toBe('true');
    expect(screen.queryByRole('tab', { name: 'Reference' })).toBeNull();
    expect(screen.getByLabelText('Cost').textContent).toBe('8 s × 25 ¢/s = $2.00');
  });

  it('keeps Generate disabled with the reason until the request is valid, then queues it with Ctrl+Enter', async () => {
    const fake = backend();
    const user = userEvent.setup();
    renderWithStores(<Compose />);
    await screen.findByLabelText('Model');
    expect(generate().getAttribute('aria-disabled')).toBe('true');
    expect(screen.getByRole('list', { name: 'Why Generate is not available' }).textContent).toBe(
      'Write a prompt.',
    );
    await user.click(generate());
    expect(fake.callsOf('jobs.submit')).toEqual([]);

    await user.click(screen.getByRole('tab', { name: 'Image' }));
    await user.type(screen.getByLabelText('Prompt'), 'A paper plane');
    expect(screen.getByText('Image mode animates exactly one first frame.')).toBeTruthy();
    await user.click(screen.getByRole('tab', { name: 'Text' }));
    await user.type(screen.getByLabelText('Seed'), '42');
    expect(generate().getAttribute('aria-disabled')).toBe('false');

    await user.keyboard('{Control>}{Enter}{/Control}');
    await screen.findByText(/Added a job to the queue/);
    expect(fake.callsOf('jobs.submit')).toEqual([
      {
        request: {
          model: 'wan-2.6',
          prompt: 'A paper plane',
          mode: 'text',
          durationSeconds: 5,
          aspectRatio: '16:9',
          quality: '720p',
          seed: 42,
          inputImages: [],
        },
        copies: 1,
      },
    ]);
  });

  it('says which clip a continued job starts from until it is queued, and sends its parent', async () => {
    const fake = backend();
    const user = userEvent.setup();
    renderWithStores(<Compose />);
    await screen.findByLabelText('Model');
    const image = { mime: 'image/png' as const, dataBase64: 'iVBORw==' };
    const name = '2025-01-01_1200_red-fox_vid_1';
    act(() =>
      useComposeStore.getState().prefill({
        request: {
          modelId: 'wan-2.6',
          prompt: 'Red fox',
          mode: 'image',
          inputImages: [image],
          continues: { clipId: 'vid_1', name, atSeconds: 3.2 },
        },
      }),
    );
    const submitted = (n: number) =>
      (fake.callsOf('jobs.submit')[n] as { request: object }).request;
    const notice = `Continues clip ${name} from 0:03.`;
    expect(screen.getByText(notice).closest('[role=status]')).toBeTruthy();

    await user.click(generate());
    await screen.findByText(/Added a job to the queue/);
    expect(submitted(0)).toMatchObject({
      mode: 'image',
      inputImages: [image],
      parentClipId: 'vid_1',
      parentFrameSeconds: 3.2,
    });
    expect(screen.queryByText(notice)).toBeNull();
    await user.click(generate());
    await waitFor(() => expect(fake.callsOf('jobs.submit')).toHaveLength(2));
    expect(submitted(1)).not.toHaveProperty('parentClipId');
  });

  it('shows why the engine refused a request', async () => {
    const fake = createFakeBackend({
      'jobs.submit': async () => {
        throw new (await import('../../../../shared/contract/result')).UserError(
          'invalid-request',
          'wan-2.6 makes clips of 5–10 s, not 12 s',
        );
      },
    });
    connectBackend(fake);
    const user = userEvent.setup();
    renderWithStores(<Compose />);
    await user.type(await screen.findByLabelText('Prompt'), 'Rain');
    await user.click(generate());
    expect((await screen.findByRole('alert')).textContent).toBe(
      'Not queued: wan-2.6 makes clips of 5–10 s, not 12 s',
    );
  });

  it('offers recent prompts to start from', async () => {
    backend();
    window.localStorage.setItem(
      'airframe.promptHistory',
      JSON.stringify(['Northern lights over a lake', 'A cat on a piano']),
    );
    const { useComposeStore } = await import('./composeStore');
    useComposeStore.setState({ history: ['Northern lights over a lake', 'A cat on a piano'] });
    const user = userEvent.setup();
    renderWithStores(<Compose />);
    await user.selectOptions(await screen.findByLabelText('Recently used'), 'A cat on a piano');
    expect(screen.getByLabelText<HTMLTextAreaElement>('Prompt').value).toBe('A cat on a piano');
  });

  it('says once what failed when the models cannot be loaded (issue 14)', async () => {
    connectBackend(
      createFakeBackend({
        'models.list': () => {
          throw new UserError(
            'unavailable',
            'Could not load the models: Could not connect to api.airforce (refused)',
          );
        },
      }),
    );
    renderWithStores(<Compose />);
    expect((await screen.findByRole('alert')).firstElementChild?.textContent).toBe(
      'Could not load the models: Could not connect to api.airforce (refused)',
    );
  });
});
