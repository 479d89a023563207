/**
 * Moderation: queue tabs with counts and unread arrivals, the filter bar, the dense case list
 * and the detail panel beside it, all driven from the keyboard (j/k, Enter, r, n, c, e, d, x, b,
 * o, /, Esc; `?` lists them).
 */
import { Box, Button, Loader, Stack, Text } from '@mantine/core';
import { IconCheck, IconChecks, IconDownload, IconPlus, IconShieldHalf } from '@tabler/icons-react';
import { useCallback, useDeferredValue, useEffect, useMemo, useRef, useState } from 'react';
import type { CaseExport, CaseSummary, ModerationIndexStatus, ModerationQueue } from '@shared/domain/moderation';
import { EmptyState } from '../../components/EmptyState';
import { ErrorState } from '../../components/ErrorState';
import { KeyHint } from '../../components/KeyHint';
import { Page } from '../../components/Page';
import { PageHeader } from '../../components/PageHeader';
import { tabPanelProps } from '../../components/PageTabs';
import { downloadFile } from '../../lib/download';
import { useScreenKeys } from '../../lib/keys';
import { notifyInfo, notifySuccess, notifyWarning } from '../../lib/notify';
import { useIntent, usePaletteActions } from '../../lib/palette';
import { useRoute } from '../../lib/router';
import { useSystemStatus } from '../../lib/system-status';
import { useCaseCounts, useCaseDetail, useCaseWindow, useClaimCase, useDiscordStatus, useExportCases, useModerationIndexes, useReopenCase, useRetryDiscord, useUnclaimCase } from './api';
import { BulkResolveDialog } from './components/BulkResolveDialog';
import { CaseDetailPanel, type CaseAction } from './components/CaseDetailPanel';
import { CaseList } from './components/CaseList';
import { EditReasonDialog } from './components/EditReasonDialog';
import { activeFilterCount, emptyFilters, FilterBar, type FilterValues } from './components/FilterBar';
import { NewCasesBar } from './components/NewCasesBar';
import { NoteDialog } from './components/NoteDialog';
import { OpenCaseDialog } from './components/OpenCaseDialog';
import { QUEUE_TABS, queueLabels, QueueTabs } from './components/QueueTabs';
import { RaidPanel } from './components/RaidPanel';
import { ResolveDialog } from './components/ResolveDialog';
import { caseName, discordEntryText, discordOutcomeTitle, isOpen } from './components/describe-case';
import classes from './components/moderation.module.css';
import { toCaseFilters } from './filters';
import { useCaseArrivals } from './hooks/use-arrivals';
import { useCaseSelection } from './hooks/use-case-selection';
import { useHeldQueue } from './hooks/use-held-queue';
import { useRaid } from './hooks/use-raid';
import { useFollowSelection } from './hooks/use-follow-selection';
import { OPEN_CASE_INTENT } from './palette';

type Dialog = { kind: 'resolve' | 'note' | 'edit'; summary: CaseSummary } | { kind: 'bulk'; cases: CaseSummary[] } | { kind: 'open' } | null;

const emptyQueue = {
  active: ['No active cases', 'The queue is clear. New cases from the bot appear here as they happen.'],
  recent: ['No cases yet', 'Cases the bot records, and the ones you open here, are listed newest first.'],
  resolved: ['No resolved cases', 'Cases appear here once a moderator or the bot resolves them.'],
  mine: ['No claims of yours', 'Claim an active case (c) and it waits here until it is resolved.'],
} as const;

/**
 * What the header says when the queue's own indexes are missing (the role may not create
 * them). A missing pg_trgm is a property of the database: Settings → Connection reports it.
 */
function indexNotice(indexes: ModerationIndexStatus[] | undefined): string | null {
  const queue = (indexes ?? []).filter((i) => !i.present && !i.name.endsWith('_trgm')).length;
  if (queue === 0) return null;
  return `${queue} of the queue indexes ${queue === 1 ? 'is' : 'are'} missing (the role may not create them): lists and filters are slower.`;
}

/** The export as a CSV file named for the queue and the day; a cut-off export says so. */
function saveCaseExport(result: CaseExport, queue: ModerationQueue): void {
  downloadFile(`aurora-cases-${queue}-${new Date().toISOString().slice(0, 10)}.csv`, result.csv, 'text/csv;charset=utf-8');
  const title = `Exported ${result.rows.toLocaleString('en-US')} cases`;
  if (result.truncated) notifyInfo(title, result.message ?? undefined);
  else notifySuccess(title);
}

