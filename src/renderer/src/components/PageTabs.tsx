import { Tabs } from '@mantine/core';
import type { ComponentType, ReactNode } from 'react';

export interface PageTab {
  value: string;
  label: string;
  icon: ComponentType<{ size?: number | string }>;
}

export interface PageTabsProps<Tab extends PageTab> {
  tabs: readonly Tab[];
  value: Tab['value'];
  onChange(value: Tab['value']): void;
  /** Each tab is `<testId>-<value>`; the ids of tabs and panel derive from it too. */
  testId: string;
  /** Right of a tab's label: a live count, or the tab's key. */
  rightSection?(tab: Tab): ReactNode;
}

/**
 * The ids that tie a tab to the panel it shows (Mantine's scheme: `<group>-tab-<value>`,
 * `<group>-panel-<value>`). Only the selected tab names its panel: the others' panels are not
 * in the document, and a reference to nothing is an error for assistive technology.
 */
export const tabIds = (group: string, value: string) => ({ tab: `${group}-tab-${value}`, panel: `${group}-panel-${value}` });

export function tabControls(group: string, value: string, selected: string | null): { 'aria-controls': string | undefined } {
  return { 'aria-controls': value === selected ? tabIds(group, value).panel : undefined };
}

/** Spread on the element that shows the open tab (the tabs sit in the page's header, the panel below). */
export function tabPanelProps(group: string, value: string) {
  const ids = tabIds(group, value);
  return { role: 'tabpanel', id: ids.panel, 'aria-labelledby': ids.tab } as const;
}

/**
 * The parts of a page, as tabs under its title (a PageHeader's children, where they sit on the
 * header's own line). The page keeps the open part in its route, so a link or a reload opens it;
 * the element showing the open part takes tabPanelProps(testId, value).
 */
export function PageTabs<Tab extends PageTab>({ tabs, value, onChange, testId, rightSection }: PageTabsProps<Tab>) {
  return (
    <Tabs id={testId} value={value} onChange={(next) => next && onChange(next as Tab['value'])}>
      <Tabs.List style={{ borderBottom: 0 }}>
        {tabs.map((tab) => (
          <Tabs.Tab
            key={tab.value}
            value={tab.value}
            leftSection={<tab.icon size={14} />}
            rightSection={rightSection?.(tab)}
            data-testid={`${testId}-${tab.value}`}
            {...tabControls(testId, tab.value, value)}
          >
            {tab.label}
          </Tabs.Tab>
        ))}
      </Tabs.List>
    </Tabs>
  );
}
