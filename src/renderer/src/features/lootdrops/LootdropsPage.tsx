/**
 * Lootdrops: the spawn form on the left and the live board on the right; history, stats and
 * event bursts in their own tabs (#/lootdrops?tab=…). Keys: n new drop, Ctrl+Enter spawn,
 * j/k move through the active drops, x cancel the focused one, b/h/s/u switch tabs.
 */
import { PopOutButton } from '@renderer/components/DeskPlaceActions';
import { Badge, Box, Loader, Text } from '@mantine/core';
import { IconChartBar, IconGift, IconHistory, IconLayoutBoard, IconRocket } from '@tabler/icons-react';
import { useMemo, useRef, useState } from 'react';
import type { LootdropView } from '@shared/domain/lootdrops';
import { ErrorState } from '../../components/ErrorState';
import { KeyHint } from '../../components/KeyHint';
import { Page } from '../../components/Page';
import { PageHeader } from '../../components/PageHeader';
import { PageTabs, tabPanelProps } from '../../components/PageTabs';
import { useScreenKeys } from '../../lib/keys';
import { useIntent } from '../../lib/palette';
import { navigate, useRoute } from '../../lib/router';
import { useBursts, useChannelNames, useLootBoard, useLootSettings } from './api';
import { useBoardAsOfNow } from './hooks/use-board-now';
import { BurstForm } from './components/BurstForm';
import { BurstList } from './components/BurstList';
import { CancelDropDialog } from './components/CancelDropDialog';
import { DiscordMissing } from './components/DiscordMissing';
import { HistoryTab } from './components/HistoryTab';
import { LootBoard } from './components/LootBoard';
import classes from './components/lootdrops.module.css';
import { SpawnForm, type SpawnFormHandle } from './components/SpawnForm';
import { StatsTab } from './components/StatsTab';
import { channelLabel } from './format';
import { SPAWN_DROP_INTENT } from './palette';

const tabs = [
  { value: 'board', label: 'Board', icon: IconLayoutBoard, key: 'b' },
  { value: 'history', label: 'History', icon: IconHistory, key: 'h' },
  { value: 'stats', label: 'Stats', icon: IconChartBar, key: 's' },
  { value: 'bursts', label: 'Bursts', icon: IconRocket, key: 'u' },
] as const;
type Tab = (typeof tabs)[number]['value'];

const LIVE_BURSTS = new Set(['running', 'paused', 'interrupted', 'elsewhere']);

