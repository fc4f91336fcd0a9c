import { SIDECAR_VERSION, type Sidecar } from '../../src/main/core/library/sidecar';

/** Clip `n`'s sidecar as the app writes it, created `n` minutes after the test epoch. */
export function testSidecar(n: number, over: Partial<Sidecar> = {}): Sidecar {
  return {
    version: SIDECAR_VERSION,
    taskId: `vid_${n}`,
    prompt: `Clip ${n}`,
    model: 'wan-2.6',
    mode: 'text',
    durationSeconds: 5,
    aspectRatio: null,
    quality: null,
    seed: null,
    sound: null,
    inputImages: [],
    costCents: 200,
    createdAt: new Date(Date.UTC(2026, 0, 1) + n * 60_000).toISOString(),
    completedAt: null,
    savedAt: null,
    favourite: false,
    tags: [],
    ...over,
  };
}
