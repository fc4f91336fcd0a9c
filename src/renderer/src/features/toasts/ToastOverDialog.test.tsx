import { act, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import {
  connectBackend,
  createFakeBackend,
  setupRendererTests,
} from '../../testSupport/fakeBackend';
import { renderWithStores } from '../../testSupport/renderWithStores';
import { Toasts } from './Toasts';
import { useToastsStore } from './toastsStore';
import { Dialog } from '../common/Dialog';

setupRendererTests();

function setup() {
  connectBackend(createFakeBackend());
  const onClose = vi.fn();
  renderWithStores(
    <>
      <Toasts />
      <Dialog title="A dialog" onClose={onClose}>
        <button type="button">Inside</button>
      </Dialog>
    </>,
  );
  return { onClose, user: userEvent.setup() };
}

describe('Dialog', () => {
  it('closes on Escape', async () => {
    const { onClose, user } = setup();
    screen.getByRole('button', { name: 'Inside' }).focus();
    await user.keyboard('{Escape}');
    expect(onClose).toHaveBeenCalledTimes(1);
  });

  it('still closes on Escape when a toast arrived after it opened (the toast is a later layer)', async () => {
    const { onClose, user } = setup();
    act(() =>
      useToastsStore.setState({
        toasts: [{ key: 1, kind: 'ready', title: 'Clip ready', body: 'A kite', jobId: 'j1' }],
      }),
    );
    expect(await screen.findByText('Clip ready')).toBeTruthy();
    screen.getByRole('button', { name: 'Inside' }).focus();
    await user.keyboard('{Escape}');
    expect(onClose).toHaveBeenCalledTimes(1);
  });
});
