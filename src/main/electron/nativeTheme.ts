import { nativeTheme } from 'electron';
import type { EventHub } from '../core/eventHub';
import { SettingsView, type Theme } from '../../shared/settings';

/**
 * The Theme setting for what the page cannot paint: the title bar, menus, the tray menu and
 * native dialogs follow `nativeTheme.themeSource` ('system' lets the OS decide). The page
 * follows `<html data-theme>` on its own.
 */
export function followThemeSetting(events: EventHub, theme: Theme): () => void {
  nativeTheme.themeSource = theme;
  return events.subscribe((name, payload) => {
    if (name !== 'settings.changed') return;
    const view = SettingsView.safeParse(payload);
    if (view.success) nativeTheme.themeSource = view.data.settings.theme;
  });
}
