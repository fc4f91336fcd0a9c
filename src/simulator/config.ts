import { z } from 'zod';

/**
 * The answers the docs leave open (see "Not documented" in the API reference). Each can be
 * set at start, changed at run time, and read back, so a client is tested against every
 * reading a real server may take, not only the one this simulator happened to pick.
 */
export const SimulatorConfigSchema = z.strictObject({
  /** `default`: `vid_01HX…`. `dotted`: `vid.01HX….a7`, since nothing promises the alphabet. */
  taskIds: z.enum(['default', 'dotted']),
  /** What a completed task reports once `expires_at` has passed (its links die either way). */
  statusAfterExpiry: z.enum(['expired', 'completed']),
  /** `documented`: list items have exactly the status shape. `with-prompt`: plus prompt, created. */
  listItems: z.enum(['documented', 'with-prompt']),
  /** Virtual ms after its creation before a task shows up in the list. */
  listLagMs: z.number().nonnegative().max(Number.MAX_SAFE_INTEGER),
  /** Send every optional field a status, list or SSE payload leaves out as `null`. */
  nulls: z.boolean(),
  /** How the list wraps its items; `unrecognised` is a shape no client can read. */
  listEnvelope: z.enum(['data', 'bare', 'tasks', 'items', 'unrecognised']),
});

export type SimulatorConfig = z.infer<typeof SimulatorConfigSchema>;

export const defaultConfig: Readonly<SimulatorConfig> = Object.freeze({
  taskIds: 'default',
  statusAfterExpiry: 'expired',
  listItems: 'documented',
  listLagMs: 0,
  nulls: false,
  listEnvelope: 'data',
});

const ConfigPatch = SimulatorConfigSchema.partial();

/** `base` with `patch` applied; throws a readable error for an unknown key or a bad value. */
export function applyConfig(base: SimulatorConfig, patch: unknown): SimulatorConfig {
  const result = ConfigPatch.safeParse(patch);
  if (!result.success)
    throw new TypeError(`Invalid simulator config: ${z.prettifyError(result.error)}`);
  const defined = Object.entries(result.data).filter(([, value]) => value !== undefined);
  return { ...base, ...Object.fromEntries(defined) };
}

/** The config keys of a larger options object (`SimulatorOptions`), for `applyConfig`. */
export function configPart(options: object): Partial<SimulatorConfig> {
  const keys = Object.keys(defaultConfig);
  return Object.fromEntries(Object.entries(options).filter(([key]) => keys.includes(key)));
}
