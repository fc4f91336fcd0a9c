import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import {
  connectBackend,
  createFakeBackend,
  setupRendererTests,
} from '../../testSupport/fakeBackend';
import { api } from '../../api/client';
import { Notices } from './Notices';

setupRendererTests();

describe('Notices', () => {
  it('shows what happened to the data at start until each is dismissed', async () => {
    const restored = 'The job database was damaged; restored the backup from 2026-11-24 09:00.';
    const setAside = '2 stored jobs could not be read and were set aside.';
    connectBackend(
      createFakeBackend({
        'app.notices': () => ({
          notices: [
            { level: 'warning', message: restored, at: 1 },
            { level: 'info', message: setAside, at: 2 },
          ],
        }),
      }),
    );
    render(<Notices />);
    expect((await screen.findByRole('alert')).textContent).toContain(restored);
    expect(screen.getByRole('status').textContent).toContain(setAside);
    await userEvent.click(screen.getAllByRole('button', { name: 'Dismiss' })[0]!);
    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.getByRole('status')).toBeDefined();
  });

  it.each([
    ['there is nothing to say', createFakeBackend({ 'app.notices': () => ({ notices: [] }) })],
    ['the engine cannot answer', createFakeBackend()],
  ])('shows nothing when %s', async (_when, backend) => {
    connectBackend(backend);
    const { container } = render(<Notices />);
    // Asked after the component's own request, through the same client: answered after it.
    await act(() =>
      api()
        .invoke('app.notices', {})
        .catch(() => null),
    );
    expect(backend.callsOf('app.notices')).toHaveLength(2);
    expect(container.textContent).toBe('');
  });
});
