import { describe, expect, it } from 'vitest';
import { parseSidecar, serializeSidecar, toClip, toDetails, type Sidecar } from './sidecar';
import { stringMatching } from '../../../../test/support/matchers';

const sidecar: Sidecar = {
  version: 2,
  taskId: 'vid_01HXY1234ABCD',
  prompt: 'A lighthouse at dusk',
  model: 'wan-2.6',
  mode: 'image',
  durationSeconds: 8,
  aspectRatio: '16:9',
  quality: '720p',
  seed: 42,
  sound: true,
  inputImages: [{ file: 'x.input-1.png', mime: 'image/png' }, { url: 'https://example.com/a.png' }],
  costCents: 320,
  createdAt: '2026-03-07T09:05:00.000Z',
  completedAt: '2026-03-07T09:06:10.000Z',
  savedAt: '2026-03-07T09:06:12.000Z',
  favourite: true,
  tags: ['sea', 'night'],
  frames: [],
};
const text = (value: unknown) => new TextDecoder().decode(serializeSidecar(value as Sidecar));

describe('sidecar', () => {
  it('round-trips everything needed to understand and remake a clip', () => {
    const parsed = parseSidecar(text(sidecar));
    expect(parsed).toEqual({ ok: true, sidecar });
    if (!parsed.ok) return;
    const clip = toClip(
      '2026-03-07_0905_a-lighthouse-at-dusk_vid_01HXY1234ABCD',
      parsed.sidecar,
      true,
    );
    expect(clip).toMatchObject({
      id: sidecar.taskId,
      createdAt: Date.UTC(2026, 2, 7, 9, 5),
      seed: 42,
      hasPoster: true,
    });
    expect(toDetails(clip, parsed.sidecar).inputImages).toEqual(sidecar.inputImages);
  });

  it('is readable JSON with ISO dates', () => {
    expect(text(sidecar)).toContain('\n  "createdAt": "2026-03-07T09:05:00.000Z"');
  });

  it('keeps fields it does not know when rewritten', () => {
    const parsed = parseSidecar(text({ ...sidecar, rating: 5 }));
    expect(parsed.ok && JSON.parse(text({ ...parsed.sidecar, favourite: false }))).toMatchObject({
      rating: 5,
      favourite: false,
    });
  });

  it('fills optional fields of a minimal sidecar with defaults', () => {
    const minimal = {
      version: 1,
      taskId: 'vid_1',
      prompt: 'p',
      model: 'm',
      mode: 'text',
      createdAt: '2026-01-01T00:00:00Z',
    };
    expect(parseSidecar(JSON.stringify(minimal))).toMatchObject({
      ok: true,
      sidecar: { favourite: false, tags: [], costCents: null },
    });
  });

  it('keeps any task id verbatim, the clip id being a safe derivative of it', () => {
    const parsed = parseSidecar(text({ ...sidecar, taskId: 'vid.01HXY.a7' }));
    expect(parsed).toMatchObject({ ok: true, sidecar: { taskId: 'vid.01HXY.a7' } });
    if (!parsed.ok) return;
    expect(toClip('x', parsed.sidecar, false)).toMatchObject({
      id: stringMatching(/^vid_01HXY_a7-[0-9a-f]{16}$/),
      taskId: 'vid.01HXY.a7',
    });
  });

  it('says a prompt is unknown only where the server never gave it', () => {
    const imported = { ...sidecar, prompt: '', unknown: ['prompt', 'mode'] };
    const clip = (value: object, ok = parseSidecar(text(value))) =>
      ok.ok ? toClip('x', ok.sidecar, false) : null;
    expect(clip(imported)?.prompt).toBeNull();
    expect(clip({ ...imported, prompt: 'typed in later' })?.prompt).toBe('typed in later');
    expect(clip({ ...sidecar, prompt: '' })?.prompt).toBe('');
    // Rewriting a sidecar that knows everything does not add the field.
    const plain = parseSidecar(text(sidecar));
    const written = plain.ok && (JSON.parse(text(plain.sidecar)) as object);
    expect(written && Object.keys(written)).not.toContain('unknown');
  });

  it('names the clip it continues, and reads a sidecar from before chains with no parent', () => {
    const chained = parseSidecar(text({ ...sidecar, parent: { clipId: 'vid_0', atSeconds: 3.2 } }));
    expect(chained).toMatchObject({ ok: true, sidecar: { version: 2 } });
    if (!chained.ok) return;
    const clip = toClip('x', chained.sidecar, false);
    expect(clip.parentClipId).toBe('vid_0');
    expect(toDetails(clip, chained.sidecar)).toMatchObject({ parentFrameSeconds: 3.2 });

    // Written before chains existed: the same version, no parent field.
    const old = parseSidecar(text(sidecar));
    expect(old.ok && Object.keys(old.sidecar)).not.toContain('parent');
    if (!old.ok) return;
    const oldClip = toClip('x', old.sidecar, false);
    expect(oldClip.parentClipId).toBeNull();
    expect(toDetails(oldClip, old.sidecar)).toMatchObject({ parentFrameSeconds: null });
  });

  it('still loads a clip whose parent was edited into nonsense, without the parent', () => {
    const parsed = parseSidecar(text({ ...sidecar, parent: { clipId: '../x', atSeconds: -1 } }));
    expect(parsed).toMatchObject({ ok: true });
    expect(parsed.ok && toClip('x', parsed.sidecar, false).parentClipId).toBeNull();
  });

  it('explains why a sidecar cannot be read', () => {
    expect(parseSidecar('{ not json')).toEqual({ ok: false, message: 'not valid JSON' });
    expect(parseSidecar(JSON.stringify({ ...sidecar, version: 3 }))).toMatchObject({
      ok: false,
      message: stringMatching(/newer/),
    });
    expect(parseSidecar(text({ ...sidecar, taskId: '' }))).toMatchObject({
      ok: false,
      message: stringMatching(/^taskId/),
    });
    expect(parseSidecar(text({ ...sidecar, createdAt: 'yesterday' }))).toMatchObject({ ok: false });
    expect(parseSidecar('null')).toMatchObject({ ok: false });
  });
});
