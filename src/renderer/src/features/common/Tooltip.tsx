import type { ReactElement } from 'react';
import { Tooltip as RadixTooltip } from 'radix-ui';
import './primitives.css';

interface TooltipProps {
  /** What the control does, in a few words; shown on hover and keyboard focus. */
  label: string;
  /** One focusable control; it keeps its own accessible name (the tip only describes it). */
  children: ReactElement;
  side?: 'top' | 'right' | 'bottom' | 'left';
}

/**
 * A short tip for an icon-only or terse control, instead of `title=` (which the keyboard never
 * shows). Each tip brings its own provider, so no screen has to remember to mount one.
 */
export function Tooltip({ label, children, side = 'top' }: TooltipProps) {
  return (
    <RadixTooltip.Provider delayDuration={400}>
      <RadixTooltip.Root>
        <RadixTooltip.Trigger asChild>{children}</RadixTooltip.Trigger>
        <RadixTooltip.Portal>
          <RadixTooltip.Content className="tooltip" side={side} sideOffset={6} collisionPadding={8}>
            {label}
            <RadixTooltip.Arrow className="tooltip-arrow" />
          </RadixTooltip.Content>
        </RadixTooltip.Portal>
      </RadixTooltip.Root>
    </RadixTooltip.Provider>
  );
}
