import { Button, Group, Paper, Text } from '@mantine/core';
import { IconArrowUp } from '@tabler/icons-react';
import { formatAmount } from '@renderer/lib/format';

export interface NewCasesBarProps {
  waiting: number;
  onShow(): void;
}

/**
 * "37 new cases — show": the cases that arrived above a moderator reading down the queue. It
 * floats over the top of the list (below its header) and takes no room: appearing moves no row.
 */
export function NewCasesBar({ waiting, onShow }: NewCasesBarProps) {
  if (waiting === 0) return null;
  return (
    <div style={{ position: 'relative', height: 0, zIndex: 3 }}>
      <Group justify="center" style={{ position: 'absolute', top: 32, left: 0, right: 0, pointerEvents: 'none' }}>
        <Paper withBorder shadow="sm" radius="xl" px="sm" py={2} style={{ pointerEvents: 'auto' }} data-testid="new-cases-bar" role="status">
          <Group gap={6} wrap="nowrap">
            <Text size="xs" fw={600} data-testid="new-cases-count">
              {formatAmount(waiting)} new case{waiting === 1 ? '' : 's'}
            </Text>
            <Text size="xs" c="dimmed" aria-hidden>
              —
            </Text>
            <Button variant="subtle" size="compact-xs" leftSection={<IconArrowUp size={12} />} onClick={onShow} data-testid="new-cases-show">
              show
            </Button>
          </Group>
        </Paper>
      </Group>
    </div>
  );
}
