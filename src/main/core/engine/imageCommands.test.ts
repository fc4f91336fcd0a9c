import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { UserError } from '../../../shared/contract/result';
import { english } from '../i18n';
import { FileBlobStore } from '../stores/fileBlobStore';
import { createImageHandlers, looksLike } from './imageCommands';

const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3, 4]);
const jpeg = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]);
const webp = Buffer.from('RIFF\x10\x00\x00\x00WEBPVP8 ', 'latin1');

function setup() {
  const dir = join(mkdtempSync(join(tmpdir(), 'airframe-images-')), 'inputs');
  const blobs = new FileBlobStore(dir);
  return { dir, store: createImageHandlers(blobs, english.t)['images.store'] };
}

describe('images.store', () => {
  it('keeps the image under its SHA-256, once however often it is sent', async () => {
    const { dir, store } = setup();
    const first = await store({ mime: 'image/png', dataBase64: png.toString('base64') });
    const again = await store({ mime: 'image/png', dataBase64: png.toString('base64') });
    expect(first).toEqual({
      blobId: createHash('sha256').update(png).digest('hex'),
      mime: 'image/png',
    });
    expect(again).toEqual(first);
    expect(readdirSync(dir)).toEqual([first.blobId]);
  });

  it('refuses bytes that are not the type they claim, and stores nothing', async () => {
    const { dir, store } = setup();
    const text = Buffer.from('just some text, renamed to .png').toString('base64');
    const refused = store({ mime: 'image/png', dataBase64: text });
    await expect(refused).rejects.toBeInstanceOf(UserError);
    await expect(refused).rejects.toThrow('The file is not a image/png image');
    await expect(store({ mime: 'image/jpeg', dataBase64: png.toString('base64') })).rejects.toThrow(
      /not a image\/jpeg/,
    );
    expect(() => readdirSync(dir)).toThrow();
  });

  it('knows each accepted type by its first bytes', () => {
    expect(looksLike('image/png', png)).toBe(true);
    expect(looksLike('image/jpeg', jpeg)).toBe(true);
    expect(looksLike('image/webp', webp)).toBe(true);
    expect(looksLike('image/webp', Buffer.from('RIFF\x10\x00\x00\x00WAVEfmt ', 'latin1'))).toBe(
      false,
    );
    expect(looksLike('image/png', jpeg)).toBe(false);
    expect(looksLike('image/jpeg', Buffer.from([0xff]))).toBe(false);
  });
});
