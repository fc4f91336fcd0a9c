import { useGo } from '../nav';
import { useSettingsView } from '../settings';

/**
 * No key and no demo: nothing is sent to api.airforce, so waiting jobs stay waiting. Said on
 * every screen but Settings, where the key goes; a paused queue alone does not say why.
 */
export function NeedsKey({ onSettings }: { onSettings: boolean }) {
  const view = useSettingsView();
  const go = useGo();
  if (!view || view.hasApiKey || view.settings.demo || onSettings) return null;
  return (
    <div className="banner warn needs-key" role="status">
      <span>
        No API key is saved, so nothing is sent to api.airforce: jobs wait until you save one in
        Settings, or turn on the demo there to try Airframe for free.
      </span>
      <button type="button" onClick={() => go('Settings')}>
        Open settings
      </button>
    </div>
  );
}
