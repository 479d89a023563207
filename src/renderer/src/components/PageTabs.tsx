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
  /** Each tab is `<testId>-<value>`. */
  testId: string;
  /** Right of a tab's label: a live count, or the tab's key. */
  rightSection?(tab: Tab): ReactNode;
}

/**
 * The parts of a page, as tabs under its title (a PageHeader's children, where they sit on the
 * header's own line). The page keeps the open part in its route, so a link or a reload opens it.
 */
export function PageTabs<Tab extends PageTab>({ tabs, value, onChange, testId, rightSection }: PageTabsProps<Tab>) {
  return (
    <Tabs value={value} onChange={(next) => next && onChange(next as Tab['value'])}>
      <Tabs.List style={{ borderBottom: 0 }}>
        {tabs.map((tab) => (
          <Tabs.Tab key={tab.value} value={tab.value} leftSection={<tab.icon size={14} />} rightSection={rightSection?.(tab)} data-testid={`${testId}-${tab.value}`}>
            {tab.label}
          </Tabs.Tab>
        ))}
      </Tabs.List>
    </Tabs>
  );
}
