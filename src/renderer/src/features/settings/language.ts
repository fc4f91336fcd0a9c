import { api } from '../../api/client';
import { applyLanguage, navigatorLanguages, resolveLanguage } from '../../i18n';
import { useSettingsStore } from './settingsStore';

// What the contract takes (`shared/contract`): a browser may list odd entries; send the rest.
const LANGUAGE_TAG = /^[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*$/;

/**
 * Keeps the UI (and `<html lang>`) in the Language setting's language while the app runs.
 * Until the settings arrive it follows the browser, as i18n started in, so a Dutch browser
 * sees no English first; with `system` it also follows the browser when its languages change.
 * Main hears the browser's languages too (`app.reportLanguages`): in the browser host its
 * notifications and messages follow them while the setting is `system`.
 */
export function followLanguage(): () => void {
  const show = () =>
    applyLanguage(
      resolveLanguage(
        useSettingsStore.getState().view?.settings.language ?? 'system',
        navigatorLanguages(),
      ),
    );
  const report = () => {
    const languages = navigatorLanguages()
      .filter((tag) => LANGUAGE_TAG.test(tag))
      .slice(0, 32);
    // A host that cannot take them keeps speaking its own default; nothing for the user to do.
    api()
      .invoke('app.reportLanguages', { languages })
      .catch(() => undefined);
  };
  const changed = () => {
    show();
    report();
  };
  show();
  report();
  const off = useSettingsStore.subscribe((s, before) => {
    if (s.view?.settings.language !== before.view?.settings.language) show();
  });
  window.addEventListener('languagechange', changed);
  return () => {
    off();
    window.removeEventListener('languagechange', changed);
  };
}
