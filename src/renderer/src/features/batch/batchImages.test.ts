import { describe, expect, it } from 'vitest';
import { filesOfDrop } from './batchImages';

const png = (name: string) => new File([name], name, { type: 'image/png' });

/** A dropped file or folder, as Chromium's entries API gives it; folders answer in pages. */
function fileEntry(path: string) {
  const name = path.split('/').pop()!;
  return {
    isFile: true,
    isDirectory: false,
    name,
    fullPath: `/${path}`,
    file: (ok: (file: File) => void) => ok(png(name)),
  };
}
function folderEntry(path: string, pages: unknown[][]) {
  return {
    isFile: false,
    isDirectory: true,
    name: path.split('/').pop()!,
    fullPath: `/${path}`,
    createReader: () => {
      const left = [...pages, []];
      return { readEntries: (ok: (entries: unknown[]) => void) => ok(left.shift() ?? []) };
    },
  };
}
const drop = (entries: unknown[], files: File[] = []) =>
  ({
    items: entries.map((entry) => ({ kind: 'file', webkitGetAsEntry: () => entry })),
    files,
  }) as unknown as DataTransfer;

describe('a drop of images', () => {
  it('walks a dropped folder, every page of it and its sub-folders, keeping the paths', async () => {
    const shots = folderEntry('shots', [
      [fileEntry('shots/001.png'), fileEntry('shots/002.png')],
      [fileEntry('shots/003.png'), folderEntry('shots/more', [[fileEntry('shots/more/004.png')]])],
    ]);
    const files = await filesOfDrop(drop([shots, fileEntry('loose.png')]));
    expect(files.map((f) => f.webkitRelativePath || f.name)).toEqual([
      'shots/001.png',
      'shots/002.png',
      'shots/003.png',
      'shots/more/004.png',
      'loose.png',
    ]);
  });

  it('takes the dropped files as they are where the browser gives no entries', async () => {
    const files = [png('a.png'), png('b.png')];
    expect(await filesOfDrop({ items: [], files } as unknown as DataTransfer)).toEqual(files);
  });
});
