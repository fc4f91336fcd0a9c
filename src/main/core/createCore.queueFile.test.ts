import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { coreHarness, type CoreHarness, type HarnessCore } from '../../../test/support/coreHarness';
import type { JobDraft } from '../../shared/jobDraft';

/** Two installs: the queue file is made on one and imported on the other. */
let here: CoreHarness;
let there: CoreHarness;
beforeEach(() => {
  here = coreHarness();
  there = coreHarness();
});
afterEach(async () => {
  await here.close();
  await there.close();
});

const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const png = (n: number) => new Uint8Array([...PNG, n, n, n]);
const base64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

const draft = (prompt: string, extra: Partial<JobDraft> = {}): JobDraft => ({
  model: 'wan-2.6',
  prompt,
  mode: 'text',
  durationSeconds: 5,
  inputImages: [],
  ...extra,
});
const withImage = (prompt: string, bytes: Uint8Array): JobDraft =>
  draft(prompt, { mode: 'image', inputImages: [{ mime: 'image/png', dataBase64: base64(bytes) }] });

/** Demo mode, the queue paused: what is queued stays waiting. */
async function open(h: CoreHarness, language: 'en' | 'nl' = 'en'): Promise<HarnessCore> {
  const core = await h.start({ overrides: { demo: true, language } });
  await core.client.invoke('jobs.pause', {});
  return core;
}

const queued = (core: HarnessCore) =>
  core.engine.jobs().map((j) => ({ request: j.request, batch: j.batch?.name ?? null }));

describe('a queue file, exported on one install and imported on another', () => {
  it('queues the same requests, with byte-identical images and the batches by name', async () => {
    const source = await open(here);
    const [a, b] = [png(1), png(2)];
    const { batchId } = await source.client.invoke('jobs.submitBatch', {
      name: 'Stills at dusk',
      onFailure: 'stop',
      jobs: [withImage('first still', a), withImage('second still', b), withImage('again', a)],
    });
    await source.client.invoke('jobs.submit', {
      request: draft('a single one', { seed: 7, aspectRatio: '9:16', sound: true }),
    });
    await source.client.invoke('jobs.submit', {
      request: draft('from a signed link', {
        mode: 'image',
        inputImages: [{ url: 'https://cdn.example/still.png?X-Amz-Signature=abc' }],
      }),
    });
    await source.client.invoke('jobs.cancel', {
      id: source.engine.jobs().find((j) => j.request.prompt === 'again')!.id,
    });

    const file = await source.client.invoke('queue.export', {});
    expect(file.fileName).toMatch(/^airframe-queue-\d{4}-\d{2}-\d{2}\.zip$/);
    // The job with a signed link is left out, and so is the cancelled one (not waiting).
    expect(file.leftOut).toBe(1);
    const entries = unzipSync(Buffer.from(file.dataBase64, 'base64'));
    expect(Object.keys(entries).sort()).toEqual(
      ['airframe-queue.json', `images/${sha256(a)}.png`, `images/${sha256(b)}.png`].sort(),
    );
    const text = strFromU8(entries['airframe-queue.json']!);
    expect(JSON.parse(text)).toMatchObject({ format: 'airframe-queue', version: 1 });
    // No job or batch id, no task, no key, no signed link.
    expect(text).not.toMatch(/job_|batch_|taskId|Signature|apiKey/);
    expect(text).not.toContain(here.simulator()!.apiKey);

    const target = await open(there);
    expect(await target.client.invoke('queue.import', { dataBase64: file.dataBase64 })).toEqual({
      batches: 1,
      jobs: 3,
    });
    const expected = queued(source).filter(
      (j) => j.request.prompt !== 'again' && j.request.prompt !== 'from a signed link',
    );
    expect(queued(target)).toEqual(expected);
    const [batch] = (await target.client.invoke('batches.list', {})).batches;
    expect(batch).toMatchObject({ name: 'Stills at dusk', onFailure: 'stop', size: 2 });
    for (const bytes of [a, b]) {
      const stored = readFileSync(join(there.dataDir, 'inputs', sha256(bytes)));
      expect(new Uint8Array(stored)).toEqual(bytes);
    }

    // One batch: every job it has, the cancelled one too, under the batch's own name.
    const whole = await source.client.invoke('queue.export', { batchId });
    expect(whole.fileName).toMatch(/^airframe-batch-Stills-at-dusk-/);
    await target.client.invoke('queue.import', { dataBase64: whole.dataBase64 });
    const prompts = target.engine.jobs().filter((j) => j.batch?.size === 3);
    expect(prompts.map((j) => j.request.prompt)).toEqual(['first still', 'second still', 'again']);
  }, 30_000);

  it('refuses to export an empty queue', async () => {
    const source = await open(here);
    await expect(source.client.invoke('queue.export', {})).rejects.toThrow(/nothing to export/);
  });
});

