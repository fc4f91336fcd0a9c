import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { KeyView } from '../../../../shared/apiKeys';
import type { Job } from '../../../../shared/jobs';
import { UserError } from '../../../../shared/contract/result';
import { defaultSettings } from '../../../../shared/settings';
import {
  connectBackend,
  createFakeBackend,
  makeJob,
  engineIdle,
  setupRendererTests,
} from '../../testSupport/fakeBackend';
import { renderWithStores } from '../../testSupport/renderWithStores';
import { Compose } from '../compose';
import { useKeysStore } from '../keys';
import { Queue } from '../queue';
import { Settings } from './Settings';

setupRendererTests();

const key = (id: string, name: string, change: Partial<KeyView> = {}): KeyView => ({
  id,
  name,
  lastFour: id.slice(-4).padStart(4, '0'),
  concurrency: 4,
  dailyBudgetCents: null,
  state: 'ok',
  spentTodayCents: 0,
  spentTotalCents: 0,
  ...change,
});

/** Main's keys, as the handlers change them; a key added is accepted only if it is "good". */
function backend(initial: KeyView[], jobs: Job[] = []) {
  let keys = initial;
  const fake = createFakeBackend({
    'jobs.list': () => ({ jobs, state: engineIdle }),
    'settings.get': () => ({
      settings: { ...defaultSettings },
      hasApiKey: true,
      keyStorage: 'os-encrypted',
      secureStorageAvailable: true,
    }),
    'keys.list': () => ({ keys }),
    'keys.add': ({ name, apiKey }) => {
      if (!apiKey.includes('good'))
        throw new UserError('invalid-request', 'The key was not saved: Invalid API key (HTTP 401)');
      const added = key(`key-${apiKey.slice(-4)}`, name, { lastFour: apiKey.slice(-4) });
      keys = [...keys, added];
      return added;
    },
    'keys.update': ({ id, ...patch }) => {
      keys = keys.map((k) => (k.id === id ? { ...k, ...patch } : k));
      return keys.find((k) => k.id === id)!;
    },
    'keys.remove': ({ id }) => {
      keys = keys.filter((k) => k.id !== id);
      return { removed: true };
    },
  });
  connectBackend(fake);
  return fake;
}

describe('the API keys in Settings', () => {
  it('lists each key by name and last four with its state, slots, budget and spend today', async () => {
    backend([
      key('default', 'Default', { lastFour: 'a1b2', spentTodayCents: 320 }),
      key('key-2', 'Client B', {
        lastFour: 'z9y8',
        state: 'balance-low',
        concurrency: 2,
        dailyBudgetCents: 1_000,
      }),
    ]);
    renderWithStores(<Settings />);
    const list = await screen.findByRole('list', { name: 'Keys' });
    const b = within(list).getByRole('listitem', { name: 'Client B' });
    expect(b.textContent).toContain('•••• z9y8');
    expect(b.textContent).toContain('Balance too low');
    expect(b.textContent).toContain('Daily budget $10.00.');
    expect(
      within(b).getByRole<HTMLSelectElement>('combobox', { name: 'Concurrent tasks for Client B' })
        .value,
    ).toBe('2');
    const first = within(list).getByRole('listitem', { name: 'Default' });
    expect(first.textContent).toContain('Spent today: $3.20.');
    expect(first.textContent).toContain('No daily budget of its own.');
  });

  it('adds a key only once the API accepted it, says why when it did not, and never shows it', async () => {
    const fake = backend([key('default', 'Default')]);
    const user = userEvent.setup();
    renderWithStores(<Settings />);
    const form = await screen.findByRole('form', { name: 'Add a key' });
    await user.type(within(form).getByLabelText('Name'), 'Client B');
    await user.type(within(form).getByLabelText('New key'), 'sk-air-wrong-1234');
    await user.click(within(form).getByRole('button', { name: 'Add key' }));
    expect((await screen.findByRole('alert')).textContent).toBe(
      'The key was not saved: Invalid API key (HTTP 401)',
    );
    await user.clear(within(form).getByLabelText('New key'));
    await user.type(within(form).getByLabelText('New key'), 'sk-air-good-5678');
    await user.click(within(form).getByRole('button', { name: 'Add key' }));
    expect(await screen.findByText('Key “Client B” added: the API accepted it.')).toBeTruthy();
    expect(screen.getByRole('listitem', { name: 'Client B' }).textContent).toContain('•••• 5678');
    expect(fake.callsOf('keys.add')).toEqual([
      { name: 'Client B', apiKey: 'sk-air-wrong-1234' },
      { name: 'Client B', apiKey: 'sk-air-good-5678' },
    ]);
    expect(document.body.innerHTML).not.toContain('sk-air-good-5678');
  });

  it('renames a key, changes its slots, and removes it after asking', async () => {
    const fake = backend([key('default', 'Default'), key('key-2', 'Client B')]);
    const user = userEvent.setup();
    renderWithStores(<Settings />);
    await user.click(await screen.findByRole('button', { name: 'Rename Client B' }));
    const name = screen.getByLabelText('New name for Client B');
    await user.clear(name);
    await user.type(name, 'Client Bee');
    await user.click(screen.getByRole('button', { name: 'Save name' }));
    const row = await screen.findByRole('listitem', { name: 'Client Bee' });
    await user.selectOptions(
      within(row).getByRole('combobox', { name: 'Concurrent tasks for Client Bee' }),
      '1',
    );
    await user.click(within(row).getByRole('button', { name: 'Remove Client Bee' }));
    await user.click(within(row).getByRole('button', { name: 'Yes, remove' }));
    await waitFor(() => expect(screen.queryByRole('listitem', { name: 'Client Bee' })).toBeNull());
    expect(fake.callsOf('keys.update')).toEqual([
      { id: 'key-2', name: 'Client Bee' },
      { id: 'key-2', concurrency: 1 },
    ]);
    expect(fake.callsOf('keys.remove')).toEqual([{ id: 'key-2' }]);
  });
});

