import { useRef, useState, type FormEvent, type RefObject } from 'react';
import type { ClipDetails } from '../../../../shared/library';
import { useTranslation } from '../../i18n';
import { errorText } from '../common/errors';
import { Menu, type MenuItem } from '../common/Menu';
import { Tooltip } from '../common/Tooltip';
import { useAppStore } from '../app';
import { useComposeStore } from '../compose';
import { useGo } from '../nav';
import { ClipFile } from './ClipFile';
import { continueOf } from './continueClip';
import { grabFrame } from './frameGrab';
import { useLibraryStore } from './libraryStore';
import { remixOf } from './remix';

/** An icon, not a word: the button is named by its aria-label. */
const CROSS = '✕';

/**
 * Favourite and remix in view; reveal in folder and delete in a "More actions" menu; tags.
 * While one runs the others wait, marked aria-disabled rather than disabled: a disabled button
 * drops its focus to the page, and the dialog's keys with it.
 */
interface ClipActionsProps {
  clip: ClipDetails;
  /** The dialog's player: "Continue from this frame" takes the frame it shows. */
  video: RefObject<HTMLVideoElement | null>;
  onDelete: () => void;
}

export function ClipActions({ clip, video, onDelete }: ClipActionsProps) {
  const { favourite, setTags, reveal, select } = useLibraryStore.getState();
  const go = useGo();
  const { t } = useTranslation('library');
  // The browser host has no file manager to open: it shows the file's path instead.
  const host = useAppStore((s) => s.info?.host);
  const [tag, setTag] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const running = useRef(false);
  const tagInput = useRef<HTMLInputElement>(null);

  const run = async (what: () => Promise<unknown>) => {
    if (running.current) return;
    running.current = true;
    setProblem(null);
    setBusy(true);
    try {
      await what();
    } catch (error) {
      setProblem(errorText(error));
    } finally {
      running.current = false;
      setBusy(false);
    }
  };

  // The removed tag's button goes away: focus moves to the tag input rather than the page.
  const removeTag = (name: string) =>
    void run(async () => {
      tagInput.current?.focus();
      await setTags(
        clip.id,
        clip.tags.filter((x) => x !== name),
      );
    });

  const addTag = (event: FormEvent) => {
    event.preventDefault();
    if (running.current) return;
    const value = tag.trim();
    if (!value || clip.tags.includes(value)) return setTag('');
    void run(() => setTags(clip.id, [...clip.tags, value])).then(() => setTag(''));
  };

  const remix = () =>
    run(async () => {
      useComposeStore.getState().prefill(remixOf(clip));
      await select(null);
      go('Compose');
    });

  const continueFrame = () =>
    run(async () => {
      if (!video.current) return;
      let prefill;
      try {
        prefill = await continueOf(clip, await grabFrame(video.current));
      } catch (error) {
        setProblem(t('chain.frameFailed', { reason: errorText(error) }));
        return;
      }
      useComposeStore.getState().prefill(prefill);
      await select(null);
      go('Compose');
    });

  const more: MenuItem[] = [
    ...(host === 'electron'
      ? [
          {
            label: t('actions.reveal'),
            disabled: busy,
            onSelect: () => void run(() => reveal(clip.id)),
          },
        ]
      : []),
    { label: t('actions.delete'), danger: true, onSelect: onDelete },
  ];

  return (
    <div className="clip-actions">
      <div className="row">
        <button
          type="button"
          aria-pressed={clip.favourite}
          aria-disabled={busy}
          onClick={() => void run(() => favourite(clip.id, !clip.favourite))}
        >
          {clip.favourite ? t('actions.favourited') : t('actions.favourite')}
        </button>
        <button type="button" aria-disabled={busy} onClick={() => void remix()}>
          {t('actions.remix')}
        </button>
        <button type="button" aria-disabled={busy} onClick={() => void continueFrame()}>
          {t('actions.continue')}
        </button>
        <Menu label={t('actions.more')} items={more} />
      </div>
      {host === 'browser' && <ClipFile clipId={clip.id} />}
      <div className="tags">
        <ul aria-label={t('actions.tags')}>
          {clip.tags.map((name) => (
            <li key={name} className="tag">
              {name}
              <Tooltip label={t('actions.removeTag')}>
                <button
                  type="button"
                  className="quiet"
                  aria-label={t('actions.removeTagNamed', { tag: name })}
                  aria-disabled={busy}
                  onClick={() => removeTag(name)}
                >
                  {CROSS}
                </button>
              </Tooltip>
            </li>
          ))}
        </ul>
        <form onSubmit={addTag} className="inline-form">
          <label className="field">
            <span>{t('actions.addTag')}</span>
            <input
              ref={tagInput}
              value={tag}
              maxLength={64}
              onChange={(e) => setTag(e.target.value)}
            />
          </label>
          <button type="submit" aria-disabled={busy || !tag.trim()}>
            {t('actions.add')}
          </button>
        </form>
      </div>
      {problem && (
        <p className="inline-error" role="alert">
          {problem}
        </p>
      )}
    </div>
  );
}
