import type { Page } from '@playwright/test';

/** Where Tab landed: the control's name as a user would read it, and whether a ring shows. */
export interface TabStop {
  readonly name: string;
  readonly ring: boolean;
}

/**
 * Presses Tab until focus comes round to a control it has already been on (or `max` presses)
 * and says where it stopped, in order. A ring counts when the focused element matches `:focus-visible` and
 * draws an outline at least 2 px wide that is not transparent.
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
      const text = (node: Element | null | undefined) => node?.textContent?.trim() ?? '';
      const labelledBy = el
        .getAttribute('aria-labelledby')
        ?.split(' ')
        .map((id) => text(document.getElementById(id)))
        .join(' ');
      // A label that wraps its control: its words without the control's own text (options).
      const label = ('labels' in el ? (el as HTMLInputElement).labels : null)?.[0]?.cloneNode(true);
      if (label instanceof Element)
        label.querySelectorAll('select, textarea, input').forEach((control) => control.remove());
      const name =
        el.getAttribute('aria-label') ??
        (labelledBy || text(label as Element | undefined) || text(el) || el.id);
      const style = getComputedStyle(el);
      const ring =
        el.matches(':focus-visible') &&
        style.outlineStyle !== 'none' &&
        parseFloat(style.outlineWidth) >= 2 &&
        style.outlineColor !== 'rgba(0, 0, 0, 0)';
      const path: string[] = [];
      for (let node: Element | null = el; node; node = node.parentElement)
        path.push(`${node.tagName}:${[...(node.parentElement?.children ?? [])].indexOf(node)}`);
      return { name, ring, key: path.join('/') };
    });
    // A date field or a video takes several presses inside one element: one stop.
    if (!stop || stop.key === last) continue;
    if (seen.has(stop.key)) break;
    seen.add(stop.key);
    last = stop.key;
    stops.push({ name: stop.name, ring: stop.ring });
  }
  return stops;
}
