import { useId } from 'react';
import './primitives.css';

export interface SelectOption<T extends string> {
  value: T;
  label: string;
}

interface SelectProps<T extends string> {
  /** The visible label; it names the control. */
  label: string;
  options: readonly SelectOption<T>[];
  /** The chosen value; `''` without an option for it shows the placeholder. */
  value: T | '';
  onChange: (value: T) => void;
  placeholder?: string;
  disabled?: boolean;
  /** The wrapper's classes: `field` (label above) or `field inline` (label beside). */
  className?: string;
}

/**
 * A labelled list to choose one from: a native `<select>` drawn with the tokens. Not Radix
 * Select, which injects inline `<style>` elements when its list opens (a scrollbar style and a
 * scroll lock) that the renderer's CSP (`style-src 'self'`) refuses. The browser's own list
 * opens on click, Space, Alt+Down or F4, types to jump, follows `color-scheme` in both themes
 * and is read by screen readers as a combobox named by its `<label>`.
 */
export function Select<T extends string>({
  label,
  options,
  value,
  onChange,
  placeholder,
  disabled,
  className = 'field',
}: SelectProps<T>) {
  const id = useId();
  const showPlaceholder = value === '' && !options.some((o) => o.value === '');
  return (
    <div className={className}>
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        className="select"
        value={value}
        disabled={disabled}
        data-placeholder={showPlaceholder ? '' : undefined}
        onChange={(event) => {
          const option = options.find((o) => o.value === event.target.value);
          if (option) onChange(option.value);
        }}
      >
        {showPlaceholder && (
          // Shown while nothing is chosen; it cannot be chosen back.
          <option value="" disabled hidden>
            {placeholder ?? ''}
          </option>
        )}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}