export function ModerationPage() {
  const selection = useCaseSelection();
  const { queue, openId, focusId, setFocusId } = selection;
  const [filterValues, setFilterValues] = useState<FilterValues>(emptyFilters);
  // Other screens link here filtered on one player: #/moderation/recent?target=<id>.
  const routeTarget = useRoute().search.get('target');
  useEffect(() => {
    if (routeTarget) setFilterValues((current) => ({ ...current, target: routeTarget }));
  }, [routeTarget]);
  const filters = useMemo(() => toCaseFilters(filterValues), [filterValues]);
  const [checked, setChecked] = useState<ReadonlySet<bigint>>(new Set());
  const [dialog, setDialog] = useState<Dialog>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  const [focusRequest, setFocusRequest] = useState(0);

  const status = useSystemStatus();
  const me = status.data?.identity ?? null;
  const list = useCaseWindow(queue, filters);
  const counts = useCaseCounts(queue, filters);
  // The type filter counts every type under the other filters: choosing one leaves the others' counts.
  const typeCounts = useCaseCounts(queue, useMemo(() => ({ ...filters, types: [] }), [filters]));
  const detail = useCaseDetail(openId);
  const discord = useDiscordStatus();
  const indexes = useModerationIndexes();
  const exporter = useExportCases();
  const exportQueue = () => exporter.mutate({ queue, filters }, { onSuccess: (result) => saveCaseExport(result, queue) });
  const raid = useRaid();
  const { unread, fresh } = useCaseArrivals(queue, { onArrivals: raid.onArrivals });
  const claim = useClaimCase();
  const unclaim = useUnclaimCase();
  const reopen = useReopenCase();
  const retryDiscord = useRetryDiscord();

  // A moderator reading down the queue keeps their rows; arrivals above wait behind "N new cases — show".
  const listPane = useRef<HTMLDivElement>(null);
  const held = useHeldQueue(list.cases, queue, JSON.stringify(filterValues), listPane);
  // Rows from a live refetch render in a transition React can interrupt: a raid's refetches
  // never hold a frame for a whole list render.
  const cases = useDeferredValue(held.cases);
  const focusIndex = focusId === null ? -1 : cases.findIndex((c) => c.id === focusId);
  const markResolved = useFollowSelection({
    cases,
    scope: `${queue}|${JSON.stringify(filterValues)}`,
    settled: !list.isPlaceholderData,
    focusId,
    openId,
    setFocusId,
    open: selection.open,
    refocus: () => setFocusRequest((n) => n + 1),
  });
  // The open case is not among the rows (resolved, another queue, filtered out): the detail says so.
  const oldestLoaded = cases.at(-1)?.createdAt ?? null;
  const openSummary = openId !== null ? detail.data?.summary : undefined;
  const notInView =
    openSummary !== undefined && !list.isPlaceholderData && !list.isLoading && !cases.some((c) => c.id === openSummary.id) && (!list.hasMore || (openSummary.createdAt !== null && oldestLoaded !== null && openSummary.createdAt >= oldestLoaded));
  // Actions apply to the open case; with none open, to the focused row.
  const target: CaseSummary | undefined = (openId !== null ? detail.data?.summary : undefined) ?? cases[focusIndex];

  const move = (step: number) => {
    if (cases.length === 0) return;
    const next = cases[Math.min(cases.length - 1, Math.max(0, (focusIndex < 0 ? (step > 0 ? -1 : cases.length) : focusIndex) + step))]!;
    selection.setFocusId(next.id);
    setFocusRequest((n) => n + 1);
    if (openId !== null) selection.open(next.id);
  };
  const toggle = useCallback((id: bigint) => {
    setChecked((set) => {
      const next = new Set(set);
      if (!next.delete(id)) next.add(id);
      return next;
    });
  }, []);
  const { open } = selection;
  const select = useCallback((id: bigint) => open(id), [open]);

  const act = (action: CaseAction) => {
    if (!target) return;
    if (action === 'resolve') return target.active ? setDialog({ kind: 'resolve', summary: target }) : notifyInfo(`${target.caseId} is already resolved`);
    if (action === 'note') return setDialog({ kind: 'note', summary: target });
    if (action === 'edit') return openId === target.id && detail.data ? setDialog({ kind: 'edit', summary: target }) : selection.open(target.id);
    if (action === 'reopen') {
      if (!target.active) reopen.mutate({ id: target.id, expected: target.seen });
      return;
    }
    if (!target.active) return notifyInfo(`${target.caseId} is resolved: only active cases are claimed`);
    const mine = target.claim !== null && me !== null && target.claim.by.id === me.id;
    if (mine) unclaim.mutate({ id: target.id, expected: target.seen });
    else claim.mutate({ id: target.id, expected: target.seen });
  };
  /** Asks Discord again for an action of the case whose outcome is unknown (the first, with d). */
  const retryOnDiscord = (key?: string) => {
    if (!target) return;
    const pending = key ?? target.discordPending[0]?.key;
    if (!pending) return notifyInfo(`${target.caseId} has no Discord action to ask again (none unknown or refused)`);
    if (!discord.data?.configured) return notifyInfo('Discord is not configured', discord.data?.reason ?? undefined);
    retryDiscord.mutate(
      { id: target.id, key: pending },
      {
        onSuccess(result) {
          const outcome = result.discord;
          if (outcome?.ok) notifySuccess(outcome.action ? `Discord: ${discordEntryText(outcome.action, true)}` : 'Discord: carried out', `${target.caseId}`);
          else if (outcome) notifyWarning(discordOutcomeTitle(outcome), outcome.message ?? undefined);
        },
      },
    );
  };
  const checkedCases = cases.filter((c) => checked.has(c.id) && c.active);
  const bulk = () => checkedCases.length > 0 && setDialog({ kind: 'bulk', cases: checkedCases });

  useScreenKeys('Case queue', [
    { keys: 'j', label: 'Next case', run: () => move(1) },
    { keys: 'k', label: 'Previous case', run: () => move(-1) },
    { keys: 'arrowdown', label: 'Next case', run: () => move(1) },
    { keys: 'arrowup', label: 'Previous case', run: () => move(-1) },
    { keys: 'enter', label: 'Open the focused case', run: () => focusId !== null && selection.open(focusId) },
    { keys: 'escape', label: 'Close the case', run: () => selection.open(null) },
    { keys: 'r', label: 'Resolve…', run: () => act('resolve') },
    { keys: 'shift+r', label: 'Reopen a resolved case', run: () => act('reopen') },
    { keys: 'n', label: 'Add a note…', run: () => act('note') },
    { keys: 'c', label: 'Claim / unclaim', run: () => act('claim') },
    { keys: 'e', label: 'Edit the reason…', run: () => act('edit') },
    { keys: 'd', label: 'Retry on Discord (outcome unknown)', run: () => retryOnDiscord() },
    { keys: 'x', label: 'Select for bulk resolve', run: () => focusId !== null && toggle(focusId) },
    { keys: 'b', label: 'Bulk resolve the selected…', run: bulk },
    { keys: 'o', label: 'Open a new case…', run: () => setDialog({ kind: 'open' }) },
    { keys: '/', label: 'Search reasons', run: () => searchRef.current?.focus() },
    { keys: '1', label: 'Active queue', run: () => selection.setQueue('active') },
    { keys: '2', label: 'Recent queue', run: () => selection.setQueue('recent') },
    { keys: '3', label: 'Resolved queue', run: () => selection.setQueue('resolved') },
    { keys: '4', label: 'My cases', run: () => selection.setQueue('mine') },
  ]);

  // "Open case" is a palette action everywhere (features/moderation/palette.tsx): it comes here.
  useIntent(OPEN_CASE_INTENT, () => setDialog({ kind: 'open' }));
  usePaletteActions([
    ...(target && isOpen(target)
      ? [{ id: 'moderation-resolve', group: 'Moderation', label: `Resolve ${caseName(target)}…`, description: target.reasonExcerpt ?? undefined, icon: <IconCheck size={16} />, keys: 'r', keywords: ['resolve', 'close', 'done'], run: () => act('resolve') }]
      : []),
    { id: 'moderation-export', group: 'Moderation', label: `Export the ${queueLabels[queue]} queue as CSV`, icon: <IconDownload size={16} />, keywords: ['csv', 'download'], run: exportQueue },
  ]);

  const slowNotice = indexNotice(indexes.data);
  const [emptyTitle, emptyText] = emptyQueue[queue];
  const placeholder = list.error ? (
    <ErrorState error={list.error} onRetry={() => void list.refetch()} what={`the ${queueLabels[queue]} queue`} compact />
  ) : list.isLoading ? (
    <Stack align="center" py="xl">
      <Loader size="sm" />
    </Stack>
  ) : cases.length === 0 ? (
    activeFilterCount(filterValues) > 0 ? (
      <EmptyState compact icon={<IconShieldHalf size={18} />} title="No cases match these filters" action={<Button variant="default" onClick={() => setFilterValues(emptyFilters)}>Clear filters</Button>} />
    ) : (
      <EmptyState compact icon={<IconShieldHalf size={18} />} title={emptyTitle}>
        {emptyText}
      </EmptyState>
    )
  ) : undefined;

  return (
    <Page testId="moderation-page">
      <PageHeader
        title="Moderation"
        icon={IconShieldHalf}
        description={
          slowNotice ?? "Triage the bot's moderation cases: claim, resolve and annotate, live."
        }
        actions={
          <>
            {checkedCases.length > 0 ? (
              <Button color="teal" variant="light" leftSection={<IconChecks size={14} />} rightSection={<KeyHint keys="b" />} onClick={bulk} data-testid="bulk-resolve">
                Resolve {checkedCases.length} selected
              </Button>
            ) : null}
            <Button leftSection={<IconPlus size={14} />} rightSection={<KeyHint keys="o" />} onClick={() => setDialog({ kind: 'open' })} data-testid="open-case">
              Open case
            </Button>
          </>
        }
      >
        <QueueTabs queue={queue} counts={counts.data} unread={unread} onChange={selection.setQueue} />
      </PageHeader>
      <Box px="md" style={{ borderBottom: '1px solid var(--desk-border)' }}>
        <FilterBar ref={searchRef} value={filterValues} typeCounts={typeCounts.data?.types ?? []} onChange={setFilterValues} onExport={exportQueue} exporting={exporter.isPending} />
      </Box>
      <div className={classes.split}>
        <div ref={listPane} className={classes.listPane} {...tabPanelProps(QUEUE_TABS, queue)}>
          <RaidPanel raid={raid.raid} onResolve={(group) => setDialog({ kind: 'bulk', cases: group })} onDismiss={raid.dismiss} />
          <NewCasesBar waiting={held.waiting} onShow={held.show} />
          <CaseList
            cases={cases}
            selectedId={focusId}
            checked={checked}
            fresh={fresh}
            hasMore={list.hasMore}
            loadingMore={list.loadingMore}
            onLoadMore={() => void list.loadMore()}
            onSelect={select}
            onToggle={toggle}
            placeholder={placeholder}
            label={`${queueLabels[queue]} cases`}
            total={list.hasMore ? (counts.data?.queues[queue] ?? null) : cases.length}
            focusRequest={focusRequest}
          />
          {cases.length > 0 ? (
            <Text size="xs" c="dimmed" px="md" py={4} style={{ borderTop: '1px solid var(--desk-border)' }}>
              {cases.length.toLocaleString('en-US')} shown{list.hasMore ? ' · scroll for older' : ''}
              {checked.size > 0 ? ` · ${checked.size} selected (x toggles, b resolves)` : ''}
            </Text>
          ) : null}
        </div>
        {openId !== null ? (
        <div className={classes.detailPane}>
          <CaseDetailPanel
            notInView={notInView ? queueLabels[queue] : null}
            detail={openId !== null ? detail.data : undefined}
            isLoading={openId !== null && detail.isLoading}
            error={openId !== null ? detail.error : null}
            onRetry={() => void detail.refetch()}
            me={me}
            onAction={act}
            onOpenCase={(id) => selection.open(id)}
            onClose={() => selection.open(null)}
            busy={claim.isPending || unclaim.isPending || reopen.isPending}
            discord={discord.data}
            onRetryDiscord={retryOnDiscord}
            retryingDiscord={retryDiscord.isPending}
          />
        </div>
        ) : null}
      </div>
      <ResolveDialog summary={dialog?.kind === 'resolve' ? dialog.summary : null} discord={discord.data} onClose={() => setDialog(null)} onResolved={(id) => markResolved([id])} />
      <NoteDialog summary={dialog?.kind === 'note' ? dialog.summary : null} onClose={() => setDialog(null)} />
      <EditReasonDialog summary={dialog?.kind === 'edit' ? dialog.summary : null} reason={dialog?.kind === 'edit' ? (detail.data?.reason ?? null) : null} onClose={() => setDialog(null)} />
      <BulkResolveDialog cases={dialog?.kind === 'bulk' ? dialog.cases : null} discord={discord.data} onClose={() => setDialog(null)} onDone={(ids) => {
          markResolved(ids);
          setChecked(new Set());
        }} />
      <OpenCaseDialog
        opened={dialog?.kind === 'open'}
        discord={discord.data}
        onClose={() => setDialog(null)}
        onOpened={(summary) => {
          setDialog(null);
          selection.open(summary.id);
        }}
      />
    </Page>
  );
}
