import { useId } from 'react';
import { sections, type Section } from '../nav';
import { useTranslation } from '../../i18n';
import { AppMark, NavIcon, sectionKey } from './navIcons';

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
  const { t } = useTranslation('shell');
  const countId = useId();
  return (
    <header className="shell-sidebar">
      <h1 className="app-name">
        <AppMark />
        <span className="nav-label">{t('appName')}</span>
      </h1>
      <nav aria-label={t('nav.label')}>
        <ul>
          {sections.map((name, index) => (
            <li key={name}>
              <button
                type="button"
                className="nav-item"
                aria-current={name === section ? 'page' : undefined}
                aria-describedby={name === 'Queue' && working > 0 ? countId : undefined}
                aria-keyshortcuts={`Control+${index + 1} Meta+${index + 1}`}
                title={t('nav.shortcut', { name: t(`nav.${sectionKey(name)}`), n: index + 1 })}
                onClick={() => onGo(name)}
              >
                <NavIcon section={name} />
                <span className="nav-label">{t(`nav.${sectionKey(name)}`)}</span>
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
          {t('unfinished', { count: working })}
        </span>
      </nav>
      {demo && (
        <span className="demo-badge" title={t('demoHint')}>
          {t('demoBadge')}
        </span>
      )}
    </header>
  );
}
