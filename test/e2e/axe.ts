import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';

/** The impacts a screen must not have; minor and moderate findings are reported, not failed. */
const blocking = new Set(['serious', 'critical']);

/** WCAG 2.2 A and AA plus axe's best practices: what a user with a screen reader or low vision meets. */
const tags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

/**
 * Runs axe-core on what the page shows now and fails when a serious or critical rule is broken,
 * naming each rule, its impact and the elements (`screen` says where in the journey it was).
 * Finite transitions and animations are settled first, so contrast is measured on final colours;
 * minor and moderate findings become annotations of the test.
 */
export async function expectAccessible(page: Page, screen: string): Promise<void> {
  await page.evaluate(() =>
    Promise.all(
      document
        .getAnimations()
        .filter((animation) => animation.effect?.getComputedTiming().endTime !== Infinity)
        .map((animation) => animation.finished),
    ),
  );
  // Legacy mode runs axe in the page itself instead of combining frames' results in a new
  // blank page; the app has no frames (its CSP says frame-src 'none'), and it halves the time.
  const results = await new AxeBuilder({ page }).setLegacyMode(true).withTags(tags).analyze();
  const summary = (violation: (typeof results.violations)[number]) =>
    `${violation.id} (${violation.impact}): ${violation.help}\n` +
    violation.nodes
      .map((node) => `    ${node.target.join(' ')}: ${node.failureSummary ?? ''}`)
      .join('\n');
  for (const violation of results.violations.filter((v) => !blocking.has(v.impact ?? '')))
    test.info().annotations.push({ type: `axe on ${screen}`, description: summary(violation) });
  const problems = results.violations
    .filter((violation) => blocking.has(violation.impact ?? ''))
    .map(summary);
  expect(
    problems.length,
    `axe on ${screen}: serious or critical violations\n${problems.join('\n')}`,
  ).toBe(0);
}
