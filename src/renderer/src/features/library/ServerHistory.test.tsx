import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { RemoteTask } from '../../../../shared/library';
import {
  createFakeBackend,
  setupRendererTests,
  connectBackend,
} from '../../testSupport/fakeBackend';
import { ServerHistory } from './ServerHistory';

setupRendererTests();

const hour = 3_600_000;
const task = (taskId: string, change: Partial<RemoteTask>): RemoteTask => ({
  taskId,
  status: 'completed',
  model: 'wan-2.6',
  prompt: `Prompt of ${taskId}`,
  createdAt: null,
  expiresAt: null,
  inLibrary: false,
  ...change,
});

function setup(tasks: RemoteTask[]) {
  connectBackend(createFakeBackend({ 'library.listRemote': () => ({ tasks }) }));
  render(<ServerHistory onClose={() => undefined} />);
}

const rowOf = async (prompt: string) =>
  (await screen.findByText(prompt)).closest('li') as HTMLElement;

describe('Server history', () => {
  it('lays out every row alike, failed ones too, and says when each expires', async () => {
    const now = Date.now();
    setup([
      task('vid_done', { expiresAt: now + 3 * hour + 10 * 60_000 }),
      task('vid_soon', { expiresAt: now + 20 * 60_000, inLibrary: true }),
      task('vid_failed', { status: 'failed', expiresAt: now + 5 * hour }),
      task('vid_gone', { status: 'expired', expiresAt: now - hour }),
      task('vid_late', { expiresAt: now - 60_000 }),
      task('vid_running', { status: 'running' }),
    ]);
    const rows = within(await screen.findByRole('list')).getAllByRole('listitem');
    expect(rows).toHaveLength(6);
    // Prompt, what it is, what can be done: in the same places on every row.
    for (const row of rows)
      expect(Array.from(row.children, (c) => c.className)).toEqual([
        'remote-prompt',
        'hint remote-meta',
        'remote-action',
      ]);

    const meta = async (id: string) =>
      (await rowOf(`Prompt of ${id}`)).querySelector('.remote-meta')?.textContent;
    expect(await meta('vid_done')).toBe('wan-2.6 · completed · expires in 3 h');
    expect(await meta('vid_soon')).toBe('wan-2.6 · completed · expires in 20 min');
    expect(await meta('vid_failed')).toBe('wan-2.6 · failed · expires in 5 h');
    expect(await meta('vid_gone')).toBe('wan-2.6 · expired');
    expect(await meta('vid_late')).toBe('wan-2.6 · completed · expired');

    const action = async (id: string) => within(await rowOf(`Prompt of ${id}`));
    expect((await action('vid_done')).getByRole('button', { name: 'Import' })).toBeTruthy();
    expect((await action('vid_soon')).getByText('In the library')).toBeTruthy();
    expect((await action('vid_failed')).getByText('Failed: no clip')).toBeTruthy();
    expect((await action('vid_late')).queryByRole('button')).toBeNull();
    expect((await action('vid_running')).getByText('Not finished yet')).toBeTruthy();
  });

  it("names each task's key when the tasks come from several keys, and imports with it", async () => {
    const imported: unknown[] = [];
    connectBackend(
      createFakeBackend({
        'library.listRemote': () => ({
          tasks: [
            task('vid_a', { keyId: 'default', keyName: 'Default' }),
            task('vid_b', { keyId: 'key-b', keyName: 'Client B' }),
          ],
        }),
        'library.import': (request) => {
          imported.push(request);
          throw new Error('not in this test');
        },
      }),
    );
    render(<ServerHistory onClose={() => undefined} />);
    const row = await rowOf('Prompt of vid_b');
    expect(row.querySelector('.remote-meta')?.textContent).toBe(
      'wan-2.6 · completed · key Client B',
    );
    within(row).getByRole('button', { name: 'Import' }).click();
    await screen.findByRole('alert');
    expect(imported).toEqual([{ taskId: 'vid_b', keyId: 'key-b' }]);
  });
});
