import { Center, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import type { ReactNode } from 'react';

export interface EmptyStateProps {
  icon?: ReactNode;
  title: string;
  /** What to do next, in one or two sentences. */
  children?: ReactNode;
  /** A button or two that do it. */
  action?: ReactNode;
  /** compact: inside a panel or a table, rather than a whole page. */
  compact?: boolean;
}

/** Nothing to show, said calmly, with the next step. */
export function EmptyState({ icon, title, children, action, compact = false }: EmptyStateProps) {
  return (
    <Center py={compact ? 'lg' : 48} px="md" data-testid="empty-state">
      <Stack align="center" gap={compact ? 6 : 'sm'} maw={440} ta="center">
        {icon ? (
          <ThemeIcon size={compact ? 32 : 44} radius="xl" variant="light" color="gray">
            {icon}
          </ThemeIcon>
        ) : null}
        <Title order={compact ? 4 : 3} fw={600}>
          {title}
        </Title>
        {children ? (
          <Text size="sm" c="dimmed" component="div">
            {children}
          </Text>
        ) : null}
        {action}
      </Stack>
    </Center>
  );
}
