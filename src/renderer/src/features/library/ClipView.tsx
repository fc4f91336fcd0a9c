import { useState } from 'react';
import type { ClipDetails } from '../../../../shared/library';
import { formatCents } from '../../../../shared/rules';
import { Dialog } from '../common/Dialog';
import { formatDateTime } from '../common/format';
import { ClipActions } from './ClipActions';
import { useClipMedia } from '../app';
import { DeleteClip } from './DeleteClip';
import { useLibraryStore } from './libraryStore';
import { promptText } from './promptText';

/** One clip: the player (it seeks: media is served with Range), everything known about it, and actions. */
export function ClipView({ clip }: { clip: ClipDetails }) {
  const select = useLibraryStore((s) => s.select);
  const media = useClipMedia();
  const [deleting, setDeleting] = useState(false);
  const [playError, setPlayError] = useState(false);
  const close = () => void select(null);

  if (deleting) {
    return (
      <Dialog
        title="Delete this clip?"
        onClose={() => setDeleting(false)}
        className="delete-dialog"
      >
        <DeleteClip clip={clip} onCancel={() => setDeleting(false)} />
      </Dialog>
    );
  }

  return (
    <Dialog title={promptText(clip.prompt, 80)} onClose={close} className="clip-view">
      <div className="clip-view-body">
        <div className="player">
          <video
            key={clip.id}
            controls
            preload="metadata"
            aria-label="Clip player"
            src={media(clip.id, 'video')}
            poster={clip.hasPoster ? media(clip.id, 'poster') : undefined}
            onError={() => setPlayError(true)}
          />
          {playError && (
            <p className="inline-error" role="alert">
              The video could not be played. Its file may have been moved or deleted from the
              library folder; Reveal in folder (in a browser, File) shows where it should be.
            </p>
          )}
        </div>
        <div className="clip-side">
          <ClipActions clip={clip} onDelete={() => setDeleting(true)} />
          <ClipMetadata clip={clip} />
        </div>
      </div>
      <div className="dialog-actions">
        <button type="button" onClick={close}>
          Close
        </button>
      </div>
    </Dialog>
  );
}

function ClipMetadata({ clip }: { clip: ClipDetails }) {
  const rows: [string, string][] = [
    ['Prompt', promptText(clip.prompt)],
    ['Model', clip.model],
    ['Mode', clip.mode],
    ['Duration', clip.durationSeconds === null ? 'unknown' : `${clip.durationSeconds} s`],
    ['Aspect ratio', clip.aspectRatio ?? 'model default'],
    ['Quality', clip.quality ?? 'model default'],
    ['Seed', clip.seed === null ? 'random' : String(clip.seed)],
    ['Sound', clip.sound === null ? 'not asked' : clip.sound ? 'yes' : 'no'],
    ['Cost', clip.costCents === null ? 'unknown' : formatCents(clip.costCents)],
    ['Created', formatDateTime(clip.createdAt)],
    ['Completed', clip.completedAt === null ? '—' : formatDateTime(clip.completedAt)],
    ['Saved', clip.savedAt === null ? '—' : formatDateTime(clip.savedAt)],
    ['Task id', clip.taskId],
    ['File name', clip.name],
    [
      'Input images',
      clip.inputImages.length === 0
        ? 'none'
        : clip.inputImages.map((i) => ('url' in i ? i.url : i.file)).join(', '),
    ],
  ];
  return (
    <dl className="metadata" aria-label="Clip details">
      {rows.map(([label, value]) => (
        <div key={label}>
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
