import { Suspense, useCallback, useEffect, useState, type ComponentType } from 'react';
import { Notices, useAppStore } from '../app';
import { useWorkingCount } from '../jobs';
import { Library, loadLibrary } from '../library';
import { Queue } from '../queue';
import { FirstRun, loadSettings, Settings, useSettingsView } from '../settings';
import { Toasts } from '../toasts';
import { useNavStore, useSectionShortcuts, type Section } from '../nav';
import { ComposeScreen } from './ComposeScreen';
import { NeedsKey } from './NeedsKey';
import { Sidebar } from './Sidebar';
import { useStartStores } from './useStartStores';
import { sectionKey } from './navIcons';
import { useTranslation } from '../../i18n';
import './shell.css';

/**
 * Compose (with the live queue) is in the first chunk; Library and Settings are chunks of
 * their own (`React.lazy` in their features' entries), fetched once the shell has shown, so
 * switching to them rarely waits.
 */
const screens: Record<Section, ComponentType> = {
  Compose: ComposeScreen,
  Queue,
  Library,
  Settings,
};

export function Shell() {
  useStartStores();
  const { t } = useTranslation(['shell', 'common']);
  const section = useNavStore((s) => s.section);
  const go = useNavStore((s) => s.go);
  const info = useAppStore((s) => s.info);
  const error = useAppStore((s) => s.error);
  const disconnected = useAppStore((s) => s.disconnected);
  const settings = useSettingsView();
  // The welcome greets an app that starts with no key and no demo. Turning the demo off later
  // is a choice made in Settings, not a first run; any way the user goes on leaves it.
  const [welcome, setWelcome] = useState<boolean | null>(null);
  if (welcome === null && settings !== null)
    setWelcome(!settings.hasApiKey && !settings.settings.demo);
  const working = useWorkingCount();

  const firstRun =
    welcome === true && settings !== null && !settings.hasApiKey && !settings.settings.demo;
  const onGo = useCallback(
    (name: Section) => {
      setWelcome(false);
      go(name);
    },
    [go],
  );
  useSectionShortcuts(onGo);
  useEffect(() => {
    void preloadScreens();
  }, []);
  const Screen = screens[section];
  const sectionName = t(`nav.${sectionKey(section)}`);
  const demo = settings?.settings.demo ?? false;

  return (
    <div className="shell">
      <Sidebar section={section} working={working} demo={demo} onGo={onGo} />
      <div className="shell-column">
        {disconnected && (
          <div className="banner error connection" role="alert">
            <span>{t('connectionLost')}</span>
            <button type="button" onClick={() => window.location.reload()}>
              {t('common:reload')}
            </button>
          </div>
        )}
        <Notices />
        {!firstRun && <NeedsKey onSettings={section === 'Settings'} />}
        <main className="shell-main" aria-label={sectionName}>
          {firstRun ? (
            <FirstRun onSkip={() => setWelcome(false)} />
          ) : (
            <>
              <h2 className="section-title">{sectionName}</h2>
              <Suspense fallback={<ScreenLoading />}>
                <Screen />
              </Suspense>
            </>
          )}
        </main>
        <footer className="shell-footer" role="contentinfo">
          {info && (
            <span aria-label={t('footer.versionLabel')}>
              {t('footer.version', {
                name: info.name,
                version: info.version,
                mode: info.demo ? t('footer.demo') : t('footer.live'),
                host: info.host,
              })}
            </span>
          )}
          {error && <span role="alert">{t('footer.engineUnreachable', { reason: error })}</span>}
        </footer>
        <Toasts />
      </div>
    </div>
  );
}

/** Where a screen is about to be: it holds the screen's place, and says so to a screen reader. */
const preloadScreens = () => Promise.all([loadLibrary(), loadSettings()]);

function ScreenLoading() {
  const { t } = useTranslation('common');
  return (
    <p className="screen-loading" role="status">
      {t('loading')}
    </p>
  );
}
