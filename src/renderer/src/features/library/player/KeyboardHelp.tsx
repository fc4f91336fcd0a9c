import { useTranslation } from '../../../i18n';

/** Keys as printed on the keyboard; the words (Space, Home) come from the catalog. */
const ROWS = [
  { keys: ['space'], does: 'playPause' },
  { keys: ['J'], does: 'backward' },
  { keys: ['K'], does: 'stop' },
  { keys: ['L'], does: 'forward' },
  { keys: [',', '.'], does: 'frames' },
  { keys: ['←', '→'], does: 'seconds' },
  { keys: ['home', 'end'], does: 'startEnd' },
  { keys: ['M'], does: 'mute' },
  { keys: ['F'], does: 'fullscreen' },
  { keys: ['?'], does: 'help' },
] as const;

/**
 * The player's keys, as an inline region under the controls rather than a dialog: it shows in
 * full screen too, and it is always in the page (hidden while closed) for its toggle's
 * aria-controls.
 */
export function KeyboardHelp({ id, hidden }: { id: string; hidden: boolean }) {
  const { t } = useTranslation('library');
  const name = (key: string) =>
    key === 'space' || key === 'home' || key === 'end' ? t(`player.keys.${key}`) : key;
  return (
    <section id={id} className="player-help" aria-label={t('player.shortcuts')} hidden={hidden}>
      <p>{t('player.keys.intro')}</p>
      <dl>
        {ROWS.map((row) => (
          <div key={row.does}>
            <dt>
              {row.keys.map((key, i) => (
                <span key={key}>
                  {i > 0 && ' / '}
                  <kbd>{name(key)}</kbd>
                </span>
              ))}
            </dt>
            <dd>{t(`player.keys.${row.does}`)}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
