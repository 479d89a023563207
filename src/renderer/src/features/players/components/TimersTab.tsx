/** Cooldowns and effects, counting down live; staff can clear one (e.g. a stuck daily). */
import { Badge, Button, Table, Text, Tooltip } from '@mantine/core';
import { IconClockOff, IconHourglass } from '@tabler/icons-react';
import type { TimerEntry } from '@shared/domain/players';
import { EmptyState } from '@renderer/components/EmptyState';
import { Missing } from '@renderer/components/Missing';
import { LoadingOrError } from '@renderer/components/LoadingOrError';
import { formatRelative, formatUtc } from '@renderer/lib/format';
import { useTimers } from '../api';
import type { PlayerDialog } from '../dialogs/PlayerDialogs';
import { useSecondTicker } from '@renderer/lib/clock';
import { formatCountdown } from '../countdown';
import classes from './players.module.css';

const TYPE_COLORS: Record<string, string> = { COOLDOWN: 'yellow', EFFECT: 'grape', ACCESS: 'blue' };

function Countdown({ timer, now }: { timer: TimerEntry; now: number }) {
  if (timer.expiresAt === null) return <Missing reason="no expiry recorded" />;
  const left = timer.expiresAt.getTime() - now;
  return (
    <Tooltip label={formatUtc(timer.expiresAt)}>
      <Text size="sm" className={classes.countdown} c={left <= 0 ? 'dimmed' : undefined} data-testid="timer-countdown">
        {left > 0 ? `in ${formatCountdown(left)}` : `expired ${formatRelative(timer.expiresAt, now)}`}
      </Text>
    </Tooltip>
  );
}

export function TimersTab({ playerId, onAction }: { playerId: bigint; onAction(dialog: PlayerDialog): void }) {
  const timers = useTimers(playerId);
  const now = useSecondTicker();
  if (!timers.isSuccess) return <LoadingOrError query={timers} what="timers" compact />;
  if (timers.data.length === 0)
    return (
      <EmptyState compact icon={<IconHourglass size={18} />} title="No timers">
        Cooldowns (like the daily reward) and temporary effects show here while they run.
      </EmptyState>
    );
  return (
    <Table stickyHeader layout="fixed" data-testid="timers-table">
      <Table.Thead>
        <Table.Tr>
          <Table.Th w={120}>Type</Table.Th>
          <Table.Th w={160}>Key</Table.Th>
          <Table.Th w={160}>Expires</Table.Th>
          <Table.Th>Metadata</Table.Th>
          <Table.Th w={90} />
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {timers.data.map((timer) => (
          <Table.Tr key={`${timer.type}/${timer.key}`} data-testid="timer-row">
            <Table.Td>
              <Badge color={TYPE_COLORS[timer.type] ?? 'gray'}>{timer.type}</Badge>
            </Table.Td>
            <Table.Td>
              <Text size="sm" className={classes.mono}>
                {timer.key}
              </Text>
            </Table.Td>
            <Table.Td>
              <Countdown timer={timer} now={now} />
            </Table.Td>
            <Table.Td>
              <Text size="xs" className={classes.mono} truncate="end" title={JSON.stringify(timer.metadata)}>
                {JSON.stringify(timer.metadata)}
              </Text>
            </Table.Td>
            <Table.Td ta="right">
              <Button size="compact-xs" variant="subtle" color="red" leftSection={<IconClockOff size={12} />} onClick={() => onAction({ kind: 'clearTimer', timer })}>
                Clear…
              </Button>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
