import { Slider as RadixSlider } from 'radix-ui';
import './primitives.css';

interface SliderProps {
  /** The id of the visible label that names the thumb (the thumb is what takes focus). */
  labelledBy: string;
  min: number;
  max: number;
  step?: number;
  value: number;
  onChange: (value: number) => void;
  /** The value as words, for screen readers ("8 seconds"); the number alone otherwise. */
  valueText?: string;
  disabled?: boolean;
  'aria-describedby'?: string;
}

/**
 * One value on a range (Radix Slider): drag, or arrow keys by `step`, Page Up and Page Down by
 * ten steps, Home and End to the ends. The thumb is the focusable `role="slider"`.
 */
export function Slider({
  labelledBy,
  min,
  max,
  step = 1,
  value,
  onChange,
  valueText,
  disabled,
  'aria-describedby': describedBy,
}: SliderProps) {
  return (
    <RadixSlider.Root
      className="slider"
      min={min}
      max={max}
      step={step}
      value={[value]}
      disabled={disabled}
      onValueChange={([next]) => next !== undefined && onChange(next)}
    >
      <RadixSlider.Track className="slider-track">
        <RadixSlider.Range className="slider-range" />
      </RadixSlider.Track>
      <RadixSlider.Thumb
        className="slider-thumb"
        aria-labelledby={labelledBy}
        aria-valuetext={valueText}
        aria-describedby={describedBy}
      />
    </RadixSlider.Root>
  );
}
