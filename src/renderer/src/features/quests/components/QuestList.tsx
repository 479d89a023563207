import { Badge, Box, Button, Group, Loader, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconScript, IconSearch } from '@tabler/icons-react';
import { useEffect, useMemo, useRef, useState } from 'react';
import { QUEST_TRIGGERS, type StoredQuest } from '../../../../../shared/domain/quests';
import { EmptyState } from '../../../components/EmptyState';
import { ErrorState } from '../../../components/ErrorState';
import { KeyHint } from '../../../components/KeyHint';
import { formatAmount } from '../../../lib/format';
import { useScreenKeys } from '../../../lib/keys';
import { ItemPicker } from '../../items';
import { useQuestList, useTriggersInUse } from '../api/list-quests';

function rewardSummary(quest: StoredQuest): string {
  const rewards = quest.definition?.rewards;
  if (!rewards) return 'raw JSON';
  const parts = [
    rewards.currency ? `${formatAmount(rewards.currency)} coins` : null,
    rewards.xp ? `${formatAmount(rewards.xp)} XP` : null,
    rewards.items?.length ? `${rewards.items.length} item${rewards.items.length === 1 ? '' : 's'}` : null,
  ].filter(Boolean);
  return parts.length ? parts.join(' · ') : 'no reward';
}

/** Quests newest first: filters on top; j/k move, Enter opens, / searches. */
export function QuestList({ selectedId, onOpen }: { selectedId: number | null; onOpen(id: number): void }) {
  const [search, setSearch] = useState('');
  const [trigger, setTrigger] = useState<string | null>(null);
  const [rewardItemId, setRewardItemId] = useState<number | null>(null);
  const [debounced] = useDebouncedValue(search.trim(), 200);
  const list = useQuestList({ search: debounced || undefined, triggerEvent: trigger ?? undefined, rewardItemId: rewardItemId ?? undefined });
  const inUse = useTriggersInUse();
  const quests = useMemo(() => list.data?.pages.flatMap((p) => p.quests) ?? [], [list.data]);
  const total = list.data?.pages[0]?.total ?? 0;
  const filtered = Boolean(debounced || trigger || rewardItemId !== null);
  const searchRef = useRef<HTMLInputElement>(null);
  const [cursor, setCursor] = useState(0);
  const triggerData = [...new Set([...QUEST_TRIGGERS.map((t) => t.event), ...(inUse.data ?? []).map((t) => t.triggerEvent)])].map((event) => {
    const count = inUse.data?.find((t) => t.triggerEvent === event)?.quests ?? 0;
    return { value: event, label: `${event} (${count})` };
  });

  useEffect(() => {
    const index = quests.findIndex((q) => q.id === selectedId);
    if (index >= 0) setCursor(index);
  }, [selectedId, quests]);

  const move = (delta: number) => {
    const next = Math.max(0, Math.min(quests.length - 1, cursor + delta));
    setCursor(next);
    document.querySelector(`[data-quest-row="${quests[next]?.id}"]`)?.scrollIntoView({ block: 'nearest' });
  };
  useScreenKeys('Quest list', [
    { keys: 'j', label: 'Next quest', run: () => move(1) },
    { keys: 'arrowdown', label: 'Next quest', run: () => move(1) },
    { keys: 'k', label: 'Previous quest', run: () => move(-1) },
    { keys: 'arrowup', label: 'Previous quest', run: () => move(-1) },
    { keys: 'enter', label: 'Open the quest', run: () => quests[cursor] && onOpen(quests[cursor]!.id) },
    { keys: '/', label: 'Search quests', run: () => searchRef.current?.focus() },
  ]);

  return (
    <Stack gap={0} h="100%">
      <Stack gap={6} p="sm" style={{ borderBottom: '1px solid var(--desk-border)' }}>
        <TextInput
          ref={searchRef}
          placeholder="Search by name or #id"
          leftSection={<IconSearch size={14} />}
          rightSection={<KeyHint keys="/" />}
          value={search}
          onChange={(e) => setSearch(e.currentTarget.value)}
          aria-label="Search quests"
        />
        <Group gap="xs" wrap="nowrap">
          <Select style={{ flex: 1 }} placeholder="Any trigger" clearable searchable data={triggerData} value={trigger} onChange={setTrigger} aria-label="Filter by trigger" />
          <ItemPicker w="50%" value={rewardItemId} onChange={setRewardItemId} placeholder="Any reward item" aria-label="Filter by reward item" />
        </Group>
      </Stack>
      <Group justify="space-between" px="sm" py={4}>
        <Text size="xs" c="dimmed">
          {list.isPending ? 'Loading…' : `${total.toLocaleString('en-US')} ${filtered ? 'matching ' : ''}quests`}
        </Text>
        {list.isFetching && !list.isPending ? <Loader size={12} /> : null}
      </Group>
      <Box style={{ flex: 1, minHeight: 0, overflow: 'auto' }}>
        {list.isPending ? null : list.isError ? (
          <ErrorState compact error={list.error} onRetry={() => void list.refetch()} what="the quests" />
        ) : quests.length === 0 ? (
          <EmptyState compact icon={<IconScript size={20} />} title={filtered ? 'No quest matches' : 'No quests yet'}>
            {filtered ? 'Clear a filter or search for another name.' : 'Write the first one with New quest (N), or import a pack.'}
          </EmptyState>
        ) : (
          <Table stickyHeader data-testid="quest-list">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Quest</Table.Th>
                <Table.Th w={170}>Rewards</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {quests.map((quest, index) => (
                <Table.Tr
                  key={quest.id}
                  data-quest-row={quest.id}
                  onClick={() => onOpen(quest.id)}
                  style={{ cursor: 'pointer', outline: index === cursor ? '1px solid var(--mantine-primary-color-filled)' : undefined, outlineOffset: -1 }}
                  bg={quest.id === selectedId ? 'var(--mantine-primary-color-light)' : undefined}
                  aria-selected={quest.id === selectedId}
                >
                  <Table.Td style={{ maxWidth: 0 }}>
                    <Group gap={6} wrap="nowrap">
                      <Text size="sm" truncate style={{ minWidth: 0 }}>
                        {quest.name}
                      </Text>
                      {quest.shape === 'foreign' ? (
                        <Badge size="xs" color="yellow" variant="outline" style={{ flex: 'none' }} title={quest.issues.map((i) => `${i.path}: ${i.message}`).join('\n')}>
                          foreign
                        </Badge>
                      ) : null}
                    </Group>
                    <Group gap={6} wrap="nowrap">
                      <Text size="xs" c="dimmed" style={{ flex: 'none' }}>
                        #{quest.id}
                      </Text>
                      <Text size="xs" c="dimmed" ff="monospace" truncate>
                        {quest.triggerEvent}
                        {quest.definition ? ` × ${formatAmount(quest.definition.requirements.target)}` : ''}
                      </Text>
                    </Group>
                  </Table.Td>
                  <Table.Td>
                    <Text size="xs" c="dimmed" lineClamp={2}>
                      {rewardSummary(quest)}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        {list.hasNextPage ? (
          <Group justify="center" p="sm">
            <Button variant="default" loading={list.isFetchingNextPage} onClick={() => void list.fetchNextPage()}>
              Load more
            </Button>
          </Group>
        ) : null}
      </Box>
    </Stack>
  );
}
