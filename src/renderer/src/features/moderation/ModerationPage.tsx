/**
 * Moderation: queue tabs with counts and unread arrivals, the filter bar, the dense case list
 * and the detail panel beside it, all driven from the keyboard (j/k, Enter, r, n, c, e, d, x, b,
 * o, /, Esc; `?` lists them).
 */
import { Box, Button, Loader, Stack, Text } from '@mantine/core';
import { IconChecks, IconDownload, IconPlus, IconShieldHalf } from '@tabler/icons-react';
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
import { usePaletteActions } from '../../lib/palette';
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
import { discordEntryText, discordOutcomeTitle } from './components/describe-case';
import classes from './components/moderation.module.css';
import { toCaseFilters } from './filters';
import { useCaseArrivals } from './hooks/use-arrivals';
import { useCaseSelection } from './hooks/use-case-selection';
import { useHeldQueue } from './hooks/use-held-queue';
import { useRaid } from './hooks/use-raid';

type Dialog = { kind: 'resolve' | 'note' | 'edit'; summary: CaseSummary } | { kind: 'bulk'; cases: CaseSummary[] } | { kind: 'open' } | null;

const emptyQueue = {
  active: ['No active cases', 'The queue is clear. New cases from the bot appear here as they happen.'],
  recent: ['No cases yet', 'Cases the bot records, and the ones you open here, are listed newest first.'],
  resolved: ['No resolved cases', 'Cases appear here once a moderator or the bot resolves them.'],
  mine: ['Nothing of yours', 'Cases you open, claim (c) or resolve (r) are collected here.'],
} as const;

/**
 * What the header says when indexes are missing, by what gets slower: the trigram indexes need
 * pg_trgm (absent on PGlite, or a role without CREATE on the database), the others ownership.
 */
function indexNotice(indexes: ModerationIndexStatus[] | undefined): string | null {
  const missing = (indexes ?? []).filter((i) => !i.present).map((i) => i.name);
  if (missing.length === 0) return null;
  const reason = missing.includes('aurora_desk_mod_cases_reason_trgm');
  const username = missing.includes('aurora_desk_mod_cases_username_trgm');
  const queue = missing.filter((name) => !name.endsWith('_trgm')).length;
  const parts: string[] = [];
  if (reason || username) {
    const what = reason && username ? 'Reason and username searches scan' : reason ? 'Reason search scans' : 'Username search scans';
    parts.push(`${what} every case: pg_trgm is not available on this database (or this role may not create it).`);
  }
  if (queue) parts.push(`${queue} of the queue indexes ${queue === 1 ? 'is' : 'are'} missing (the role may not create them): lists and filters are slower.`);
  return parts.join(' ');
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
  // The focused case left the queue (resolved, here or by a colleague): the selection and the
  // keyboard focus go to the case that took its place, not back to the top of the page.
  const lastFocusIndex = useRef(-1);
  useEffect(() => {
    if (focusIndex >= 0) {
      lastFocusIndex.current = focusIndex;
      return;
    }
    const index = lastFocusIndex.current;
    if (focusId === null || index < 0 || cases.length === 0) return;
    setFocusId(cases[Math.min(index, cases.length - 1)]!.id);
    if (document.activeElement === document.body) setFocusRequest((n) => n + 1);
  }, [cases, focusId, focusIndex, setFocusId]);
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

  usePaletteActions([
    { id: 'moderation-open-case', group: 'Moderation', label: 'Open a new moderation case', icon: <IconPlus size={16} />, keys: 'o', keywords: ['warn', 'ban', 'kick', 'timeout'], run: () => setDialog({ kind: 'open' }) },
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
        <FilterBar ref={searchRef} value={filterValues} typeCounts={counts.data?.types ?? []} onChange={setFilterValues} onExport={exportQueue} exporting={exporter.isPending} />
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
        <div className={classes.detailPane}>
          <CaseDetailPanel
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
      </div>
      <ResolveDialog summary={dialog?.kind === 'resolve' ? dialog.summary : null} discord={discord.data} onClose={() => setDialog(null)} />
      <NoteDialog summary={dialog?.kind === 'note' ? dialog.summary : null} onClose={() => setDialog(null)} />
      <EditReasonDialog summary={dialog?.kind === 'edit' ? dialog.summary : null} reason={dialog?.kind === 'edit' ? (detail.data?.reason ?? null) : null} onClose={() => setDialog(null)} />
      <BulkResolveDialog cases={dialog?.kind === 'bulk' ? dialog.cases : null} discord={discord.data} onClose={() => setDialog(null)} onDone={() => setChecked(new Set())} />
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
