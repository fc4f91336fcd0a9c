import { useEffect, useState } from 'react';
import { useAppStore } from '../app/appStore';

const sections = ['Compose', 'Queue', 'Library', 'Settings'] as const;
type Section = (typeof sections)[number];

export function Shell() {
  const [section, setSection] = useState<Section>('Compose');
  const info = useAppStore((s) => s.info);
  const error = useAppStore((s) => s.error);
  const load = useAppStore((s) => s.load);

  useEffect(() => {
    void load();
  }, [load]);

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
              onClick={() => setSection(name)}
            >
              {name}
            </button>
          ))}
        </nav>
      </header>
      <main className="shell-main" aria-label={section}>
        <h2>{section}</h2>
      </main>
      <footer className="shell-footer" role="contentinfo">
        {info && (
          <span aria-label="App version">
            {info.name} {info.version} · {info.demo ? 'demo mode' : 'live'} · {info.host}
          </span>
        )}
        {error && <span role="alert">Could not reach Airframe's engine: {error}</span>}
      </footer>
    </div>
  );
}
