import { Badge, Group, Progress, Table, Text } from '@mantine/core';
import { IconListCheck } from '@tabler/icons-react';
import { EmptyState } from '@renderer/components/EmptyState';
import { Missing } from '@renderer/components/Missing';
import { LoadingOrError } from '@renderer/components/LoadingOrError';
import { RelativeTime } from '@renderer/components/RelativeTime';
import { useQuestProgress } from '../api';
import classes from './players.module.css';

export function QuestsTab({ playerId }: { playerId: bigint }) {
  const quests = useQuestProgress(playerId);
  if (!quests.isSuccess) return <LoadingOrError query={quests} what="quests" compact />;
  if (quests.data.length === 0)
    return (
      <EmptyState compact icon={<IconListCheck size={18} />} title="No quests started">
        Quests appear here once the player triggers their first progress.
      </EmptyState>
    );
  return (
    <Table stickyHeader data-testid="quests-table">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Quest</Table.Th>
          <Table.Th w={150}>Trigger</Table.Th>
          <Table.Th w={220}>Progress</Table.Th>
          <Table.Th w={150}>Status</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {quests.data.map((q) => {
          const done = q.completedAt !== null;
          const ratio = q.target && q.progress !== null ? Math.min(100, (q.progress / q.target) * 100) : done ? 100 : 0;
          return (
            <Table.Tr key={q.questId}>
              <Table.Td>
                <Group gap={6} wrap="nowrap">
                  {q.name === null ? (
                    <Missing reason="no quest name recorded" />
                  ) : (
                    <Text size="sm" className={classes.plainText}>
                      {q.name}
                    </Text>
                  )}
                  <Text size="xs" c="dimmed" className={classes.mono}>
                    #{q.questId}
                  </Text>
                </Group>
              </Table.Td>
              <Table.Td>
                <Text size="xs" className={classes.mono}>
                  {q.triggerEvent ?? <Missing reason="no trigger recorded" size="xs" />}
                </Text>
              </Table.Td>
              <Table.Td>
                <Group gap={8} wrap="nowrap">
                  <Progress value={ratio} color={done ? 'teal' : 'aurora'} size="sm" style={{ flex: 1 }} aria-label={`Progress of ${q.name}`} />
                  <Text size="xs" style={{ fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' }}>
                    {q.progress}
                    {q.target ? ` / ${q.target}` : ''}
                  </Text>
                </Group>
              </Table.Td>
              <Table.Td>
                {done ? (
                  <Group gap={6} wrap="nowrap">
                    <Badge color="teal">Done</Badge>
                    <RelativeTime value={q.completedAt} size="xs" c="dimmed" />
                  </Group>
                ) : (
                  <Badge color="aurora" variant="outline">
                    In progress
                  </Badge>
                )}
              </Table.Td>
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </Table>
  );
}
