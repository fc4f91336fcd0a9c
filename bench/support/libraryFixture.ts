import { createRandom } from '../../src/simulator/random';
import { copyFileSync, linkSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { AspectRatio } from '../../src/shared/api/schemas';
import { clipBaseName, clipFiles } from '../../src/main/core/library/naming';
import {
  iso,
  serializeSidecar,
  SIDECAR_VERSION,
  type Sidecar,
} from '../../src/main/core/library/sidecar';
import { defaultMediaDir } from '../../src/simulator/media';

const subjects = [
  'lighthouse',
  'fox',
  'city street',
  'glacier',
  'robot',
  'koi pond',
  'desert caravan',
  'neon diner',
  'forest',
  'sailboat',
  'train',
  'waterfall',
  'astronaut',
  'market',
  'owl',
  'volcano',
];
const moods = [
  'at dusk',
  'in the rain',
  'at dawn',
  'under snow',
  'in fog',
  'at golden hour',
  'by moonlight',
  'in a storm',
];
const styles = [
  'cinematic',
  'handheld',
  'slow motion',
  'aerial',
  'macro',
  'timelapse',
  'tracking shot',
  'watercolour',
];
const models = [
  { id: 'wan-2.6', cents: 40 },
  { id: 'kling-1', cents: 56 },
  { id: 'veo-lite', cents: 20 },
  { id: 'seedance-pro', cents: 32 },
];
const ratios: { ratio: AspectRatio; file: string }[] = [
  { ratio: '16:9', file: '16x9' },
  { ratio: '9:16', file: '9x16' },
  { ratio: '1:1', file: '1x1' },
  { ratio: '4:3', file: '4x3' },
];
const tagWords = ['keeper', 'client', 'draft', 'b-roll', 'intro', 'loop'];
const alphabet = [...'ABCDEFGHJKMNPQRSTVWXYZ0123456789'];

/** Deterministic, so every run searches the same library. */
const random = createRandom;

const pick = <T>(rand: () => number, list: readonly T[]): T =>
  list[Math.floor(rand() * list.length)] as T;

/** The words the generated prompts use, for searches that find something. */
export const searchWords = [
  ...subjects.flatMap((s) => s.split(' ')),
  ...moods.flatMap((m) => m.split(' ').slice(-1)),
  ...styles,
];

/**
 * `count` clips in `folder`, written the way the library writes them: `clipBaseName` names,
 * `serializeSidecar` sidecars. MP4 and poster are hard links to the simulator's sample media
 * (copied once next to the folder), so 10,000 clips cost little disk and are real files.
 */
export async function generateLibrary(folder: string, count: number): Promise<string> {
  mkdirSync(folder, { recursive: true });
  const media = join(dirname(folder), 'sample-media');
  mkdirSync(media, { recursive: true });
  for (const { file } of ratios) {
    for (const ext of ['mp4', 'jpg'])
      copyFileSync(join(defaultMediaDir, `${file}.${ext}`), join(media, `${file}.${ext}`));
  }
  const rand = random(20_261_124);
  const newest = Date.UTC(2026, 10, 24, 9, 0, 0);
  for (let i = 0; i < count; i++) {
    const taskId = `vid_${Array.from({ length: 13 }, () => pick(rand, alphabet)).join('')}`;
    const createdAt = newest - i * 37 * 60_000 - Math.floor(rand() * 60_000);
    const prompt = `A ${pick(rand, styles)} shot of a ${pick(rand, subjects)} ${pick(rand, moods)}, clip ${i}`;
    const model = pick(rand, models);
    const { ratio, file } = pick(rand, ratios);
    const durationSeconds = 5 + Math.floor(rand() * 4);
    const sidecar: Sidecar = {
      version: SIDECAR_VERSION,
      taskId,
      prompt,
      model: model.id,
      mode: 'text',
      durationSeconds,
      aspectRatio: ratio,
      quality: '720p',
      seed: Math.floor(rand() * 2 ** 31),
      sound: null,
      inputImages: [],
      costCents: durationSeconds * model.cents,
      createdAt: iso(createdAt),
      completedAt: iso(createdAt + 90_000),
      savedAt: iso(createdAt + 95_000),
      favourite: rand() < 0.1,
      tags: rand() < 0.3 ? [pick(rand, tagWords)] : [],
    };
    const base = clipBaseName(createdAt, prompt, taskId);
    const files = clipFiles(base);
    writeFileSync(join(folder, files.sidecar), serializeSidecar(sidecar));
    linkSync(join(media, `${file}.mp4`), join(folder, files.video));
    linkSync(join(media, `${file}.jpg`), join(folder, files.poster));
  }
  return folder;
}
