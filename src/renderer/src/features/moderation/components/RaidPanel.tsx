import { Alert, Button, CloseButton, Group, ScrollArea, SegmentedControl, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconChecks } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import type { CaseSummary } from '@shared/domain/moderation';
import { formatAmount } from '@renderer/lib/format';
import { groupRaid, type Raid, type RaidGrouping } from '../hooks/use-raid';

/** The bulk path's bound: a larger group is resolved in turns, the first this many each time. */
const BULK_MAX = 500;

export interface RaidPanelProps {
  raid: Raid | null;
  onResolve(cases: CaseSummary[]): void;
  onDismiss(): void;
}

function seconds(ms: number): string {
  return `${formatAmount(Math.max(1, Math.round(ms / 1000)))} s`;
}

/**
 * "raid: 412 new cases in 60 s": the queue under a raid, its open cases grouped by reason or by
 * the target's account age, each group resolvable at once through the bulk resolve dialog (its
 * CONFLICT rules: a case someone else resolved meanwhile is skipped and listed).
 */
export function RaidPanel({ raid, onResolve, onDismiss }: RaidPanelProps) {
  const [by, setBy] = useState<RaidGrouping>('reason');
  const [open, setOpen] = useState(false);
  // Grouped only while the groups are shown: a raid of thousands is not regrouped on every arrival unseen.
  const groups = useMemo(() => (raid && open ? groupRaid(raid.open, by, Date.now()) : []), [raid, by, open]);
  if (!raid) return null;
  return (
    <Alert
      color="orange"
      variant="light"
      radius={0}
      p="xs"
      icon={<IconAlertTriangle size={16} />}
      data-testid="raid-panel"
      styles={{ wrapper: { alignItems: 'flex-start' }, body: { gap: 4 } }}
    >
      <Group justify="space-between" wrap="nowrap" gap="xs">
        <Text size="sm" fw={600} data-testid="raid-summary" style={{ minWidth: 0 }}>
          raid: {formatAmount(raid.total)} new case{raid.total === 1 ? '' : 's'} in {seconds(raid.lastAt - raid.startedAt)}
          <Text span size="xs" c="dimmed" fw={400}>
            {' '}· {formatAmount(raid.open.length)} still open
          </Text>
        </Text>
        <Group gap={4} wrap="nowrap">
          <Button variant="subtle" size="compact-xs" onClick={() => setOpen((o) => !o)} aria-expanded={open} data-testid="raid-toggle" styles={{ label: { whiteSpace: 'nowrap' } }}>
            {open ? 'Hide groups' : 'Group and resolve'}
          </Button>
          <CloseButton size="sm" aria-label="Dismiss the raid notice" onClick={onDismiss} />
        </Group>
      </Group>
      {open ? (
        <Stack gap={4} mt={4}>
          <SegmentedControl
            size="xs"
            value={by}
            onChange={(value) => setBy(value as RaidGrouping)}
            data={[
              { value: 'reason', label: 'By reason' },
              { value: 'age', label: 'By account age' },
            ]}
            aria-label="Group the raid's cases"
            style={{ alignSelf: 'flex-start' }}
          />
          <ScrollArea.Autosize mah={120} type="auto">
            <Stack gap={2} data-testid="raid-groups">
              {groups.map((group) => (
                <Group key={group.key} justify="space-between" wrap="nowrap" gap="xs" data-testid="raid-group" data-group={group.label}>
                  <Text size="xs" truncate="end" style={{ minWidth: 0, flex: 1 }} title={group.label}>
                    {group.label}
                  </Text>
                  <Text size="xs" c="dimmed" style={{ fontVariantNumeric: 'tabular-nums' }} data-testid="raid-group-count">
                    {formatAmount(group.cases.length)}
                  </Text>
                  <Button
                    size="compact-xs"
                    color="teal"
                    variant="light"
                    leftSection={<IconChecks size={12} />}
                    onClick={() => onResolve(group.cases.slice(0, BULK_MAX))}
                    data-testid="raid-group-resolve"
                  >
                    {group.cases.length > BULK_MAX ? `Resolve the first ${BULK_MAX}…` : `Resolve ${formatAmount(group.cases.length)}…`}
                  </Button>
                </Group>
              ))}
              {groups.length === 0 ? (
                <Text size="xs" c="dimmed">
                  Every case of the raid is resolved.
                </Text>
              ) : null}
            </Stack>
          </ScrollArea.Autosize>
        </Stack>
      ) : null}
    </Alert>
  );
}
