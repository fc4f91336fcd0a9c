import type { ClipDetails } from '../../../../shared/library';
import { useTranslation } from '../../i18n';
import { useLibraryStore } from './libraryStore';

/** The clip's place in a chain of shots: the clip it continues, and the clips continuing it. */
export function ClipChain({ clip }: { clip: ClipDetails }) {
  const { t } = useTranslation('library');
  const select = useLibraryStore((s) => s.select);
  if (clip.parentClipId === null && clip.children.length === 0) return null;
  const { parent } = clip;
  return (
    <nav className="clip-chain" aria-label={t('chain.label')}>
      {parent ? (
        <button type="button" className="link" onClick={() => void select(parent.id)}>
          {t('chain.continuedFrom', { name: parent.name })}
        </button>
      ) : (
        clip.parentClipId !== null && <p>{t('chain.parentGone')}</p>
      )}
      {clip.children.length > 0 && (
        <>
          <span>{t('chain.continuedIn')}</span>
          <ul>
            {clip.children.map((child) => (
              <li key={child.id}>
                <button type="button" className="link" onClick={() => void select(child.id)}>
                  {child.name}
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
    </nav>
  );
}
