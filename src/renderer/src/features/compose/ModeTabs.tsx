import { useRef, type KeyboardEvent, type ReactNode } from 'react';
import type { VideoMode } from '../../../../shared/api/schemas';

const labels: Record<VideoMode, string> = { text: 'Text', image: 'Image', reference: 'Reference' };
const hints: Record<VideoMode, string> = {
  text: 'A video from words alone.',
  image: 'Animates one image: it becomes the first frame.',
  reference: 'Borrows the style of one or more frames.',
};

interface ModeTabsProps {
  modes: readonly VideoMode[];
  mode: VideoMode;
  onChange: (mode: VideoMode) => void;
  children: ReactNode;
}

/** Tabs for the modes the chosen model offers; arrow keys move between them. */
export function ModeTabs({ modes, mode, onChange, children }: ModeTabsProps) {
  const refs = useRef(new Map<VideoMode, HTMLButtonElement>());

  const onKeyDown = (event: KeyboardEvent) => {
    const index = modes.indexOf(mode);
    const step = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 }[event.key];
    let next: VideoMode | undefined;
    if (step) next = modes[(index + step + modes.length) % modes.length];
    else if (event.key === 'Home') next = modes[0];
    else if (event.key === 'End') next = modes[modes.length - 1];
    if (!next) return;
    event.preventDefault();
    onChange(next);
    refs.current.get(next)?.focus();
  };

  return (
    <div className="mode-tabs">
      <div role="tablist" aria-label="Mode" onKeyDown={onKeyDown}>
        {modes.map((m) => (
          <button
            key={m}
            ref={(el) => {
              if (el) refs.current.set(m, el);
              else refs.current.delete(m);
            }}
            type="button"
            role="tab"
            id={`mode-tab-${m}`}
            aria-selected={m === mode}
            aria-controls="mode-panel"
            tabIndex={m === mode ? 0 : -1}
            onClick={() => onChange(m)}
          >
            {labels[m]}
          </button>
        ))}
      </div>
      <div
        role="tabpanel"
        id="mode-panel"
        aria-labelledby={`mode-tab-${mode}`}
        className="mode-panel"
      >
        <p className="hint">{hints[mode]}</p>
        {children}
      </div>
    </div>
  );
}
