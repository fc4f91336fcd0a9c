import { applyLanguage, navigatorLanguages, resolveLanguage } from '../../i18n';
import { useSettingsStore } from './settingsStore';

/**
 * Keeps the UI (and `<html lang>`) in the Language setting's language while the app runs.
 * Until the settings arrive it follows the browser, as i18n started in, so a Dutch browser
 * sees no English first; with `system` it also follows the browser when its languages change.
 */
export function followLanguage(): () => void {
  const show = () =>
    applyLanguage(
      resolveLanguage(
        useSettingsStore.getState().view?.settings.language ?? 'system',
        navigatorLanguages(),
      ),
    );
  show();
  const off = useSettingsStore.subscribe((s, before) => {
    if (s.view?.settings.language !== before.view?.settings.language) show();
  });
  window.addEventListener('languagechange', show);
  return () => {
    off();
    window.removeEventListener('languagechange', show);
  };
}
