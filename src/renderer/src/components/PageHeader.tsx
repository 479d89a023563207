import { Group, Stack, Text, Title } from '@mantine/core';
import type { ComponentType, ReactNode } from 'react';
import type { AreaIconProps } from '../lib/areas';
import classes from './PageHeader.module.css';

export interface PageHeaderProps {
  title: string;
  /** One line under the title: what this page is for, or what is filtered. */
  description?: ReactNode;
  /** The area's icon (the sidebar's), drawn at the header's size. */
  icon?: ComponentType<AreaIconProps>;
  /** Buttons on the right (with their KeyHints). */
  actions?: ReactNode;
  /** Tabs or filters below the title row. */
  children?: ReactNode;
}

/** The top of every page: compact, one row of title and actions. */
export function PageHeader({ title, description, icon: Icon, actions, children }: PageHeaderProps) {
  return (
    <Stack gap="xs" px="md" pt="sm" pb={children ? 0 : 'sm'} className={classes.header}>
      <Group justify="space-between" wrap="nowrap" gap="md">
        <Group gap="sm" wrap="nowrap" style={{ minWidth: 0 }}>
          {Icon ? (
            <span style={{ display: 'inline-flex', color: 'var(--mantine-color-dimmed)' }}>
              <Icon size={20} stroke={1.6} />
            </span>
          ) : null}
          <Stack gap={0} style={{ minWidth: 0 }}>
            <Title order={1} size="h2" lh={1.25}>
              {title}
            </Title>
            {description ? (
              <Text size="xs" c="dimmed" truncate="end">
                {description}
              </Text>
            ) : null}
          </Stack>
        </Group>
        {actions ? (
          <Group gap="xs" wrap="nowrap">
            {actions}
          </Group>
        ) : null}
      </Group>
      {children}
    </Stack>
  );
}
