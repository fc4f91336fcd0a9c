import type { ReactNode } from 'react';
import { Dialog as RadixDialog } from 'radix-ui';

interface DialogProps {
  title: string;
  onClose: () => void;
  children: ReactNode;
  className?: string;
}

/**
 * A modal dialog, open while it is rendered: focus moves in (to the control marked
 * `data-autofocus`, else the first one), Tab stays in, Escape or a click on the backdrop closes,
 * and focus returns to where it was. Radix Dialog does the work, portalled to `document.body`;
 * the content sits inside the overlay so the backdrop centres it and scrolls a tall one.
 */
export function Dialog({ title, onClose, children, className }: DialogProps) {
  return (
    <RadixDialog.Root open onOpenChange={(open) => open || onClose()}>
      <RadixDialog.Portal>
        <RadixDialog.Overlay className="dialog-backdrop">
          <RadixDialog.Content
            className={`dialog ${className ?? ''}`}
            // The dialogs describe themselves in their body; no single Description part.
            aria-describedby={undefined}
            onOpenAutoFocus={(event) => {
              const target = event.currentTarget;
              const preferred =
                target instanceof HTMLElement
                  ? target.querySelector<HTMLElement>('[data-autofocus]')
                  : null;
              if (!preferred) return;
              event.preventDefault();
              preferred.focus();
            }}
          >
            <RadixDialog.Title className="dialog-title">{title}</RadixDialog.Title>
            {children}
          </RadixDialog.Content>
        </RadixDialog.Overlay>
      </RadixDialog.Portal>
    </RadixDialog.Root>
  );
}
