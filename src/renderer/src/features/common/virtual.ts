import { observeElementRect, type Rect, type Virtualizer } from '@tanstack/react-virtual';

/** Until the box is laid out (hidden, or a test's DOM without layout), a window's worth. */
export const UNLAID: Rect = { width: 1000, height: 800 };

/** The scroll box's size, or {@link UNLAID} while it has none. */
export const observeRect = (
  instance: Virtualizer<HTMLDivElement, Element>,
  callback: (rect: Rect) => void,
) => observeElementRect(instance, (rect) => callback(rect.height > 0 ? rect : UNLAID));
