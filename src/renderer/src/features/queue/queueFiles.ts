import { api } from '../../api/client';
import { blobToBase64 } from '../compose';

/*
 * Queue files travel through the page: main makes and reads their bytes (`queue.export`,
 * `queue.import`), and the page saves and opens them, since the browser host cannot write
 * a file where the user chooses.
 */

/** Exports the waiting jobs (or one batch's), and saves the file as a download. */
export async function saveQueueFile(
  batchId?: string,
): Promise<{ fileName: string; leftOut: number }> {
  const { fileName, dataBase64, leftOut } = await api().invoke(
    'queue.export',
    batchId ? { batchId } : {},
  );
  const url = URL.createObjectURL(zipBlob(dataBase64));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  // The download has its own copy once it started; the page no longer needs the blob.
  window.setTimeout(() => URL.revokeObjectURL(url), 0);
  return { fileName, leftOut };
}

/** Sends a chosen file to be queued; how many batches and jobs were. */
export async function openQueueFile(file: File): Promise<{ batches: number; jobs: number }> {
  return api().invoke('queue.import', { dataBase64: await blobToBase64(file) });
}

/** A loop, not `Uint8Array.from(string)`: a file can be 150 MB. */
function zipBlob(dataBase64: string): Blob {
  const binary = atob(dataBase64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return new Blob([bytes], { type: 'application/zip' });
}
