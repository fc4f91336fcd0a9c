import type { ReactNode } from 'react';
import { Tabs as RadixTabs } from 'radix-ui';
import './primitives.css';

export interface Tab<T extends string> {
  value: T;
  label: string;
}

interface TabsProps<T extends string> {
  /** The tab list's accessible name, such as "Mode". */
  label: string;
  tabs: readonly Tab<T>[];
  value: T;
  onChange: (value: T) => void;
  /** The chosen tab's panel. */
  children: ReactNode;
  className?: string;
  panelClassName?: string;
}

/**
 * Tabs with one panel, for the chosen tab: arrow keys, Home and End move between tabs and
 * choose as they go (Radix Tabs, automatic activation).
 */
export function Tabs<T extends string>({
  label,
  tabs,
  value,
  onChange,
  children,
  className,
  panelClassName,
}: TabsProps<T>) {
  return (
    <RadixTabs.Root
      className={className}
      value={value}
      onValueChange={(next) => {
        const tab = tabs.find((t) => t.value === next);
        if (tab) onChange(tab.value);
      }}
    >
      <RadixTabs.List className="tabs-list" aria-label={label}>
        {tabs.map((tab) => (
          <RadixTabs.Trigger key={tab.value} value={tab.value} className="tabs-tab">
            {tab.label}
          </RadixTabs.Trigger>
        ))}
      </RadixTabs.List>
      <RadixTabs.Content value={value} className={panelClassName}>
        {children}
      </RadixTabs.Content>
    </RadixTabs.Root>
  );
}
