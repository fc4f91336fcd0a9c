import type { ReactNode } from 'react';
import type { VideoMode } from '../../../../shared/api/schemas';
import { Tabs } from '../common/Tabs';

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
  return (
    <Tabs
      label="Mode"
      tabs={modes.map((m) => ({ value: m, label: labels[m] }))}
      value={mode}
      onChange={onChange}
      className="mode-tabs"
      panelClassName="mode-panel"
    >
      <p className="hint">{hints[mode]}</p>
      {children}
    </Tabs>
  );
}
