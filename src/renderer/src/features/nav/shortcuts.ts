import { useEffect } from 'react';
import { sections, type Section } from './navStore';

/**
 * Ctrl+1…4 (⌘+1…4 on a Mac) move between the sections, in the sidebar's order. The digit is
 * read from `code` too, so layouts whose number row types symbols (AZERTY) work as well.
 */
export function sectionForShortcut(event: KeyboardEvent): Section | undefined {
  if (!(event.ctrlKey || event.metaKey) || event.altKey || event.shiftKey) return undefined;
  if (isTyping(event.target)) return undefined;
  const digit =
    /^Digit([1-9])$/.exec(event.code)?.[1] ?? (/^[1-9]$/.test(event.key) ? event.key : undefined);
  return digit === undefined ? undefined : sections[Number(digit) - 1];
}

const textInputTypes = new Set([
  'text',
  'search',
  'email',
  'url',
  'tel',
  'password',
  'number',
  'date',
  'datetime-local',
  'month',
  'time',
  'week',
]);

/** Where a key types text (or edits a value): the shortcut belongs to the field there. */
function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target instanceof HTMLTextAreaElement || target.closest('[contenteditable="true"]'))
    return true;
  return target instanceof HTMLInputElement && textInputTypes.has(target.type);
}

/** Listens on the window while mounted; `onGo` is called with the section a shortcut names. */
export function useSectionShortcuts(onGo: (section: Section) => void): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      const section = sectionForShortcut(event);
      if (!section) return;
      event.preventDefault();
      onGo(section);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [onGo]);
}
