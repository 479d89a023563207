import { Badge, Group, Tabs, Text, Tooltip } from '@mantine/core';
import type { CaseCounts, ModerationQueue } from '@shared/domain/moderation';
import { tabControls } from '@renderer/components/PageTabs';
import { formatAmount, formatRelative } from '@renderer/lib/format';
import type { Unread } from '../hooks/use-arrivals';

export const queueLabels: Record<ModerationQueue, string> = { active: 'Active', recent: 'Recent', resolved: 'Resolved', mine: 'Mine' };
const queueHints: Record<ModerationQueue, string> = {
  active: 'Cases still in force',
  recent: 'Every case, newest first',
  resolved: 'Closed cases',
  mine: 'Active cases you have claimed',
};

/** The tabs' group: the list pane is the open queue's panel (tabPanelProps(QUEUE_TABS, queue)). */
export const QUEUE_TABS = 'moderation-queue';

export interface QueueTabsProps {
  queue: ModerationQueue;
  counts: CaseCounts | undefined;
  unread: Unread;
  onChange(queue: ModerationQueue): void;
}

/** The four queues with their counts (for the active filters) and unread arrivals. */
export function QueueTabs({ queue, counts, unread, onChange }: QueueTabsProps) {
  const cached = counts?.basis === 'cached';
  return (
    <Group justify="space-between" wrap="nowrap" align="flex-end">
      <Tabs id={QUEUE_TABS} value={queue} onChange={(value) => value && onChange(value as ModerationQueue)} variant="default">
        <Tabs.List style={{ borderBottom: 0 }}>
          {(Object.keys(queueLabels) as ModerationQueue[]).map((q) => (
            <Tooltip key={q} label={queueHints[q]}>
              <Tabs.Tab
                value={q}
                data-testid={`queue-${q}`}
                {...tabControls(QUEUE_TABS, q, queue)}
                rightSection={
                  <Group gap={4} wrap="nowrap">
                    <Badge size="sm" variant={q === queue ? 'filled' : 'light'} color={q === queue ? 'aurora' : 'gray'} data-testid={`queue-count-${q}`}>
                      {counts ? `${cached ? '≈' : ''}${formatAmount(counts.queues[q])}` : '…'}
                    </Badge>
                    {unread[q] > 0 ? (
                      <Badge size="xs" color="teal" variant="filled" circle={unread[q] < 10} data-testid={`queue-unread-${q}`} title={`${unread[q]} new since you last looked`}>
                        {unread[q] > 99 ? '99+' : unread[q]}
                      </Badge>
                    ) : null}
                  </Group>
                }
              >
                {queueLabels[q]}
              </Tabs.Tab>
            </Tooltip>
          ))}
        </Tabs.List>
      </Tabs>
      {cached && counts ? (
        <Text size="xs" c="dimmed" pb={6} title="On a very large table the counts are reused for a few seconds instead of recounting on every change.">
          counts as of {formatRelative(counts.asOf)}
        </Text>
      ) : null}
    </Group>
  );
}
