import { Group, Select, Table, Text } from '@mantine/core';
import { IconScript } from '@tabler/icons-react';
import { useState } from 'react';
import type { QuestListPage, StoredQuest } from '@shared/domain/quests';
import { formatAmount } from '@renderer/lib/format';
import { AuthoringList, ForeignBadge, useListSearch } from '../../authoring';
import { ItemPicker } from '../../items';
import { useQuestList } from '../api';
import { useTriggerEvents } from './TriggerField';

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

const questsOf = (page: QuestListPage) => page.quests;

/** Quests newest first: trigger and reward-item filters under the search, trigger × target and rewards per row. */
export function QuestList({ selectedId, onOpen }: { selectedId: number | null; onOpen(id: number): void }) {
  const search = useListSearch();
  const [trigger, setTrigger] = useState<string | null>(null);
  const [rewardItemId, setRewardItemId] = useState<number | null>(null);
  const list = useQuestList({ search: search.debounced || undefined, triggerEvent: trigger ?? undefined, rewardItemId: rewardItemId ?? undefined });
  const triggers = useTriggerEvents();
  const triggerData = triggers.events.map((event) => ({ value: event, label: `${event} (${triggers.quests(event)})` }));

  return (
    <AuthoringList
      noun="quest"
      keysGroup="Quest list"
      search={search}
      filtersBelow
      filters={
        <>
          <Select style={{ flex: 1 }} placeholder="Any trigger" clearable searchable data={triggerData} value={trigger} onChange={setTrigger} aria-label="Filter by trigger" />
          <ItemPicker w="50%" value={rewardItemId} onChange={setRewardItemId} placeholder="Any reward item" aria-label="Filter by reward item" />
        </>
      }
      filtered={Boolean(search.debounced || trigger || rewardItemId !== null)}
      pages={list}
      rowsOf={questsOf}
      what="the quests"
      empty={{ icon: <IconScript size={20} />, title: 'No quests yet', hint: 'Write the first one with New quest (N), or import a pack.' }}
      head={
        <>
          <Table.Th>Quest</Table.Th>
          <Table.Th w={170}>Rewards</Table.Th>
        </>
      }
      cells={(quest) => (
        <>
          <Table.Td style={{ maxWidth: 0 }}>
            <Group gap={6} wrap="nowrap">
              <Text size="sm" truncate style={{ minWidth: 0 }}>
                {quest.name}
              </Text>
              {quest.shape === 'foreign' ? <ForeignBadge issues={quest.issues} /> : null}
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
        </>
      )}
      selectedId={selectedId}
      onOpen={onOpen}
    />
  );
}
