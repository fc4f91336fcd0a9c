import { useRef, useState } from 'react';
import type { ClipDetails } from '../../../../shared/library';
import { i18n, useTranslation } from '../../i18n';
import { Dialog } from '../common/Dialog';
import { formatDateTime, formatMoney, formatNumber } from '../common/format';
import { ClipActions } from './ClipActions';
import { ClipChain } from './ClipChain';
import { useClipMedia } from '../app';
import { DeleteClip } from './DeleteClip';
import { Player } from './player/Player';
import { useLibraryStore } from './libraryStore';
import { promptText } from './promptText';

/** One clip: the player (it seeks: media is served with Range), everything known about it, and actions. */
export function ClipView({ clip }: { clip: ClipDetails }) {
  const select = useLibraryStore((s) => s.select);
  const media = useClipMedia();
  const [deleting, setDeleting] = useState(false);
  const video = useRef<HTMLVideoElement>(null);
  const { t } = useTranslation(['library', 'common']);
  const close = () => void select(null);

  if (deleting) {
    return (
      <Dialog
        title={t('delete.title')}
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
        <Player
          key={clip.id}
          video={video}
          src={media(clip.id, 'video')}
          poster={clip.hasPoster ? media(clip.id, 'poster') : undefined}
          sound={clip.sound !== false}
        />
        <div className="clip-side">
          <ClipActions clip={clip} video={video} onDelete={() => setDeleting(true)} />
          <ClipChain clip={clip} />
          <ClipMetadata clip={clip} />
        </div>
      </div>
      <div className="dialog-actions">
        <button type="button" onClick={close}>
          {t('common:close')}
        </button>
      </div>
    </Dialog>
  );
}

function ClipMetadata({ clip }: { clip: ClipDetails }) {
  const { t } = useTranslation('library');
  const rows: [string, string][] = [
    [t('details.prompt'), promptText(clip.prompt)],
    [t('details.model'), clip.model],
    [t('details.mode'), t(`modes.${clip.mode}`)],
    [
      t('details.duration'),
      clip.durationSeconds === null
        ? t('details.unknown')
        : t('seconds', { value: formatNumber(clip.durationSeconds) }),
    ],
    [t('details.aspectRatio'), clip.aspectRatio ?? t('details.modelDefault')],
    [t('details.quality'), clip.quality ?? t('details.modelDefault')],
    [t('details.seed'), clip.seed === null ? t('details.random') : String(clip.seed)],
    [t('details.sound'), soundText(clip.sound)],
    [
      t('details.cost'),
      clip.costCents === null ? t('details.unknown') : formatMoney(clip.costCents),
    ],
    [t('details.created'), formatDateTime(clip.createdAt)],
    [t('details.completed'), clip.completedAt === null ? '—' : formatDateTime(clip.completedAt)],
    [t('details.saved'), clip.savedAt === null ? '—' : formatDateTime(clip.savedAt)],
    [t('details.taskId'), clip.taskId],
    [t('details.fileName'), clip.name],
    [
      t('details.inputImages'),
      clip.inputImages.length === 0
        ? t('details.none')
        : clip.inputImages.map((i) => ('url' in i ? i.url : i.file)).join(', '),
    ],
  ];
  return (
    <dl className="metadata" aria-label={t('details.label')}>
      {rows.map(([label, value]) => (
        <div key={label}>
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

function soundText(sound: boolean | null): string {
  if (sound === null) return i18n.t('library:details.notAsked');
  return i18n.t(sound ? 'library:details.yes' : 'library:details.no');
}
