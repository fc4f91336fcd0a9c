import { useId } from 'react';
import { sections, type Section } from '../nav';
import { AppMark, NavIcon } from './navIcons';

const text = {
  app: 'Airframe',
  nav: 'Main',
  unfinished: (n: number) => `${n} unfinished`,
  demo: 'Demo',
  demoHint: 'Jobs run in the built-in simulator: free, sample clips',
  shortcut: (name: string, n: number) => `${name} (Ctrl+${n}, ⌘+${n} on a Mac)`,
};

interface SidebarProps {
  section: Section;
  /** Jobs in the queue that have not ended. */
  working: number;
  demo: boolean;
  onGo: (section: Section) => void;
}

/**
 * The app's name, the sections and the demo badge, down the left edge. Narrow windows keep
 * only the icons; each label stays as the button's name, so the buttons keep their names.
 */
export function Sidebar({ section, working, demo, onGo }: SidebarProps) {
  const countId = useId();
  return (
    <header className="shell-sidebar">
      <h1 className="app-name">
        <AppMark />
        <span className="nav-label">{text.app}</span>
      </h1>
      <nav aria-label={text.nav}>
        <ul>
          {sections.map((name, index) => (
            <li key={name}>
              <button
                type="button"
                className="nav-item"
                aria-current={name === section ? 'page' : undefined}
                aria-describedby={name === 'Queue' && working > 0 ? countId : undefined}
                aria-keyshortcuts={`Control+${index + 1} Meta+${index + 1}`}
                title={text.shortcut(name, index + 1)}
                onClick={() => onGo(name)}
              >
                <NavIcon section={name} />
                <span className="nav-label">{name}</span>
                {/* Always there, hidden at 0, so nothing shifts when it appears. */}
                {name === 'Queue' && (
                  <span
                    className="count"
                    aria-hidden="true"
                    style={working > 0 ? undefined : { visibility: 'hidden' }}
                  >
                    {working}
                  </span>
                )}
              </button>
            </li>
          ))}
        </ul>
        <span id={countId} hidden>
          {text.unfinished(working)}
        </span>
      </nav>
      {demo && (
        <span className="demo-badge" title={text.demoHint}>
          {text.demo}
        </span>
      )}
    </header>
  );
}
