import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { clipBaseName, clipFiles } from '../../src/main/core/library/naming';
import {
  serializeSidecar,
  SIDECAR_VERSION,
  type Sidecar,
} from '../../src/main/core/library/sidecar';
import { defaultMediaDir } from '../../src/simulator/media';

export interface SeededClip {
  taskId: string;
  prompt: string;
  model?: string;
  createdAt?: number;
  favourite?: boolean;
}

/**
 * Writes clips into a library folder the way the app saves them (the simulator's sample
 * MP4 and poster, and a sidecar), so a test can open a library that already has clips.
 */
export function seedLibrary(folder: string, clips: readonly SeededClip[]): void {
  mkdirSync(folder, { recursive: true });
  for (const clip of clips) {
    const createdAt = clip.createdAt ?? Date.UTC(2026, 10, 24, 9);
    const base = clipBaseName(createdAt, clip.prompt, clip.taskId);
    const files = clipFiles(base);
    copyFileSync(join(defaultMediaDir, '16x9.mp4'), join(folder, files.video));
    copyFileSync(join(defaultMediaDir, '16x9.jpg'), join(folder, files.poster));
    const sidecar: Sidecar = {
      version: SIDECAR_VERSION,
      taskId: clip.taskId,
      prompt: clip.prompt,
      model: clip.model ?? 'wan-2.6',
      mode: 'text',
      durationSeconds: 5,
      aspectRatio: '16:9',
      quality: '720p',
      seed: null,
      sound: null,
      inputImages: [],
      costCents: 200,
      createdAt: new Date(createdAt).toISOString(),
      completedAt: new Date(createdAt + 60_000).toISOString(),
      savedAt: new Date(createdAt + 65_000).toISOString(),
      favourite: clip.favourite ?? false,
      tags: [],
    };
    writeFileSync(join(folder, files.sidecar), serializeSidecar(sidecar));
  }
}
