/** Every drop, newest first, with filters that say what is active. */
import { CopyDeskLink } from '@renderer/components/DeskPlaceActions';
import { Badge, Box, Button, Group, Select, Switch, Text, TextInput } from '@mantine/core';
import { IconFilterOff } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import type { LootdropStatus, LootdropView } from '@shared/domain/lootdrops';
import { Amount } from '@renderer/components/Amount';
import { EmptyState } from '@renderer/components/EmptyState';
import { ErrorState } from '@renderer/components/ErrorState';
import { RelativeTime } from '@renderer/components/RelativeTime';
import { Snowflake } from '@renderer/components/Snowflake';
import { useLootHistory, type HistoryFilters } from '../api';
import { channelHint, channelLabel, formatDuration } from '../format';
import classes from './lootdrops.module.css';

const statusColour: Record<LootdropStatus, string> = { active: 'teal', claimed: 'aurora', expired: 'gray', cancelled: 'yellow' };

interface FilterState {
  channelId: string | null;
  status: string | null;
  currency: string | null;
  claimedBy: string;
  from: string;
  to: string;
  fromDeskOnly: boolean;
}
const noFilters: FilterState = { channelId: null, status: null, currency: null, claimedBy: '', from: '', to: '', fromDeskOnly: false };

function toFilters(state: FilterState): HistoryFilters {
  return {
    ...(state.channelId ? { channelId: state.channelId } : {}),
    ...(state.status ? { status: state.status as LootdropStatus } : {}),
    ...(state.currency ? { currency: state.currency } : {}),
    ...(/^\d{15,20}$/.test(state.claimedBy.trim()) ? { claimedBy: state.claimedBy.trim() } : {}),
    ...(state.from ? { from: new Date(`${state.from}T00:00:00Z`) } : {}),
    ...(state.to ? { to: new Date(`${state.to}T00:00:00Z`) } : {}),
    ...(state.fromDeskOnly ? { fromDeskOnly: true } : {}),
  };
}

export function HistoryTab({ channels, currencies }: { channels: Map<string, string>; currencies: string[] }) {
  const [state, setState] = useState<FilterState>(noFilters);
  const filters = useMemo(() => toFilters(state), [state]);
  const history = useLootHistory(filters);
  const rows = history.data?.pages.flatMap((p) => p.rows) ?? [];
  const active = Object.keys(filters).length;
  const set = (patch: Partial<FilterState>) => setState((s) => ({ ...s, ...patch }));
  const channelData = [...channels.entries()].map(([value, name]) => ({ value, label: `#${name}` }));
  const claimedByInvalid = state.claimedBy.trim() !== '' && !/^\d{15,20}$/.test(state.claimedBy.trim());

  return (
    <Box>
      <Group gap="xs" mb="sm" wrap="wrap" data-testid="history-filters">
        <Select size="xs" w={170} placeholder="Any channel" data={channelData} value={state.channelId} onChange={(v) => set({ channelId: v })} clearable searchable />
        <Select
          size="xs"
          w={130}
          placeholder="Any status"
          data={[
            { value: 'active', label: 'Active' },
            { value: 'claimed', label: 'Claimed' },
            { value: 'expired', label: 'Expired' },
            { value: 'cancelled', label: 'Cancelled' },
          ]}
          value={state.status}
          onChange={(v) => set({ status: v })}
          clearable
        />
        <Select size="xs" w={120} placeholder="Any currency" data={currencies} value={state.currency} onChange={(v) => set({ currency: v })} clearable />
        <TextInput size="xs" w={190} placeholder="Claimed by (Discord ID)" value={state.claimedBy} onChange={(e) => set({ claimedBy: e.currentTarget.value })} error={claimedByInvalid || undefined} ff="monospace" />
        <TextInput size="xs" w={140} type="date" aria-label="From (UTC)" value={state.from} onChange={(e) => set({ from: e.currentTarget.value })} />
        <TextInput size="xs" w={140} type="date" aria-label="Until (UTC)" value={state.to} onChange={(e) => set({ to: e.currentTarget.value })} />
        <Switch size="xs" label="Spawned here" checked={state.fromDeskOnly} onChange={(e) => set({ fromDeskOnly: e.currentTarget.checked })} />
        {active ? (
          <Button size="compact-xs" variant="subtle" leftSection={<IconFilterOff size={12} />} onClick={() => setState(noFilters)}>
            Clear {active} filter{active === 1 ? '' : 's'}
          </Button>
        ) : null}
      </Group>
      <Box className={classes.section}>
        <div className={`${classes.row} ${classes.historyRow} ${classes.historyHead}`}>
          <span>Status</span>
          <span>Channel</span>
          <span>Reward</span>
          <span>Claimed by</span>
          <span>Speed</span>
          <span>Spawned</span>
          <span>Message ID</span>
        </div>
        {history.isError ? (
          <ErrorState compact error={history.error} onRetry={() => void history.refetch()} what="the history" />
        ) : history.isPending ? (
          <Text size="sm" c="dimmed" p="md">
            Loading…
          </Text>
        ) : rows.length === 0 ? (
          <EmptyState compact title={active ? 'No drop matches these filters' : 'No drops yet'}>
            {active ? 'Clear a filter to see more.' : 'Drops the bot or Aurora Desk spawn are listed here.'}
          </EmptyState>
        ) : (
          rows.map((drop) => <HistoryRow key={drop.messageId} drop={drop} channels={channels} />)
        )}
      </Box>
      {history.hasNextPage ? (
        <Group justify="center" mt="sm">
          <Button size="xs" variant="default" loading={history.isFetchingNextPage} onClick={() => void history.fetchNextPage()}>
            Load older drops
          </Button>
        </Group>
      ) : rows.length > 0 ? (
        <Text size="xs" c="dimmed" ta="center" mt="sm">
          {rows.length} drop{rows.length === 1 ? '' : 's'} · the oldest is shown
        </Text>
      ) : null}
    </Box>
  );
}

function HistoryRow({ drop, channels }: { drop: LootdropView; channels: Map<string, string> }) {
  return (
    <div className={`${classes.row} ${classes.historyRow}`} data-testid="history-row">
      <Badge size="sm" variant="light" color={statusColour[drop.status]}>
        {drop.status}
      </Badge>
      <Text size="sm" truncate="end" title={channelHint(channels, drop.channelId)} data-testid="drop-channel">
        {channelLabel(channels, drop.channelId)}
      </Text>
      <Amount value={drop.amount} currency={drop.currency} />
      <Text size="sm" truncate="end" c={drop.claimedBy === null ? 'dimmed' : undefined}>
        {drop.claimedBy === null ? (drop.cancelled ? `cancelled by ${drop.cancelled.by.name}` : '—') : (drop.claimerName ?? drop.claimedBy.toString())}
      </Text>
      <Text size="xs" c="dimmed">
        {drop.claimMs !== null ? formatDuration(drop.claimMs) : drop.claimedBy !== null ? 'unknown' : ''}
      </Text>
      <Group gap={4} wrap="nowrap">
        <RelativeTime value={drop.createdAt} size="xs" />
        {drop.spawnedBy ? (
          <Text size="xs" c="dimmed" truncate="end">
            · {drop.spawnedBy.name}
          </Text>
        ) : null}
      </Group>
      {/* Apart from the ID's own copy button: two small targets side by side are too easy to miss. */}
      <Group gap="md" wrap="nowrap">
        <Snowflake id={drop.messageId} kind="message ID" size="xs" />
        <CopyDeskLink place={{ kind: 'lootdrop', id: drop.messageId }} />
      </Group>
    </div>
  );
}
