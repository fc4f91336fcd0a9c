import type { ReactNode } from 'react';
import type { VideoMode } from '../../../../shared/api/schemas';
import { useTranslation } from '../../i18n';
import { Tabs } from '../common/Tabs';

interface ModeTabsProps {
  modes: readonly VideoMode[];
  mode: VideoMode;
  onChange: (mode: VideoMode) => void;
  children: ReactNode;
}

/** Tabs for the modes the chosen model offers; arrow keys move between them. */
export function ModeTabs({ modes, mode, onChange, children }: ModeTabsProps) {
  const { t } = useTranslation('compose');
  return (
    <Tabs
      label={t('modes.label')}
      tabs={modes.map((m) => ({ value: m, label: t(`modes.tabs.${m}`) }))}
      value={mode}
      onChange={onChange}
      className="mode-tabs"
      panelClassName="mode-panel"
    >
      <p className="hint">{t(`modes.hints.${mode}`)}</p>
      {children}
    </Tabs>
  );
}
