import { useId } from 'react';
import { Select as RadixSelect } from 'radix-ui';
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
 * Radix Select forbids `''` as an item's value (it means "nothing chosen"); an option such as
 * "All models" that stands for `''` travels under this value instead.
 */
const EMPTY = '\u0000';

/**
 * A labelled list to choose one from (Radix Select): opens on click, Enter, Space or the arrow
 * keys; typing jumps to an option; Escape closes. The label names the trigger by
 * `aria-labelledby`, so `getByLabelText` and screen readers find it as a native select.
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
  const labelId = useId();
  const toRadix = (v: string) => (v === '' ? EMPTY : v);
  const hasEmpty = options.some((o) => o.value === '');
  return (
    <div className={className}>
      <span id={labelId}>{label}</span>
      <RadixSelect.Root
        value={value === '' && !hasEmpty ? '' : toRadix(value)}
        disabled={disabled}
        onValueChange={(next) => {
          const option = options.find((o) => toRadix(o.value) === next);
          if (option) onChange(option.value);
        }}
      >
        <RadixSelect.Trigger className="select-trigger" aria-labelledby={labelId}>
          <RadixSelect.Value placeholder={placeholder} />
          <RadixSelect.Icon className="select-icon" aria-hidden="true">
            ▾
          </RadixSelect.Icon>
        </RadixSelect.Trigger>
        <RadixSelect.Portal>
          <RadixSelect.Content
            className="select-content"
            position="popper"
            sideOffset={4}
            collisionPadding={8}
          >
            <RadixSelect.Viewport>
              {options.map((o) => (
                <RadixSelect.Item key={o.value} value={toRadix(o.value)} className="select-item">
                  <RadixSelect.ItemText>{o.label}</RadixSelect.ItemText>
                  <RadixSelect.ItemIndicator className="select-check" aria-hidden="true" />
                </RadixSelect.Item>
              ))}
            </RadixSelect.Viewport>
          </RadixSelect.Content>
        </RadixSelect.Portal>
      </RadixSelect.Root>
    </div>
  );
}