export function LootdropsPage() {
  const route = useRoute();
  const tab: Tab = tabs.find((t) => t.value === route.search.get('tab'))?.value ?? 'board';
  const setTab = (value: Tab) => navigate({ area: 'lootdrops', search: { tab: value } }, { replace: true });

  const settings = useLootSettings();
  const discordConfigured = settings.data?.discord.configured === true;
  const read = useLootBoard();
  const board = useBoardAsOfNow(read);
  const bursts = useBursts();
  const boardChannelIds = useMemo(
    () => (board.data ? [...board.data.active, ...board.data.claimed, ...board.data.expired, ...board.data.posts].map((d) => d.channelId) : []),
    [board.data],
  );
  const channels = useChannelNames(discordConfigured, boardChannelIds);
  const formRef = useRef<SpawnFormHandle>(null);
  // A desk link to a drop (#/lootdrops?drop=…) opens the board with that drop focused.
  const [focusedId, setFocusedId] = useState<string | null>(() => route.search.get('drop'));
  const [cancelling, setCancelling] = useState<LootdropView | null>(null);

  const active = board.data?.active ?? [];
  const focusIndex = active.findIndex((d) => d.messageId === focusedId);
  const move = (step: number) => {
    if (!active.length) return;
    const next = focusIndex < 0 ? (step > 0 ? 0 : active.length - 1) : Math.min(active.length - 1, Math.max(0, focusIndex + step));
    setFocusedId(active[next]!.messageId);
  };
  const liveBursts = (bursts.data ?? []).filter((b) => LIVE_BURSTS.has(b.status));

  useIntent(SPAWN_DROP_INTENT, () => setTimeout(() => formRef.current?.focus(), 0));
  useScreenKeys('Lootdrops', [
    ...tabs.map((t) => ({ keys: t.key, label: `${t.label} tab`, run: () => setTab(t.value) })),
    {
      keys: 'n',
      label: 'New drop: to the amount field',
      run: () => {
        setTab('board');
        setTimeout(() => formRef.current?.focus(), 0);
      },
    },
    { keys: 'mod+enter', label: 'Spawn the drop in the form', run: () => formRef.current?.submit(), inInputs: true },
    { keys: 'j', label: 'Next active drop', run: () => move(1) },
    { keys: 'k', label: 'Previous active drop', run: () => move(-1) },
    { keys: 'arrowdown', label: 'Next active drop', run: () => move(1) },
    { keys: 'arrowup', label: 'Previous active drop', run: () => move(-1) },
    { keys: 'x', label: 'Cancel the focused drop…', run: () => focusIndex >= 0 && setCancelling(active[focusIndex]!) },
  ]);

  const discordPanel = settings.isPending ? (
    <Loader size="sm" />
  ) : settings.isError ? (
    <ErrorState compact error={settings.error} onRetry={() => void settings.refetch()} what="the Discord settings" />
  ) : !settings.data.discord.configured ? (
    <DiscordMissing reason={settings.data.discord.reason} />
  ) : null;

  const offsetMs = board.data ? board.data.now.getTime() - board.dataUpdatedAt : 0;
  const boardBody = board.isError ? (
    <ErrorState error={board.error} onRetry={() => void board.refetch()} what="the lootdrop board" />
  ) : !board.data ? (
    <Loader size="sm" />
  ) : (
    <LootBoard
      board={board.data}
      offsetMs={offsetMs}
      channels={channels}
      discordConfigured={discordConfigured}
      focusedId={focusedId}
      onFocus={setFocusedId}
      onCancel={setCancelling}
    />
  );

  return (
    <Page testId="lootdrops-page">
      <PageHeader
        title="Lootdrops"
        description="Spawn drops into Discord channels and watch them get claimed, live."
        icon={IconGift}
        actions={<PopOutButton place={{ kind: 'board' }} />}
      >
        <PageTabs
          tabs={tabs}
          value={tab}
          onChange={setTab}
          testId="lootdrops-tab"
          rightSection={({ value, key }) =>
            value === 'board' && board.data ? (
              <Badge size="sm" variant="light" color="teal">
                {board.data.counts.active}
              </Badge>
            ) : value === 'bursts' && liveBursts.length ? (
              <Badge size="sm" variant="light" color="yellow">
                {liveBursts.length}
              </Badge>
            ) : (
              <KeyHint keys={key} />
            )
          }
        />
      </PageHeader>

      {tab === 'board' ? (
        <div className={classes.split} {...tabPanelProps('lootdrops-tab', tab)}>
          <aside className={classes.formPane}>
            <Text size="xs" c="dimmed" tt="uppercase" mb="sm" style={{ letterSpacing: 0.4 }}>
              Spawn a drop
            </Text>
            {discordPanel ?? (settings.data ? <SpawnForm ref={formRef} settings={settings.data} onSpawned={setFocusedId} /> : null)}
          </aside>
          <section className={classes.boardPane}>
            {liveBursts.length ? (
              <Box mb="md">
                <BurstList bursts={liveBursts} channels={channels} compact />
              </Box>
            ) : null}
            {boardBody}
          </section>
        </div>
      ) : tab === 'bursts' ? (
        <div className={classes.split} {...tabPanelProps('lootdrops-tab', tab)}>
          <aside className={classes.formPane}>
            <Text size="xs" c="dimmed" tt="uppercase" mb="sm" style={{ letterSpacing: 0.4 }}>
              Plan a burst
            </Text>
            {discordPanel ?? (settings.data ? <BurstForm settings={settings.data} /> : null)}
          </aside>
          <section className={classes.boardPane}>
            {bursts.isError ? (
              <ErrorState error={bursts.error} onRetry={() => void bursts.refetch()} what="the bursts" />
            ) : bursts.data && bursts.data.length === 0 ? (
              <Text size="sm" c="dimmed">
                No bursts yet. A burst spawns many drops over a time window across the channels you choose; it keeps running if this window reloads.
              </Text>
            ) : (
              <BurstList bursts={bursts.data ?? []} channels={channels} />
            )}
          </section>
        </div>
      ) : (
        <Box p="md" style={{ flex: 1, minHeight: 0, overflow: 'auto' }} {...tabPanelProps('lootdrops-tab', tab)}>
          {tab === 'history' ? <HistoryTab channels={channels} currencies={settings.data?.currencies ?? []} /> : <StatsTab channels={channels} />}
        </Box>
      )}

      <CancelDropDialog
        drop={cancelling}
        channel={cancelling ? channelLabel(channels, cancelling.channelId) : ''}
        discordConfigured={discordConfigured}
        onClose={() => setCancelling(null)}
      />
    </Page>
  );
}
