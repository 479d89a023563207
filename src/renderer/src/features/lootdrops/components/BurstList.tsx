/**
 * Bursts with their progress: spawned of total (claimed among them), the next drop's
 * countdown, and the controls their state allows. An interrupted burst (the app was closed
 * while it ran) says what it spawned and offers resume or discard.
 */
import { Alert, Badge, Box, Button, Group, Progress, Stack, Text, Tooltip } from '@mantine/core';
import { IconPlayerPause, IconPlayerPlay, IconPlayerStop, IconTrash } from '@tabler/icons-react';
import type { BurstStatus, BurstView } from '@shared/domain/lootdrops';
import { RelativeTime } from '@renderer/components/RelativeTime';
import { formatAmount } from '@renderer/lib/format';
import { useCancelBurst, useDiscardBurst, usePauseBurst, useResumeBurst } from '../api';
import { channelHint, channelLabel, formatCountdown, formatDuration } from '../format';
import { useSecondTicker } from '@renderer/lib/clock';
import { ConfirmButton } from './ConfirmButton';
import classes from './lootdrops.module.css';
import { momentText } from '@shared/moment-text';

const statusColour: Record<BurstStatus, string> = {
  running: 'teal',
  paused: 'yellow',
  interrupted: 'orange',
  elsewhere: 'blue',
  completed: 'gray',
  cancelled: 'gray',
  discarded: 'gray',
};

const statusLabel: Record<BurstStatus, string> = {
  running: 'Running',
  paused: 'Paused',
  interrupted: 'Interrupted',
  elsewhere: 'Running elsewhere',
  completed: 'Completed',
  cancelled: 'Cancelled',
  discarded: 'Discarded',
};

export function BurstList({ bursts, channels, compact = false }: { bursts: BurstView[]; channels: Map<string, string>; compact?: boolean }) {
  return (
    <Stack gap="sm">
      {bursts.map((burst) => (
        <BurstCard key={String(burst.id)} burst={burst} channels={channels} compact={compact} />
      ))}
    </Stack>
  );
}

function NextDrop({ at }: { at: Date }) {
  const now = useSecondTicker();
  return (
    <Text size="xs" c="dimmed" className={classes.countdown}>
      next drop in {formatCountdown(at.getTime() - now)}
    </Text>
  );
}

