import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { Tooltip } from './Tooltip';

describe('Tooltip', () => {
  it('shows its tip when the keyboard reaches the control, which keeps its own name', async () => {
    const user = userEvent.setup();
    render(
      <Tooltip label="Remove">
        <button type="button" aria-label="Remove image 1">
          ✕
        </button>
      </Tooltip>,
    );
    expect(screen.queryByRole('tooltip')).toBeNull();
    await user.tab();
    const button = screen.getByRole('button', { name: 'Remove image 1' });
    expect(document.activeElement).toBe(button);
    expect((await screen.findByRole('tooltip')).textContent).toBe('Remove');
    expect(button.getAttribute('aria-describedby')).toBe(screen.getByRole('tooltip').id);
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('tooltip')).toBeNull();
    act(() => button.blur());
  });
});
