import { api } from '../../api/client';

/** What an export saved: the file's name, the clips in it, and those no longer in the library. */
export interface ExportSummary {
  fileName: string;
  clipCount: number;
  missing: number;
}

/**
 * Exports clips (`library.export`: a ZIP that opens as a library of them) and saves it as a
 * download. The page saves it in both hosts: the browser host cannot write where the user
 * chooses, and the desktop app shows its own save prompt for a download.
 */
export async function downloadClips(clipIds: string[]): Promise<ExportSummary> {
  const { fileName, dataBase64, clipCount, missing } = await api().invoke('library.export', {
    clipIds,
  });
  const url = URL.createObjectURL(zipBlob(dataBase64));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  // The download has its own copy once it started; the page no longer needs the blob.
  window.setTimeout(() => URL.revokeObjectURL(url), 0);
  return { fileName, clipCount, missing };
}

/** A loop, not `Uint8Array.from(string)`: an export can be 300 MB. */
function zipBlob(dataBase64: string): Blob {
  const binary = atob(dataBase64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return new Blob([bytes], { type: 'application/zip' });
}