function BurstCard({ burst, channels, compact }: { burst: BurstView; channels: Map<string, string>; compact: boolean }) {
  const pause = usePauseBurst();
  const resume = useResumeBurst();
  const cancel = useCancelBurst();
  const discard = useDiscardBurst();
  const busy = pause.isPending || resume.isPending || cancel.isPending || discard.isPending;
  const input = { id: burst.id };
  const spawnedShare = (burst.spawned / burst.total) * 100;
  const claimedShare = (burst.claimed / burst.total) * 100;
  const live = burst.status === 'running' || burst.status === 'paused' || burst.status === 'interrupted' || burst.status === 'elsewhere';
  return (
    <Box className={classes.burstCard} data-testid="burst-card" data-status={burst.status}>
      <Group justify="space-between" wrap="nowrap" gap="sm">
        <Group gap="xs" wrap="nowrap" style={{ minWidth: 0 }}>
          <Text fw={600} size="sm" truncate="end">
            {burst.name}
          </Text>
          {burst.startsAt && burst.status === 'running' ? (
            <Badge size="sm" variant="light" color="violet">
              Scheduled
            </Badge>
          ) : (
            <Badge size="sm" variant="light" color={statusColour[burst.status]}>
              {statusLabel[burst.status]}
            </Badge>
          )}
        </Group>
        <Group gap={6} wrap="nowrap">
          {burst.status === 'running' || burst.status === 'elsewhere' ? (
            <Button size="compact-xs" variant="light" color="yellow" leftSection={<IconPlayerPause size={12} />} disabled={busy} onClick={() => pause.mutate(input)}>
              Pause
            </Button>
          ) : null}
          {burst.status === 'paused' || burst.status === 'interrupted' ? (
            <Button size="compact-xs" variant="light" color="teal" leftSection={<IconPlayerPlay size={12} />} disabled={busy} onClick={() => resume.mutate(input)}>
              Resume
            </Button>
          ) : null}
          {burst.status === 'interrupted' ? (
            <ConfirmButton size="compact-xs" variant="subtle" color="red" leftSection={<IconTrash size={12} />} disabled={busy} confirmLabel="Discard it?" onConfirm={() => discard.mutate(input)}>
              Discard
            </ConfirmButton>
          ) : live ? (
            <ConfirmButton
              size="compact-xs"
              variant="subtle"
              color="red"
              leftSection={<IconPlayerStop size={12} />}
              disabled={busy}
              confirmLabel={burst.startsAt ? 'Call it off?' : `Stop after ${burst.spawned}?`}
              onConfirm={() => cancel.mutate(input)}
            >
              Cancel
            </ConfirmButton>
          ) : null}
        </Group>
      </Group>
      <Tooltip label={`${burst.spawned} of ${burst.total} spawned, ${burst.claimed} claimed`}>
        <Progress.Root size="lg" mt={8} aria-label="Burst progress">
          <Progress.Section value={claimedShare} color="teal" aria-label="Claimed" />
          <Progress.Section value={Math.max(0, spawnedShare - claimedShare)} color="aurora" aria-label="Spawned, not claimed yet" />
        </Progress.Root>
      </Tooltip>
      <Group justify="space-between" mt={6} gap="xs">
        <Text size="xs" data-testid="burst-progress">
          <b>{burst.spawned}</b> of {burst.total} spawned · {burst.claimed} claimed
        </Text>
        {burst.startsAt ? (
          <Text size="xs" c="dimmed" data-testid="burst-starts-at">
            starts {momentText(burst.startsAt)}
          </Text>
        ) : burst.status === 'running' && burst.nextAt ? (
          <NextDrop at={burst.nextAt} />
        ) : null}
        {burst.status === 'elsewhere' ? (
          <Text size="xs" c="dimmed">
            on {burst.runnerHost ?? 'another desktop'}
          </Text>
        ) : null}
        {(burst.status === 'cancelled' || burst.status === 'discarded') && burst.updatedBy ? (
          <Text size="xs" c="dimmed" data-testid="burst-stopped-by">
            {statusLabel[burst.status]} by {burst.updatedBy.name}, {momentText(burst.updatedAt)}
          </Text>
        ) : null}
      </Group>
      {compact ? null : (
        <Text size="xs" c="dimmed" mt={4}>
          {formatAmount(burst.amountMin)}–{formatAmount(burst.amountMax)} {burst.currency} · {burst.spacing} spacing over {formatDuration(burst.windowSeconds * 1000)} · lives{' '}
          {formatDuration(burst.lifetimeSeconds * 1000)} · {burst.channelIds.map((id, i) => (
            <span key={id} title={channelHint(channels, id)} data-testid="drop-channel">
              {i ? ', ' : ''}
              {channelLabel(channels, id)}
            </span>
          ))} · {burst.startsAt ? 'scheduled' : 'started'} by {burst.createdBy.name}{' '}
          <RelativeTime value={burst.createdAt} size="xs" c="dimmed" />
        </Text>
      )}
      {burst.status === 'interrupted' ? (
        <Alert color="orange" variant="light" mt={8} p="xs">
          <Text size="xs">
            Aurora Desk was closed while this burst ran ({burst.runnerHost ?? 'unknown machine'}, last heard of{' '}
            {burst.heartbeatAt ? <RelativeTime value={burst.heartbeatAt} size="xs" /> : 'at an unknown time'}). It had spawned {burst.spawned} of {burst.total}.
            Resume sends the rest with their planned spacing; discard ends it (the drops already out stay up).
          </Text>
        </Alert>
      ) : null}
      {burst.lastError && burst.status === 'paused' ? (
        <Alert color="red" variant="light" mt={8} p="xs" data-testid="burst-error">
          <Text size="xs" style={{ whiteSpace: 'pre-wrap' }}>
            Paused by itself: {burst.lastError}
          </Text>
        </Alert>
      ) : null}
    </Box>
  );
}
