import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { Select } from './Select';

const options = [
  { value: '', label: 'All models' },
  { value: 'wan-2.6', label: 'wan-2.6' },
];

describe('Select', () => {
  it('is a native select named by its label, and picks an option that stands for no value', async () => {
    const user = userEvent.setup();
    const onChange = vi.fn();
    const { rerender } = render(
      <Select label="Model" value="" options={options} onChange={onChange} />,
    );
    const select = screen.getByRole<HTMLSelectElement>('combobox', { name: 'Model' });
    expect(select.tagName).toBe('SELECT');
    expect(select.selectedOptions[0]?.textContent).toBe('All models');
    await user.selectOptions(select, 'wan-2.6');
    expect(onChange).toHaveBeenLastCalledWith('wan-2.6');

    rerender(<Select label="Model" value="wan-2.6" options={options} onChange={onChange} />);
    expect(select.selectedOptions[0]?.textContent).toBe('wan-2.6');
    await user.selectOptions(select, 'All models');
    expect(onChange).toHaveBeenLastCalledWith('');
  });

  it('shows the placeholder while nothing is chosen, which cannot be chosen back', async () => {
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
    const select = screen.getByRole<HTMLSelectElement>('combobox', { name: 'Recently used' });
    expect(select.selectedOptions[0]?.textContent).toBe('Pick one to reuse…');
    expect(select.hasAttribute('data-placeholder')).toBe(true);
    expect(select.options[0]).toMatchObject({ text: 'Pick one to reuse…', disabled: true });
    await user.tab();
    expect(document.activeElement).toBe(select);
    await user.selectOptions(select, 'A cat');
    expect(onChange).toHaveBeenCalledWith('A cat');
  });

  it('takes no choice while disabled', () => {
    const { container } = render(
      <Select label="Model" value="" options={options} onChange={vi.fn()} disabled />,
    );
    expect(within(container).getByRole('combobox', { name: 'Model' })).toHaveProperty(
      'disabled',
      true,
    );
  });
});
