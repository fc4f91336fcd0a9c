import { useRef, useState, type FormEvent, type RefObject } from 'react';
import type { ClipDetails, ClipFrame } from '../../../../shared/library';
import { useTranslation } from '../../i18n';
import { errorText } from '../common/errors';
import { formatClock } from '../common/format';
import { Menu, type MenuItem } from '../common/Menu';
import { Tooltip } from '../common/Tooltip';
import { useAppStore } from '../app';
import { useComposeStore } from '../compose';
import { useGo } from '../nav';
import { ClipFile } from './ClipFile';
import { ClipFrames, type CopyOutcome } from './ClipFrames';
import { openInSystemPlayer, saveStill } from './clipCommands';
import { downloadClips } from './exportDownload';
import { continueOf } from './continueClip';
import { grabFrame, type Frame } from './frameGrab';
import { useLibraryStore } from './libraryStore';
import { remixOf } from './remix';

/** An icon, not a word: the button is named by its aria-label. */
const CROSS = '✕';

/** What the status line says after an action, kept as a kind and said in the UI's language. */
type Note =
  | { kind: 'frameSaved'; at: string }
  | { kind: 'exported'; fileName: string }
  | { kind: 'promptCopied' | 'promptCopyFailed' | CopyOutcome };

/**
 * Favourite, remix, continue, save frame and copy prompt in view; open in the system player,
 * reveal in folder, export and delete in a "More actions" menu; the saved frames; tags.
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
  const [note, setNote] = useState<Note | null>(null);
  // The frames saved here, until the clip is opened again (its details then list them).
  const [saved, setSaved] = useState<{ clipId: string; frames: ClipFrame[] } | null>(null);
  const frames = saved?.clipId === clip.id ? saved.frames : (clip.frames ?? []);
  const running = useRef(false);
  const tagInput = useRef<HTMLInputElement>(null);

  const run = async (what: () => Promise<unknown>) => {
    if (running.current) return;
    running.current = true;
    setProblem(null);
    setNote(null);
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

  /** The frame under the playhead; null when there is no player to take it from. */
  const playerFrame = (): Promise<Frame> | null =>
    video.current ? grabFrame(video.current) : null;

  /** A new job from a frame: "Continue from this frame", or "Use as first frame" of a saved one. */
  const startFrom = (frame: () => Promise<Frame> | null) =>
    run(async () => {
      let prefill;
      try {
        const taken = frame();
        if (!taken) return;
        prefill = await continueOf(clip, await taken);
      } catch (error) {
        setProblem(t('chain.frameFailed', { reason: errorText(error) }));
        return;
      }
      useComposeStore.getState().prefill(prefill);
      await select(null);
      go('Compose');
    });

  const saveFrame = () =>
    run(async () => {
      let frame: Frame | null;
      try {
        frame = await playerFrame();
      } catch (error) {
        setProblem(t('chain.frameFailed', { reason: errorText(error) }));
        return;
      }
      if (!frame) return;
      const answer = await saveStill(clip.id, frame);
      setSaved({ clipId: clip.id, frames: answer.frames });
      setNote({ kind: 'frameSaved', at: formatClock(answer.frame.atSeconds * 1000) });
    });

  const copyPrompt = () =>
    run(async () => {
      if (!clip.prompt) return;
      try {
        await navigator.clipboard.writeText(clip.prompt);
        setNote({ kind: 'promptCopied' });
      } catch {
        setNote({ kind: 'promptCopyFailed' });
      }
    });

  const exportClip = () =>
    run(async () => {
      const { fileName } = await downloadClips([clip.id]);
      setNote({ kind: 'exported', fileName });
    });

  const noteText = (shown: Note): string => {
    switch (shown.kind) {
      case 'frameSaved':
        return t('frames.saved', { at: shown.at });
      case 'exported':
        return t('actions.exported', { fileName: shown.fileName });
      case 'promptCopied':
      case 'promptCopyFailed':
        return t(`actions.${shown.kind}`);
      default:
        return t(`frames.${shown.kind}`);
    }
  };

  const more: MenuItem[] = [
    ...(host === 'electron'
      ? [
          {
            label: t('actions.openInPlayer'),
            disabled: busy,
            onSelect: () => void run(() => openInSystemPlayer(clip.id)),
          },
          {
            label: t('actions.reveal'),
            disabled: busy,
            onSelect: () => void run(() => reveal(clip.id)),
          },
        ]
      : []),
    { label: t('actions.export'), disabled: busy, onSelect: () => void exportClip() },
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
        <button type="button" aria-disabled={busy} onClick={() => void startFrom(playerFrame)}>
          {t('actions.continue')}
        </button>
        <button type="button" aria-disabled={busy} onClick={() => void saveFrame()}>
          {t('actions.saveFrame')}
        </button>
        <button
          type="button"
          aria-disabled={busy || !clip.prompt}
          onClick={() => void copyPrompt()}
        >
          {t('actions.copyPrompt')}
        </button>
        <Menu label={t('actions.more')} items={more} />
      </div>
      {note && (
        <p className="hint" role="status">
          {noteText(note)}
        </p>
      )}
      <ClipFrames
        clipId={clip.id}
        frames={frames}
        busy={busy}
        onCopied={(kind) => setNote({ kind })}
        onUse={(frame) => void startFrom(frame)}
      />
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
