import { describe, expect, it } from 'vitest';
import { stringMatching } from '../../../../test/support/matchers';
import {
  parseSidecar,
  serializeSidecar,
  SIDECAR_VERSION,
  toClip,
  toDetails,
  upgradeSidecar,
  type Sidecar,
} from './sidecar';

const base = '2026-03-07_0905_a-lighthouse_vid_1';

/** A sidecar as Airframe wrote it before frame grabs: version 1, with a parent and an extra field. */
const v1 = {
  version: 1,
  taskId: 'vid_1',
  prompt: 'A lighthouse',
  model: 'wan-2.6',
  mode: 'text',
  durationSeconds: 5,
  createdAt: '2026-03-07T09:05:00.000Z',
  favourite: true,
  tags: ['sea'],
  parent: { clipId: 'vid_0', atSeconds: 2 },
  rating: 5,
};

const still = {
  file: `${base}.frame-00m03s200.png`,
  atSeconds: 3.2,
  savedAt: '2026-03-08T10:00:00.000Z',
};
const onDisk = (sidecar: Sidecar) =>
  JSON.parse(new TextDecoder().decode(serializeSidecar(sidecar))) as Record<string, unknown>;
const read = (value: unknown): Sidecar => {
  const parsed = parseSidecar(JSON.stringify(value));
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.sidecar;
};

describe('sidecar versions', () => {
  it('reads a version 1 sidecar as the current version, with no frames and all it had', () => {
    expect(SIDECAR_VERSION).toBe(2);
    const sidecar = read(v1);
    expect(sidecar).toMatchObject({
      version: 2,
      frames: [],
      favourite: true,
      tags: ['sea'],
      parent: { clipId: 'vid_0', atSeconds: 2 },
      rating: 5,
    });
    expect(toDetails(toClip(base, sidecar, true), sidecar)).toMatchObject({
      frames: [],
      parentClipId: 'vid_0',
      favourite: true,
    });
  });

  it('writes a clip without frames as version 1, so an Airframe that reads only 1 still shows it', () => {
    const written = onDisk({ ...read(v1), favourite: false });
    expect(written).toMatchObject({ version: 1, favourite: false, rating: 5 });
    expect(Object.keys(written)).not.toContain('frames');
  });

  it('writes a clip with frames as version 2, which reads back the same', () => {
    const sidecar: Sidecar = { ...read(v1), frames: [still] };
    const written = onDisk(sidecar);
    expect(written).toMatchObject({ version: 2, frames: [still], rating: 5 });
    expect(Object.keys(written)[0]).toBe('version');
    expect(read(written)).toEqual(sidecar);
    expect(toDetails(toClip(base, sidecar, true), sidecar).frames).toEqual([
      { index: 0, atSeconds: 3.2, savedAt: Date.parse(still.savedAt) },
    ]);
  });

  it('refuses a version it does not know, as a version 1 reader refuses a sidecar with frames', () => {
    // What an Airframe that reads only version 1 does with version 2: the clip is skipped
    // with this warning, its files are left as they are and it is never rewritten there.
    expect(parseSidecar(JSON.stringify({ ...v1, version: SIDECAR_VERSION + 1 }))).toEqual({
      ok: false,
      message: stringMatching(/newer Airframe \(sidecar version 3\)/),
    });
  });

  it('drops frame entries edited into nonsense one by one, and lists only stills next to the clip', () => {
    const sidecar = read({
      ...v1,
      version: 2,
      frames: [
        still,
        { file: 42 },
        { ...still, file: '../elsewhere.png' },
        { ...still, atSeconds: -1 },
      ],
    });
    expect(sidecar.frames).toEqual([still, { ...still, file: '../elsewhere.png' }]);
    expect(toDetails(toClip(base, sidecar, true), sidecar).frames?.map((f) => f.index)).toEqual([
      0,
    ]);
    expect(read({ ...v1, version: 2, frames: 'all of them' }).frames).toEqual([]);
  });

  it('upgrades a sidecar the index cached before frames existed', () => {
    expect(upgradeSidecar({ ...v1 })).toMatchObject({ version: 2, frames: [] });
    const current = read(v1);
    expect(upgradeSidecar(current)).toBe(current);
  });
});
