import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AspectRatio } from '../shared/api/schemas';

export const defaultMediaDir = fileURLToPath(new URL('./media/', import.meta.url));

export interface MediaFile {
  bytes: Buffer;
  /** Of the content, as S3 does, so every task with the same ratio shares it. */
  hash: string;
}

const fileNames: Record<AspectRatio, string> = {
  '16:9': '16x9',
  '9:16': '9x16',
  '1:1': '1x1',
  '4:3': '4x3',
};

/** The sample clip and poster for each aspect ratio (made by scripts/makeSampleMedia.sh). */
export class MediaLibrary {
  private constructor(private readonly files: ReadonlyMap<string, MediaFile>) {}

  static load(dir: string): MediaLibrary {
    const files = new Map<string, MediaFile>();
    for (const name of Object.values(fileNames)) {
      for (const ext of ['mp4', 'jpg']) {
        const file = join(dir, `${name}.${ext}`);
        let bytes: Buffer;
        try {
          bytes = readFileSync(file);
        } catch (cause) {
          throw new Error(`Sample media ${file} is missing: run scripts/makeSampleMedia.sh`, {
            cause,
          });
        }
        files.set(`${name}.${ext}`, {
          bytes,
          hash: createHash('sha1').update(bytes).digest('hex').slice(0, 20),
        });
      }
    }
    return new MediaLibrary(files);
  }

  clip(ratio: AspectRatio): MediaFile {
    return this.pick(`${fileNames[ratio]}.mp4`);
  }

  poster(ratio: AspectRatio): MediaFile {
    return this.pick(`${fileNames[ratio]}.jpg`);
  }

  private pick(name: string): MediaFile {
    const file = this.files.get(name);
    if (!file) throw new Error(`No sample media ${name}`);
    return file;
  }
}