describe('pinning jobs to a key', () => {
  it('offers no choice of key with one key', async () => {
    backend([key('default', 'Default')]);
    renderWithStores(<Compose />);
    await screen.findByRole('button', { name: 'Generate' });
    // Loaded, not merely not there yet.
    await waitFor(() => expect(useKeysStore.getState().keys).toHaveLength(1));
    expect(screen.queryByRole('combobox', { name: 'Key' })).toBeNull();
  });

  it('pins the jobs to the key chosen when there are several', async () => {
    const fake = backend([key('default', 'Default'), key('key-2', 'Client B')]);
    const user = userEvent.setup();
    renderWithStores(<Compose />);
    await user.selectOptions(await screen.findByRole('combobox', { name: 'Key' }), 'Client B');
    await user.type(screen.getByLabelText('Prompt'), 'a lighthouse at dusk');
    await user.click(screen.getByRole('button', { name: 'Generate' }));
    await waitFor(() => expect(fake.callsOf('jobs.submit')).toHaveLength(1));
    expect(fake.callsOf('jobs.submit')[0]).toMatchObject({ keyId: 'key-2', copies: 1 });
  });

  it('names each job’s key in the queue when there are several', async () => {
    const jobs = [makeJob('j1', { status: 'running', keyId: 'key-2', taskId: 't1' })];
    backend([key('default', 'Default'), key('key-2', 'Client B')], jobs);
    renderWithStores(<Queue />);
    expect(await screen.findByText('Key: Client B')).toBeTruthy();
  });

  it('sets a key’s own daily budget in the locale’s way, refuses a bad amount, and clears it', async () => {
    const fake = backend([key('default', 'Default'), key('key-2', 'Client B')]);
    const user = userEvent.setup();
    renderWithStores(<Settings />);
    const row = await screen.findByRole('listitem', { name: 'Client B' });
    const field = within(row).getByLabelText('Daily budget of Client B (USD)');
    const save = within(row).getByRole('button', { name: 'Save budget of Client B' });
    await user.type(field, '1.000,50');
    await user.click(save);
    expect(within(row).getByRole('alert').textContent).not.toBe('');
    expect(fake.callsOf('keys.update')).toEqual([]);
    await user.clear(field);
    await user.type(field, '12,50');
    await user.click(save);
    await waitFor(() => expect(within(row).getByText(/Daily budget \$12\.50\./)).toBeTruthy());
    await user.clear(field);
    await user.click(within(row).getByRole('button', { name: 'Save budget of Client B' }));
    await waitFor(() => expect(within(row).getByText(/No daily budget of its own\./)).toBeTruthy());
    expect(fake.callsOf('keys.update')).toEqual([
      { id: 'key-2', dailyBudgetCents: 1250 },
      { id: 'key-2', dailyBudgetCents: null },
    ]);
  });
});
