import { describe, expect, it, vi } from 'vitest';
import { EventHub } from '../core/eventHub';
import { defaultSettings, type SettingsView } from '../../shared/settings';

const nativeTheme = { themeSource: 'system' };
vi.mock('electron', () => ({ nativeTheme }));

const { followThemeSetting } = await import('./nativeTheme');

const view = (theme: SettingsView['settings']['theme']): SettingsView => ({
  settings: { ...defaultSettings, theme },
  hasApiKey: false,
  keyStorage: 'none',
  secureStorageAvailable: true,
});

describe('the native theme', () => {
  it('starts on the saved theme and follows each change of the setting, until stopped', () => {
    const events = new EventHub();
    const stop = followThemeSetting(events, 'dark');
    expect(nativeTheme.themeSource).toBe('dark');

    events.emit('settings.changed', view('light'));
    expect(nativeTheme.themeSource).toBe('light');
    events.emit('settings.changed', view('system'));
    expect(nativeTheme.themeSource).toBe('system');

    stop();
    events.emit('settings.changed', view('dark'));
    expect(nativeTheme.themeSource).toBe('system');
  });
});
