/**
 * The live board: active drops with countdowns (and a cancel button), the latest claims (who,
 * how fast, where measured) and the drops that ended unclaimed. Rows that arrive live flash.
 */
import { CopyDeskLink } from '@renderer/components/DeskPlaceActions';
import { ActionIcon, Badge, Box, Group, Progress, Text, Tooltip } from '@mantine/core';
import { IconClockOff, IconHandGrab, IconHourglass, IconX } from '@tabler/icons-react';
import { useEffect } from 'react';
import type { LootdropBoard, LootdropView } from '@shared/domain/lootdrops';
import { Amount } from '@renderer/components/Amount';
import { EmptyState } from '@renderer/components/EmptyState';
import { KeyHint } from '@renderer/components/KeyHint';
import { RelativeTime } from '@renderer/components/RelativeTime';
import { useDiscordUsers } from '../api';
import { channelHint, channelLabel, formatCountdown, formatDuration } from '../format';
import { useFreshIds } from '../hooks/use-fresh-ids';
import { announceCount } from '@renderer/lib/announcer';
import { useSecondTicker } from '@renderer/lib/clock';
import { Claimer } from './Claimer';
import { PostRows } from './PostRows';
import classes from './lootdrops.module.css';

export interface LootBoardProps {
  board: LootdropBoard;
  /** This window's clock minus the main process' (countdowns run on the main's). */
  offsetMs: number;
  channels: Map<string, string>;
  discordConfigured: boolean;
  focusedId: string | null;
  onFocus(messageId: string): void;
  onCancel(drop: LootdropView): void;
}

export function LootBoard({ board, offsetMs, channels, discordConfigured, focusedId, onFocus, onCancel }: LootBoardProps) {
  const fresh = useFreshIds([...board.active, ...board.claimed, ...board.expired].map((d) => `${d.messageId}:${d.status}`));
  const users = useDiscordUsers(
    board.claimed.map((d) => d.claimedBy!).filter(Boolean),
    discordConfigured,
  );
  const isFresh = (drop: LootdropView) => fresh.has(`${drop.messageId}:${drop.status}`);
  // Claims that just came in are told once per batch ("3 drops claimed"), not per row.
  const freshClaims = board.claimed.filter(isFresh).length;
  useEffect(() => announceCount(freshClaims, 'drop claimed', 'drops claimed'), [fresh]); // eslint-disable-line react-hooks/exhaustive-deps

  return (
    <Box style={{ display: 'flex', flexDirection: 'column', gap: 'var(--mantine-spacing-md)' }}>
      <Box className={classes.section} data-testid="board-active">
        <div className={classes.sectionHead}>
          <Group gap={6}>
            <IconHourglass size={14} />
            <span>Active</span>
            <Badge size="sm" variant="light" color="teal">
              {board.counts.active}
            </Badge>
          </Group>
          <Group gap={4} style={{ textTransform: 'none', letterSpacing: 0 }}>
            <KeyHint keys="j" />
            <KeyHint keys="k" />
            <span>move</span>
            <KeyHint keys="x" />
            <span>cancel</span>
          </Group>
        </div>
        <PostRows posts={board.posts} channels={channels} offsetMs={offsetMs} />
        {board.active.length === 0 && board.posts.length === 0 ? (
          <EmptyState compact title="No drops are up">
            Spawn one with the form on the left; it shows here with its countdown until someone claims it.
          </EmptyState>
        ) : (
          board.active.map((drop) => (
            <ActiveRow
              key={drop.messageId}
              drop={drop}
              offsetMs={offsetMs}
              channel={channelLabel(channels, drop.channelId)}
              channelHint={channelHint(channels, drop.channelId)}
              fresh={isFresh(drop)}
              focused={focusedId === drop.messageId}
              onFocus={() => onFocus(drop.messageId)}
              onCancel={() => onCancel(drop)}
            />
          ))
        )}
      </Box>

      <div className={classes.columns}>
        <Box className={classes.section} data-testid="board-claimed">
          <div className={classes.sectionHead}>
            <Group gap={6}>
              <IconHandGrab size={14} />
              <span>Recently claimed</span>
              <Badge size="sm" variant="light">
                {board.counts.claimedLastDay} in 24 h
              </Badge>
            </Group>
            {!board.claimTimesRecorded ? (
              <Tooltip multiline w={280} label="The bot's table has no claim time, and Aurora Desk's claim recorder is not installed on this database, so time to claim cannot be measured.">
                <span>claim times not recorded</span>
              </Tooltip>
            ) : null}
          </div>
          {board.claimed.length === 0 ? (
            <EmptyState compact title="No claims yet">
              Claims the bot records appear here as they happen.
            </EmptyState>
          ) : (
            board.claimed.map((drop) => (
              <div key={drop.messageId} className={`${classes.row} ${classes.claimedRow} ${isFresh(drop) ? classes.fresh : ''}`} data-testid="claimed-row" data-message-id={drop.messageId}>
                <Claimer id={drop.claimedBy!} name={drop.claimerName} user={users.get(String(drop.claimedBy))} />
                <Amount value={drop.amount} currency={drop.currency} />
                <Text size="xs" c="dimmed" truncate="end" title={channelHint(channels, drop.channelId)} data-testid="drop-channel">
                  {channelLabel(channels, drop.channelId)}
                </Text>
                <ClaimSpeed drop={drop} />
                <RelativeTime value={drop.claimedAt ?? drop.createdAt} size="xs" c="dimmed" />
              </div>
            ))
          )}
        </Box>

        <Box className={classes.section} data-testid="board-expired">
          <div className={classes.sectionHead}>
            <Group gap={6}>
              <IconClockOff size={14} />
              <span>Ended unclaimed</span>
              <Badge size="sm" variant="light" color="gray">
                {board.counts.expiredLastDay} in 24 h
              </Badge>
            </Group>
          </div>
          {board.expired.length === 0 ? (
            <EmptyState compact title="Nothing expired">
              Drops nobody claimed in time, and the ones staff cancelled, are listed here.
            </EmptyState>
          ) : (
            board.expired.map((drop) => (
              <div key={drop.messageId} className={`${classes.row} ${classes.expiredRow} ${isFresh(drop) ? classes.fresh : ''}`} data-testid="expired-row" data-message-id={drop.messageId}>
                <Text size="sm" truncate="end" title={channelHint(channels, drop.channelId)} data-testid="drop-channel">
                  {channelLabel(channels, drop.channelId)}
                </Text>
                <Amount value={drop.amount} currency={drop.currency} />
                {drop.cancelled ? (
                  <Tooltip label={`Message ${drop.cancelled.messageAction === 'deleted' ? 'deleted' : drop.cancelled.messageAction === 'edited' ? 'edited' : 'unchanged'} on Discord`}>
                    <Text size="xs" c="var(--mantine-color-orange-text)" truncate="end">
                      Cancelled by {drop.cancelled.by.name}
                    </Text>
                  </Tooltip>
                ) : (
                  <Text size="xs" c="dimmed">
                    Expired unclaimed
                  </Text>
                )}
                <RelativeTime value={drop.expiresAt} size="xs" c="dimmed" />
              </div>
            ))
          )}
        </Box>
      </div>
    </Box>
  );
}

