import type { Page } from '@playwright/test';

/** Where Tab landed: the control's accessible name, and whether a ring shows. */
export interface TabStop {
  readonly name: string;
  readonly ring: boolean;
}

/**
 * Presses Tab until focus comes round to a control it has already been on (or `max` presses)
 * and says where it stopped, in order. A ring counts when the focused element matches
 * `:focus-visible` and draws an outline at least 2 px wide that is not transparent, and no
 * ancestor that clips its overflow cuts it off.
 */
export async function tabThrough(page: Page, max = 80): Promise<TabStop[]> {
  await page.evaluate(() => {
    (document.activeElement as HTMLElement | null)?.blur();
    window.getSelection()?.removeAllRanges();
  });
  const stops: TabStop[] = [];
  const seen = new Set<string>();
  let last = '';
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const stop = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (!el || el === document.body) return null;
      const style = getComputedStyle(el);
      // The ring's outer edge must lie inside every ancestor that clips (a scroller, say).
      const reach = parseFloat(style.outlineOffset) + parseFloat(style.outlineWidth);
      const box = el.getBoundingClientRect();
      let clipped = false;
      for (let node = el.parentElement; node; node = node.parentElement) {
        const { overflowX, overflowY } = getComputedStyle(node);
        if (overflowX === 'visible' && overflowY === 'visible') continue;
        const edge = node.getBoundingClientRect();
        clipped ||=
          box.left - reach < edge.left - 0.5 ||
          box.top - reach < edge.top - 0.5 ||
          box.right + reach > edge.right + 0.5 ||
          box.bottom + reach > edge.bottom + 0.5;
      }
      const ring =
        el.matches(':focus-visible') &&
        style.outlineStyle !== 'none' &&
        parseFloat(style.outlineWidth) >= 2 &&
        style.outlineColor !== 'rgba(0, 0, 0, 0)' &&
        !clipped;
      const path: string[] = [];
      for (let node: Element | null = el; node; node = node.parentElement)
        path.push(`${node.tagName}:${[...(node.parentElement?.children ?? [])].indexOf(node)}`);
      return { ring, key: path.join('/'), label: el.getAttribute('aria-label') ?? '' };
    });
    // A date field or a video takes several presses inside one element: one stop.
    if (!stop || stop.key === last) continue;
    if (seen.has(stop.key)) break;
    seen.add(stop.key);
    last = stop.key;
    stops.push({
      // A video is not in the ARIA snapshot: its label names it. Focus inside its controls
      // (Tab from the page after focus was lost there) does not match `:focus` at all.
      name:
        ((await page.locator(':focus').count()) > 0 &&
          accessibleName(await page.locator(':focus').ariaSnapshot())) ||
        stop.label,
      ring: stop.ring,
    });
  }
  return stops;
}

/** The name in the first line of an ARIA snapshot, `- button "Queue"`, or the role alone. */
function accessibleName(snapshot: string): string {
  const first = /^- ([\w-]+)(?: "((?:[^"\\]|\\.)*)")?/.exec(snapshot);
  return first?.[2]?.replace(/\\(.)/g, '$1') ?? first?.[1] ?? '';
}