const manifest = (patch: Record<string, unknown> = {}) => ({
  format: 'airframe-queue',
  version: 1,
  exportedAt: '2026-01-02T03:04:05.000Z',
  batches: [],
  jobs: [draft('one job')],
  ...patch,
});
const zip = (entries: Record<string, Uint8Array | string>) =>
  base64(
    zipSync(
      Object.fromEntries(
        Object.entries(entries).map(([k, v]) => [k, typeof v === 'string' ? strToU8(v) : v]),
      ),
    ),
  );
const withManifest = (patch: Record<string, unknown> = {}, more: Record<string, Uint8Array> = {}) =>
  zip({ 'airframe-queue.json': JSON.stringify(manifest(patch)), ...more });

/** Claims, in the central directory, that the first entry unpacks to `size` bytes. */
function claimSize(file: string, size: number): string {
  const bytes = Buffer.from(file, 'base64');
  const at = bytes.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
  bytes.writeUInt32LE(size, at + 24);
  return bytes.toString('base64');
}

const notImage = strToU8('just text, renamed');
const stillImage = png(9);
const imageJob = (bytes: Uint8Array, name = `images/${sha256(bytes)}.png`) => ({
  jobs: [{ ...draft('x', { mode: 'image' }), inputImages: [{ file: name, mime: 'image/png' }] }],
});

const hostile: [string, () => string, RegExp][] = [
  ['not a ZIP', () => base64(strToU8('hello, not a zip at all')), /does not open as a ZIP/],
  ['a truncated file', () => withManifest().slice(0, 80), /does not open as a ZIP|damaged/],
  ['no manifest', () => zip({ 'notes.txt': 'hi' }), /holds “notes.txt”/],
  ['bad JSON', () => zip({ 'airframe-queue.json': '{"format": "airf' }), /damaged at/],
  [
    'a traversal name',
    () => zip({ 'airframe-queue.json': '{}', '../../evil.sh': 'x' }),
    /“\.\.\/\.\.\/evil\.sh”/,
  ],
  [
    'an absolute name',
    () => zip({ 'airframe-queue.json': '{}', '/etc/passwd': 'x' }),
    /“\/etc\/passwd”/,
  ],
  [
    'another format',
    () => withManifest({ format: 'something-else' }),
    /not an Airframe queue file/,
  ],
  [
    'a newer version',
    () => withManifest({ version: 2 }),
    /version 2; this Airframe reads version 1/,
  ],
  ['an unknown field', () => withManifest({ apiKey: 'sk-stolen' }), /damaged at/],
  [
    'a task id in a job',
    () => withManifest({ jobs: [{ ...draft('x'), taskId: 't' }] }),
    /damaged at jobs\.0/,
  ],
  ['a bomb by size', () => claimSize(withManifest(), 300_000_000), /more than 256 MB/],
  [
    'a bomb by count',
    () =>
      zip(
        Object.fromEntries(
          Array.from(
            { length: 5_002 },
            (_, i) => [`images/${i.toString(16).padStart(64, '0')}.png`, ''] as const,
          ),
        ),
      ),
    /5001 entries/,
  ],
  ['an image named but missing', () => withManifest(imageJob(stillImage)), /does not hold/],
  [
    'an image that is not one',
    () => withManifest(imageJob(notImage), { [`images/${sha256(notImage)}.png`]: notImage }),
    /not the image it claims/,
  ],
  [
    'an image under another hash',
    () =>
      withManifest(imageJob(stillImage, `images/${'0'.repeat(64)}.png`), {
        [`images/${'0'.repeat(64)}.png`]: stillImage,
      }),
    /not the image it claims/,
  ],
  [
    'a job past the model’s caps',
    () => withManifest({ jobs: [draft('fine'), draft('too long', { durationSeconds: 60 })] }),
    /Job 2: .*Nothing was queued/,
  ],
  [
    'a batch job past the caps',
    () =>
      withManifest({
        batches: [
          {
            name: 'Night',
            onFailure: 'continue',
            jobs: [draft('ok'), draft('r', { aspectRatio: '4:3', model: 'kling-1' })],
          },
        ],
      }),
    /Job 2 of batch “Night”/,
  ],
];

describe('a hostile or broken queue file', () => {
  it.each(hostile)('refuses %s, clearly, and queues nothing', async (_, file, message) => {
    const target = await open(there);
    await target.client.invoke('jobs.submit', { request: draft('already here') });
    const error = await target.client
      .invoke('queue.import', { dataBase64: file() })
      .catch((e: Error) => e);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toMatch(message);
    expect(target.engine.jobs().map((j) => j.request.prompt)).toEqual(['already here']);
    expect((await target.client.invoke('batches.list', {})).batches).toEqual([]);
  });

  it('speaks Dutch when the app does', async () => {
    const target = await open(there, 'nl');
    await expect(
      target.client.invoke('queue.import', { dataBase64: withManifest({ version: 3 }) }),
    ).rejects.toThrow(/versie 3; deze Airframe leest versie 1/);
  });
});
