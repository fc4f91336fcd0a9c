import { lazy, Suspense, useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from '../../i18n';
import { errorText } from '../common/errors';
import { Tooltip } from '../common/Tooltip';
import { addTag, deleteClip, inSequence, type BulkOutcome } from './bulkActions';
import { useLibraryStore } from './libraryStore';
import { promptText } from './promptText';
import type { ClipSelection } from './useClipSelection';

// Its own chunk, as the other confirmations are; Dialog itself is in the library's chunk already.
const BulkDelete = lazy(() => import('./BulkDelete').then((m) => ({ default: m.BulkDelete })));

type Action = 'favourite' | 'unfavourite' | 'tag' | 'delete' | 'export';
type ExportClips = (clipIds: string[]) => Promise<unknown>;

/** `library.export`'s store action, once the library store has one; until then Export is offered disabled. */
function useExportClips(): ExportClips | undefined {
  return useLibraryStore((s) => {
    const action: unknown = Reflect.get(s, 'exportClips');
    return typeof action === 'function' ? (action as ExportClips) : undefined;
  });
}

const SHOWN_FAILURES = 3;

/** The selected clips' count and what can be done to all of them, one clip after another. */
export function SelectionBar({ selection }: { selection: ClipSelection }) {
  const clips = useLibraryStore((s) => s.clips);
  const exportClips = useExportClips();
  const [progress, setProgress] = useState<{ action: Action; done: number; of: number } | null>(
    null,
  );
  const [outcome, setOutcome] = useState<(BulkOutcome & { action: Action; tag: string }) | null>(
    null,
  );
  const [tagging, setTagging] = useState(false);
  const [tag, setTag] = useState('');
  const [deleting, setDeleting] = useState(false);
  const { t } = useTranslation('library');

  const byId = useMemo(
    () => new Map(clips.flatMap((c) => (c ? [[c.id, c] as const] : []))),
    [clips],
  );
  const ids = [...selection.ids];
  const count = ids.length;
  const allFavourite = count > 0 && ids.every((id) => byId.get(id)?.favourite === true);
  const canCompare = count >= 2 && count <= 4;
  const busy = progress !== null;
  if (count === 0 && !outcome && !progress) return null;

  const run = async (action: Action, act: (clipId: string) => Promise<unknown>, label = '') => {
    setOutcome(null);
    setProgress({ action, done: 0, of: ids.length });
    const result = await inSequence(ids, act, (done) =>
      setProgress({ action, done, of: ids.length }),
    );
    setProgress(null);
    setOutcome({ ...result, action, tag: label });
    if (action === 'delete') {
      selection.drop(result.done);
      useLibraryStore.getState().refresh();
    }
  };

  const { favourite, openCompare } = useLibraryStore.getState();
  const actionName = (action: Action, tagged: string) =>
    t(`selection.actions.${action}`, { tag: tagged });

  const onTag = (event: FormEvent) => {
    event.preventDefault();
    const name = tag.trim();
    if (!name) return;
    setTagging(false);
    setTag('');
    void run('tag', (clipId) => addTag(clipId, name), name);
  };

  const onExport = async () => {
    if (!exportClips) return;
    setOutcome(null);
    try {
      await exportClips(ids);
    } catch (error) {
      setOutcome({
        action: 'export',
        tag: '',
        done: [],
        failed: ids.map((clipId) => ({ clipId, reason: errorText(error) })),
      });
    }
  };

  const failureList = (o: BulkOutcome) => {
    const named = o.failed.slice(0, SHOWN_FAILURES).map(({ clipId, reason }) => {
      const clip = byId.get(clipId);
      return t('selection.failure', { clip: clip ? promptText(clip.prompt, 40) : clipId, reason });
    });
    const more = o.failed.length - named.length;
    return [...named, ...(more > 0 ? [t('selection.andMore', { count: more })] : [])].join('; ');
  };

  return (
    <div
      role="group"
      aria-label={t('selection.label')}
      className="selection-bar"
      onKeyDown={(event) => {
        // Not a key from the delete dialog, whose portal bubbles here through React.
        if (event.key !== 'Escape' || !event.currentTarget.contains(event.target as Node)) return;
        event.stopPropagation();
        if (tagging) setTagging(false);
        else selection.clear();
      }}
    >
      <div className="selection-actions">
        <span className="selection-count">{t('selection.count', { count })}</span>
        <button
          type="button"
          disabled={busy || count === 0}
          onClick={() =>
            void run(allFavourite ? 'unfavourite' : 'favourite', (clipId) =>
              favourite(clipId, !allFavourite),
            )
          }
        >
          {allFavourite ? t('selection.unfavourite') : t('selection.favourite')}
        </button>
        <button type="button" disabled={busy || count === 0} onClick={() => setTagging(!tagging)}>
          {t('selection.tag')}
        </button>
        <button type="button" disabled={busy || count === 0} onClick={() => setDeleting(true)}>
          {t('selection.delete')}
        </button>
        {exportClips ? (
          <button type="button" disabled={busy || count === 0} onClick={() => void onExport()}>
            {t('selection.export')}
          </button>
        ) : (
          <Tooltip label={t('selection.exportUnavailable')}>
            <button type="button" aria-disabled="true">
              {t('selection.export')}
            </button>
          </Tooltip>
        )}
        <Tooltip label={t('selection.compareHint')}>
          <button
            type="button"
            aria-disabled={!canCompare || busy}
            onClick={() => canCompare && !busy && openCompare(ids)}
          >
            {t('selection.compare')}
          </button>
        </Tooltip>
        <span className="spacer" />
        <button type="button" onClick={selection.clear} disabled={count === 0}>
          {t('selection.clear')}
        </button>
      </div>
      {tagging && (
        <form className="selection-tag" onSubmit={onTag}>
          <label>
            <span>{t('selection.tagLabel')}</span>
            <input value={tag} autoFocus onChange={(event) => setTag(event.target.value)} />
          </label>
          <button type="submit">{t('selection.addTag')}</button>
        </form>
      )}
      <p className="hint" role="status">
        {progress
          ? t('selection.running', {
              action: actionName(progress.action, ''),
              done: progress.done,
              total: progress.of,
            })
          : outcome && outcome.failed.length === 0
            ? t('selection.done', {
                action: actionName(outcome.action, outcome.tag),
                count: outcome.done.length,
              })
            : ''}
      </p>
      {outcome && outcome.failed.length > 0 && (
        <p className="inline-error" role="alert">
          {t('selection.failed', {
            action: actionName(outcome.action, outcome.tag),
            failed: outcome.failed.length,
            total: outcome.failed.length + outcome.done.length,
            list: failureList(outcome),
          })}
        </p>
      )}
      {deleting && (
        <Suspense fallback={null}>
          <BulkDelete
            count={count}
            onClose={() => setDeleting(false)}
            onConfirm={(remote) => {
              setDeleting(false);
              void run('delete', (clipId) => deleteClip(clipId, remote));
            }}
          />
        </Suspense>
      )}
    </div>
  );
}
