import { Badge, Button, Group, Modal, Pagination, Paper, Progress, SegmentedControl, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconRotate, IconSearch, IconUserPlus } from '@tabler/icons-react';
import { useState } from 'react';
import type { QuestPlayer } from '@shared/domain/quests';
import { EmptyState } from '@renderer/components/EmptyState';
import { RelativeTime } from '@renderer/components/RelativeTime';
import { Snowflake } from '@renderer/components/Snowflake';
import { fieldErrorsOf } from '@renderer/lib/errors';
import { formatAmount } from '@renderer/lib/format';
import { notifyError, notifySuccess } from '@renderer/lib/notify';
import { useAssignQuest, useQuestPlayers, useResetProgress, type PlayerStatus } from '../api';

/** Players on the quest with their progress; reset one, or put a new one on it. */
export function QuestPlayers({ questId, questName, target }: { questId: number; questName: string; target: number | null }) {
  const [status, setStatus] = useState<PlayerStatus>('all');
  const [search, setSearch] = useState('');
  const [page, setPage] = useState(1);
  const [debounced] = useDebouncedValue(search.trim(), 250);
  const players = useQuestPlayers(questId, status, debounced, (page - 1) * 50);
  const [resetting, setResetting] = useState<QuestPlayer | null>(null);
  const reset = useResetProgress();
  const [assignId, setAssignId] = useState('');
  const [assignError, setAssignError] = useState<string | undefined>();
  const assign = useAssignQuest();
  const total = players.data?.total ?? 0;

  return (
    <Paper withBorder p="sm" radius="sm" data-testid="quest-players">
      <Group justify="space-between" mb="xs" align="flex-end">
        <Title order={4}>Players on the quest</Title>
        <Group gap="xs" align="flex-start">
          <TextInput
            placeholder="Discord user ID"
            ff="monospace"
            w={200}
            value={assignId}
            onChange={(e) => {
              setAssignId(e.currentTarget.value);
              setAssignError(undefined);
            }}
            error={assignError}
            aria-label="Discord user ID to assign the quest to"
          />
          <Button
            variant="light"
            leftSection={<IconUserPlus size={14} />}
            disabled={!assignId.trim()}
            loading={assign.isPending}
            onClick={() =>
              assign.mutate(
                { questId, userId: assignId.trim() },
                {
                  onSuccess: (done) => {
                    notifySuccess('Quest assigned', `${done.username ?? done.userId.toString()} is now on “${questName}”.`);
                    setAssignId('');
                  },
                  onError: (error) => {
                    const fields = fieldErrorsOf(error);
                    setAssignError(fields.userId ?? Object.values(fields)[0]);
                    notifyError(error, 'Could not assign the quest');
                  },
                },
              )
            }
          >
            Assign
          </Button>
        </Group>
      </Group>
      <Group gap="xs" mb="xs">
        <SegmentedControl
          value={status}
          onChange={(v) => {
            setStatus(v as PlayerStatus);
            setPage(1);
          }}
          data={[
            { value: 'all', label: 'All' },
            { value: 'active', label: 'On it' },
            { value: 'completed', label: 'Completed' },
          ]}
        />
        <TextInput
          placeholder="Username or Discord ID"
          leftSection={<IconSearch size={14} />}
          w={240}
          value={search}
          onChange={(e) => {
            setSearch(e.currentTarget.value);
            setPage(1);
          }}
          aria-label="Search players on the quest"
        />
        <Text size="xs" c="dimmed">
          {formatAmount(total)} players
        </Text>
      </Group>
      {players.data && players.data.players.length === 0 ? (
        <EmptyState compact title={debounced || status !== 'all' ? 'Nobody matches' : 'Nobody has started this quest yet'}>
          {debounced || status !== 'all' ? 'Clear the search or pick All.' : 'Players appear here once the bot records their first progress, or when you assign the quest.'}
        </EmptyState>
      ) : (
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Player</Table.Th>
              <Table.Th w={70}>Level</Table.Th>
              <Table.Th w={220}>Progress</Table.Th>
              <Table.Th w={130}>Completed</Table.Th>
              <Table.Th w={90} />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {(players.data?.players ?? []).map((p) => (
              <Table.Tr key={p.userId.toString()}>
                <Table.Td>
                  <Group gap={6} wrap="nowrap">
                    <Text size="sm">{p.username ?? 'unknown player'}</Text>
                    <Snowflake id={p.userId} size="xs" kind="user ID" />
                  </Group>
                </Table.Td>
                <Table.Td>{p.level ?? '—'}</Table.Td>
                <Table.Td>
                  <Group gap="xs" wrap="nowrap">
                    <Progress aria-label={`Progress of ${p.username ?? p.userId.toString()}`} value={target ? Math.min(100, (p.progress / target) * 100) : 0} w={110} size="sm" color={p.completedAt ? 'teal' : 'aurora'} />
                    <Text size="xs" style={{ fontVariantNumeric: 'tabular-nums' }}>
                      {formatAmount(p.progress)}
                      {target !== null ? ` / ${formatAmount(target)}` : ''}
                    </Text>
                  </Group>
                </Table.Td>
                <Table.Td>{p.completedAt ? <RelativeTime value={p.completedAt} size="xs" /> : <Badge size="xs" color="gray">on it</Badge>}</Table.Td>
                <Table.Td>
                  <Button size="compact-xs" variant="subtle" color="red" leftSection={<IconRotate size={12} />} onClick={() => setResetting(p)}>
                    Reset
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {total > 50 ? (
        <Group justify="center" mt="xs">
          <Pagination size="sm" total={Math.ceil(total / 50)} value={page} onChange={setPage} />
        </Group>
      ) : null}
      <Modal opened={resetting !== null} onClose={() => setResetting(null)} title="Reset progress?">
        {resetting ? (
          <Stack gap="sm">
            <Text size="sm">
              Reset {resetting.username ?? resetting.userId.toString()}’s progress on “{questName}” from {formatAmount(resetting.progress)} to 0
              {resetting.completedAt ? ' and mark it not completed' : ''}? Rewards already given stay with the player.
            </Text>
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setResetting(null)}>
                Cancel
              </Button>
              <Button
                color="red"
                loading={reset.isPending}
                onClick={() =>
                  reset.mutate(
                    { questId, userId: resetting.userId },
                    {
                      onSuccess: () => {
                        notifySuccess('Progress reset', `${resetting.username ?? resetting.userId.toString()} starts “${questName}” again.`);
                        setResetting(null);
                      },
                    },
                  )
                }
              >
                Reset to 0
              </Button>
            </Group>
          </Stack>
        ) : null}
      </Modal>
    </Paper>
  );
}
