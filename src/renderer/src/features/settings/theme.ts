import type { Theme } from '../../../../shared/settings';
import { useSettingsStore } from './settingsStore';

/**
 * Keeps `<html data-theme>` on the Theme setting while the app runs: `tokens.css` pins the
 * colour scheme for `light` and `dark` and follows the OS for `system`. Until the settings
 * arrive there is no attribute, so the OS's scheme shows.
 */
export function followTheme(): () => void {
  const show = (theme: Theme | undefined) => {
    if (theme !== undefined && document.documentElement.dataset['theme'] !== theme)
      document.documentElement.dataset['theme'] = theme;
  };
  show(useSettingsStore.getState().view?.settings.theme);
  return useSettingsStore.subscribe((s) => show(s.view?.settings.theme));
}
