import type { ReactNode } from 'react';
import type { Section } from '../nav';

/** A section's key in the `shell:nav` catalog: its name in the UI's language. */
export function sectionKey(section: Section): Lowercase<Section> {
  return section.toLowerCase() as Lowercase<Section>;
}

/** A 20 px line drawing per section, in the text's colour; the label beside it names it. */
const drawings: Record<Section, ReactNode> = {
  Compose: (
    <>
      <path d="M4 20h4L18.5 9.5a2.12 2.12 0 0 0-3-3L5 17v3z" />
      <path d="m14 8 3 3" />
    </>
  ),
  Queue: (
    <>
      <path d="M9 6h11M9 12h11M9 18h11" />
      <path d="M4 5.5h1v1H4zM4 11.5h1v1H4zM4 17.5h1v1H4z" />
    </>
  ),
  Library: (
    <>
      <rect x="3" y="5" width="18" height="14" rx="2" />
      <path d="M3 9h18M3 15h18M8 5v4M16 5v4M8 15v4M16 15v4" />
    </>
  ),
  Settings: (
    <>
      <path d="M4 7h9M17 7h3M4 17h3M11 17h9" />
      <circle cx="15" cy="7" r="2" />
      <circle cx="9" cy="17" r="2" />
    </>
  ),
};

export function NavIcon({ section }: { section: Section }) {
  return (
    <svg
      className="nav-icon"
      viewBox="0 0 24 24"
      width="20"
      height="20"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.75"
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      {drawings[section]}
    </svg>
  );
}

/** The app's mark: a paper plane, shown where the narrow sidebar has no room for the name. */
export function AppMark() {
  return (
    <svg
      className="app-mark"
      viewBox="0 0 24 24"
      width="22"
      height="22"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.75"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      <path d="M21 3 3 10.5l7 2.5 2.5 7L21 3z" />
      <path d="m10 13 5-5" />
    </svg>
  );
}
