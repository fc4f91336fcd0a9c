import { useGo } from '../nav';
import { useSettingsView } from '../settings';
import { useTranslation } from '../../i18n';

/**
 * No key and no demo: nothing is sent to api.airforce, so waiting jobs stay waiting. Said on
 * every screen but Settings, where the key goes; a paused queue alone does not say why.
 */
export function NeedsKey({ onSettings }: { onSettings: boolean }) {
  const { t } = useTranslation('shell');
  const view = useSettingsView();
  const go = useGo();
  if (!view || view.hasApiKey || view.settings.demo || onSettings) return null;
  return (
    <div className="banner warn needs-key" role="status">
      <span>{t('needsKey.text')}</span>
      <button type="button" onClick={() => go('Settings')}>
        {t('needsKey.open')}
      </button>
    </div>
  );
}
