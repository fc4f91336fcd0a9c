import { useEffect, useRef, type ReactNode, type RefObject } from 'react';
import { Dialog as RadixDialog } from 'radix-ui';

// A video or audio with controls is a stop too: the player is the clip dialog's first control.
const FOCUSABLE =
  'button:not([disabled]), [href], input:not([disabled]), select:not([disabled]), textarea:not([disabled]), video[controls], audio[controls], [tabindex]:not([tabindex="-1"])';

/**
 * Focus lost to the page (its control removed, say): Tab starts again at the dialog's first
 * control (Shift+Tab at its last). Radix keeps focus inside, but the browser would carry on
 * from where the lost control was, into the middle of the dialog or a video's own buttons.
 */
function useTabFromPage(content: RefObject<HTMLDivElement | null>) {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      const dialog = content.current;
      const lost = !document.activeElement || document.activeElement === document.body;
      if (event.key !== 'Tab' || !lost || !dialog) return;
      // Only the topmost dialog answers.
      if ([...document.querySelectorAll('[role="dialog"]')].at(-1) !== dialog) return;
      const items = [...dialog.querySelectorAll<HTMLElement>(FOCUSABLE)];
      if (event.shiftKey) items.reverse();
      event.preventDefault();
      // The first that takes focus: one may be hidden, or (in jsdom) a video.
      for (const item of items) {
        item.focus();
        if (document.activeElement === item) return;
      }
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [content]);
}

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
 * the content sits inside the backdrop, which centres it.
 */
export function Dialog({ title, onClose, children, className }: DialogProps) {
  const content = useRef<HTMLDivElement>(null);
  useTabFromPage(content);
  return (
    <RadixDialog.Root open onOpenChange={(open) => open || onClose()}>
      <RadixDialog.Portal>
        {/* A plain backdrop, not Radix's Overlay: the Overlay locks scrolling with an injected
            <style>, which the CSP (style-src 'self') refuses. Clicks on it land outside the
            content, which closes the dialog. */}
        <div className="dialog-backdrop" style={{ pointerEvents: 'auto' }}>
          <RadixDialog.Content
            ref={content}
            className={`dialog ${className ?? ''}`}
            // The dialogs describe themselves in their body; no single Description part.
            aria-describedby={undefined}
            // Radix gives Escape to the layer opened last, and a toast that arrives while a
            // dialog is open is one: then Radix closes nothing. Escape pressed in the dialog
            // closes it here, unless a layer above already took it (it prevents the default).
            onKeyDown={(event) => {
              if (event.key !== 'Escape' || event.defaultPrevented) return;
              event.preventDefault();
              event.stopPropagation();
              onClose();
            }}
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
        </div>
      </RadixDialog.Portal>
    </RadixDialog.Root>
  );
}
