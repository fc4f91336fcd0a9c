import { useState, type ComponentType } from 'react';
import { isEnded } from '../../../../shared/jobs';
import { Notices, useAppStore } from '../app';
import { Compose } from '../compose';
import { useJobsStore } from '../jobs';
import { Library } from '../library';
import { Queue } from '../queue';
import { FirstRun, Settings, useSettingsView } from '../settings';
import { Toasts } from '../toasts';
import { sections, useNavStore, type Section } from '../nav';
import { NeedsKey } from './NeedsKey';
import { useStartStores } from './useStartStores';
import './shell.css';

const screens: Record<Section, ComponentType> = { Compose, Queue, Library, Settings };

export function Shell() {
  useStartStores();
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
  const working = useJobsStore(
    (s) => s.order.filter((id) => !isEnded(s.byId[id]?.status ?? 'saved')).length,
  );

  const firstRun =
    welcome === true && settings !== null && !settings.hasApiKey && !settings.settings.demo;
  const Screen = screens[section];
  const demo = settings?.settings.demo ?? false;

  return (
    <div className="shell">
      <header className="shell-header">
        <h1>Airframe</h1>
        <nav aria-label="Main">
          {sections.map((name) => (
            <button
              key={name}
              type="button"
              aria-current={name === section ? 'page' : undefined}
              onClick={() => {
                setWelcome(false);
                go(name);
              }}
            >
              {name}
              {/* Always there, hidden at 0, so the header does not shift when it appears. */}
              {name === 'Queue' && (
                <span
                  className="count"
                  aria-hidden="true"
                  title={working > 0 ? `${working} unfinished` : undefined}
                  style={working > 0 ? undefined : { visibility: 'hidden' }}
                >
                  {working}
                </span>
              )}
            </button>
          ))}
        </nav>
        {demo && (
          <span
            className="demo-badge"
            title="Jobs run in the built-in simulator: free, sample clips"
          >
            Demo
          </span>
        )}
      </header>
      {disconnected && (
        <div className="banner error connection" role="alert">
          <span>
            Lost the connection to Airframe’s host: it stopped or restarted. Jobs do not carry on in
            this tab: they are kept, and resume when the host is started again. Then open the
            address it prints, or reload if it runs again at the same one.
          </span>
          <button type="button" onClick={() => window.location.reload()}>
            Reload
          </button>
        </div>
      )}
      <Notices />
      {!firstRun && <NeedsKey onSettings={section === 'Settings'} />}
      <main className="shell-main" aria-label={section}>
        {firstRun ? (
          <FirstRun onSkip={() => setWelcome(false)} />
        ) : (
          <>
            <h2 className="section-title">{section}</h2>
            <Screen />
          </>
        )}
      </main>
      <footer className="shell-footer" role="contentinfo">
        {info && (
          <span aria-label="App version">
            {info.name} {info.version} · {info.demo ? 'demo mode' : 'live'} · {info.host}
          </span>
        )}
        {error && <span role="alert">Could not reach Airframe's engine: {error}</span>}
      </footer>
      <Toasts />
    </div>
  );
}
