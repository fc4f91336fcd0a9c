import { useRef, useState, type ChangeEvent } from 'react';
import { useTranslation } from '../../i18n';
import { errorText } from '../common/errors';
import { openQueueFile, saveQueueFile } from './queueFiles';

interface QueueFileButtonsProps {
  /** What the last export or import did, or why it failed; null as the next one starts. */
  onSaid: (said: { text: string; problem: boolean } | null) => void;
}

/**
 * The toolbar's "Export…" (the jobs not yet submitted, with their input images, as a
 * queue file) and "Import…" (a queue file's jobs queued here).
 */
export function QueueFileButtons({ onSaid: setSaid }: QueueFileButtonsProps) {
  const { t } = useTranslation('queue');
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState<'export' | 'import' | null>(null);

  const run = async (kind: 'export' | 'import', what: () => Promise<string>) => {
    setBusy(kind);
    setSaid(null);
    try {
      setSaid({ text: await what(), problem: false });
    } catch (error) {
      setSaid({ text: errorText(error), problem: true });
    } finally {
      setBusy(null);
    }
  };

  const onExport = () =>
    void run('export', async () => {
      try {
        const { fileName, leftOut } = await saveQueueFile();
        return leftOut > 0
          ? t('file.leftOut', { fileName, count: leftOut })
          : t('file.exported', { fileName });
      } catch (error) {
        throw new Error(t('file.notExported', { reason: errorText(error) }), { cause: error });
      }
    });

  const onChosen = (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    // The same file chosen again is a change too.
    event.target.value = '';
    if (!file) return;
    void run('import', async () => {
      try {
        const { batches, jobs: count } = await openQueueFile(file);
        const jobs = t('file.jobs', { count });
        return batches > 0
          ? t('file.importedBatches', {
              jobs,
              batches: t('file.batches', { count: batches }),
              file: file.name,
            })
          : t('file.imported', { jobs, file: file.name });
      } catch (error) {
        throw new Error(t('file.notImported', { file: file.name, reason: errorText(error) }), {
          cause: error,
        });
      }
    });
  };

  return (
    <>
      <button
        type="button"
        title={t('file.exportTitle')}
        disabled={busy !== null}
        onClick={onExport}
      >
        {busy === 'export' ? t('file.exporting') : t('file.export')}
      </button>
      <button
        type="button"
        title={t('file.importTitle')}
        disabled={busy !== null}
        onClick={() => input.current?.click()}
      >
        {busy === 'import' ? t('file.importing') : t('file.import')}
      </button>
      <input
        ref={input}
        type="file"
        accept=".zip,application/zip"
        aria-label={t('file.chooseFile')}
        hidden
        onChange={onChosen}
      />
    </>
  );
}