function ClaimSpeed({ drop }: { drop: LootdropView }) {
  if (drop.claimMs === null) {
    return (
      <Tooltip multiline w={260} label="Claimed before Aurora Desk started noting claim times (or on a database where it cannot): the bot records no claim time.">
        <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
          not timed
        </Text>
      </Tooltip>
    );
  }
  return (
    <Tooltip label="From the drop's spawn to the moment the bot recorded the claim">
      <Text size="xs" c={drop.claimMs < 10_000 ? 'teal' : undefined} style={{ fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' }}>
        in {formatDuration(drop.claimMs)}
      </Text>
    </Tooltip>
  );
}

interface ActiveRowProps {
  drop: LootdropView;
  offsetMs: number;
  channel: string;
  channelHint?: string;
  fresh: boolean;
  focused: boolean;
  onFocus(): void;
  onCancel(): void;
}

function ActiveRow({ drop, offsetMs, channel, channelHint: hint, fresh, focused, onFocus, onCancel }: ActiveRowProps) {
  const now = useSecondTicker() + offsetMs;
  const span = drop.expiresAt ? drop.expiresAt.getTime() - drop.createdAt.getTime() : null;
  // Never more than the drop's lifetime, whatever the estimated clock offset to the database.
  const left = drop.expiresAt && span !== null ? Math.min(drop.expiresAt.getTime() - now, span) : null;
  const share = left !== null && span ? Math.max(0, Math.min(100, (left / span) * 100)) : 100;
  const urgent = left !== null && left < 30_000;
  return (
    <div
      className={`${classes.row} ${classes.activeRow} ${fresh ? classes.fresh : ''}`}
      data-focused={focused || undefined}
      data-testid="active-row"
      data-message-id={drop.messageId}
      onClick={onFocus}
    >
      <Text size="sm" truncate="end" fw={500} title={hint} data-testid="drop-channel">
        {channel}
      </Text>
      <Amount value={drop.amount} currency={drop.currency} fw={600} />
      <Group gap={8} wrap="nowrap">
        <Text size="sm" className={classes.countdown} c={urgent ? 'orange' : undefined} w={56} data-testid="countdown">
          {left === null ? '∞' : formatCountdown(left)}
        </Text>
        <Progress value={share} size="sm" color={urgent ? 'orange' : 'teal'} style={{ flex: 1 }} aria-label="Time left" />
      </Group>
      <Text size="xs" c="dimmed" truncate="end">
        {drop.spawnedBy ? `by ${drop.spawnedBy.name}${drop.burstId !== null ? ' (burst)' : ''}` : 'by the bot'}
      </Text>
      <Group justify="flex-end" gap={2} wrap="nowrap">
        <CopyDeskLink place={{ kind: 'lootdrop', id: drop.messageId }} />
        <Tooltip label="Cancel this drop…">
          <ActionIcon
            variant="subtle"
            color="red"
            size="sm"
            onClick={(event) => {
              event.stopPropagation();
              onCancel();
            }}
            aria-label={`Cancel the drop in ${channel}`}
            data-testid="cancel-drop"
          >
            <IconX size={14} />
          </ActionIcon>
        </Tooltip>
      </Group>
    </div>
  );
}
