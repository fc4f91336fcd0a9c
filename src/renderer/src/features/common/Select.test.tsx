import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { Select } from './Select';

const options = [
  { value: '', label: 'All models' },
  { value: 'wan-2.6', label: 'wan-2.6' },
];

describe('Select', () => {
  it('shows and picks an option that stands for no value (Radix forbids an empty one)', async () => {
    const user = userEvent.setup();
    const onChange = vi.fn();
    const { rerender } = render(
      <Select label="Model" value="" options={options} onChange={onChange} />,
    );
    const trigger = screen.getByRole('combobox', { name: 'Model' });
    expect(trigger.textContent).toContain('All models');
    await user.click(trigger);
    await user.click(await screen.findByRole('option', { name: 'wan-2.6' }));
    expect(onChange).toHaveBeenLastCalledWith('wan-2.6');

    rerender(<Select label="Model" value="wan-2.6" options={options} onChange={onChange} />);
    expect(trigger.textContent).toContain('wan-2.6');
    await user.click(trigger);
    await user.click(await screen.findByRole('option', { name: 'All models' }));
    expect(onChange).toHaveBeenLastCalledWith('');
  });

  it('shows the placeholder while nothing is chosen, and opens from the keyboard', async () => {
    const user = userEvent.setup();
    const onChange = vi.fn();
    render(
      <Select
        label="Recently used"
        value=""
        placeholder="Pick one to reuse…"
        options={[{ value: 'A cat', label: 'A cat' }]}
        onChange={onChange}
      />,
    );
    const trigger = screen.getByRole('combobox', { name: 'Recently used' });
    expect(trigger.textContent).toContain('Pick one to reuse…');
    await user.tab();
    await user.keyboard('{Enter}');
    await user.click(await screen.findByRole('option', { name: 'A cat' }));
    expect(onChange).toHaveBeenCalledWith('A cat');
  });
});
