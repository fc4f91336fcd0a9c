/** Room between neighbours: a job moved between two others takes the midpoint. */
export const POSITION_GAP = 1024;

/**
 * The `step`th of `steps` positions strictly between two neighbours (either may be
 * missing), or null when none is left.
 */
export function between(
  before: number | undefined,
  after: number | undefined,
  step = 1,
  steps = 2,
): number | null {
  if (before === undefined && after === undefined) return step * POSITION_GAP;
  if (before === undefined) return (after as number) - (steps - step) * POSITION_GAP;
  if (after === undefined) return before + step * POSITION_GAP;
  const place = before + ((after - before) * step) / steps;
  return place > before && place < after ? place : null;
}
