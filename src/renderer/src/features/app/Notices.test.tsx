import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import {
  connectBackend,
  createFakeBackend,
  setupRendererTests,
} from '../../testSupport/fakeBackend';
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

  it('shows nothing when there is nothing to say, or the engine cannot answer', async () => {
    connectBackend(createFakeBackend());
    const { container } = render(<Notices />);
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(container.textContent).toBe('');
  });
});
