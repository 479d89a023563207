/**
 * The search box first, then the results: exact hits (the Discord ID, or the whole name) on
 * top, then every name containing the fragment, page after page. j/k or the arrows move,
 * Enter opens, `/` comes back to the box.
 */
import { Badge, Button, Center, CloseButton, Group, Loader, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconSearch, IconUserSearch } from '@tabler/icons-react';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { PlayerSummary } from '@shared/domain/players';
import { Amount } from '@renderer/components/Amount';
import { Missing } from '@renderer/components/Missing';
import { EmptyState } from '@renderer/components/EmptyState';
import { ErrorState } from '@renderer/components/ErrorState';
import { KeyHint } from '@renderer/components/KeyHint';
import { useScreenKeys } from '@renderer/lib/keys';
import { usePlayerSearch, useSearchStatus } from '../api';
import classes from './players.module.css';

const LISTBOX_ID = 'player-results-list';
const optionId = (id: bigint) => `player-option-${id}`;

export interface SearchPaneProps {
  query: string;
  onQueryChange(query: string): void;
  openId: bigint | null;
  onOpen(id: bigint): void;
}

export function SearchPane({ query, onQueryChange, openId, onOpen }: SearchPaneProps) {
  const [text, setText] = useState(query);
  const [debounced] = useDebouncedValue(text.trim(), 200);
  const inputRef = useRef<HTMLInputElement>(null);
  const listRef = useRef<HTMLDivElement>(null);
  const [focusId, setFocusId] = useState<bigint | null>(null);

  // The route keeps the query (back button, coming back to the page).
  useEffect(() => {
    if (debounced !== query) onQueryChange(debounced);
  }, [debounced, onQueryChange, query]);

  const search = usePlayerSearch(debounced);
  const status = useSearchStatus();
  const pages = search.data?.pages;
  const exact = useMemo(() => pages?.[0]?.exact ?? [], [pages]);
  const matches = useMemo(() => (pages ?? []).flatMap((p) => p.players), [pages]);
  const all = useMemo(() => [...exact, ...matches], [exact, matches]);

  const focusIndex = focusId === null ? -1 : all.findIndex((p) => p.id === focusId);
  const move = (step: number) => {
    if (all.length === 0) return;
    const from = focusIndex < 0 ? (step > 0 ? -1 : all.length) : focusIndex;
    const next = all[Math.min(all.length - 1, Math.max(0, from + step))]!;
    setFocusId(next.id);
    listRef.current?.querySelector(`[data-player="${next.id}"]`)?.scrollIntoView({ block: 'nearest' });
  };
  const openFocused = () => {
    const target = all[focusIndex] ?? (all.length === 1 ? all[0] : undefined) ?? exact[0];
    if (target) onOpen(target.id);
  };

  useScreenKeys('Player search', [
    { keys: '/', label: 'Search players', run: () => inputRef.current?.focus() },
    { keys: 'j', label: 'Next player', run: () => move(1) },
    { keys: 'k', label: 'Previous player', run: () => move(-1) },
    { keys: 'arrowdown', label: 'Next player', run: () => move(1), inInputs: true },
    { keys: 'arrowup', label: 'Previous player', run: () => move(-1), inInputs: true },
    { keys: 'enter', label: 'Open the focused player', run: openFocused, inInputs: true },
  ]);

  const onScroll = (el: HTMLDivElement) => {
    if (search.hasNextPage && !search.isFetchingNextPage && el.scrollTop + el.clientHeight > el.scrollHeight - 200) void search.fetchNextPage();
  };

  const row = (p: PlayerSummary) => (
    <div
      key={p.id.toString()}
      id={optionId(p.id)}
      className={classes.resultRow}
      data-player={p.id.toString()}
      data-testid="player-result"
      data-focused={p.id === focusId}
      data-open={p.id === openId}
      data-inactive={!p.isActive}
      role="option"
      aria-selected={p.id === openId}
      onClick={() => {
        setFocusId(p.id);
        onOpen(p.id);
      }}
    >
      <div style={{ minWidth: 0 }}>
        <div className={classes.name}>{p.username ?? <Missing reason="no username recorded" />}</div>
        <Text size="xs" c="dimmed" truncate="end">
          {p.className ?? 'No class'} · level {p.level ?? '—'}
          {p.isActive ? '' : ' · inactive'}
        </Text>
      </div>
      <Amount value={p.balance} size="xs" missing="no balance recorded" />
    </div>
  );

  const group = (id: string, label: string, players: PlayerSummary[]) => (
    <div role="group" aria-labelledby={id}>
      <div id={id} className={classes.groupLabel}>
        {label}
      </div>
      {players.map(row)}
    </div>
  );

  let body: React.ReactNode;
  if (search.isPending) body = <Center py="xl"><Loader size="sm" /></Center>;
  else if (search.isError && all.length === 0) body = <ErrorState compact error={search.error} onRetry={() => void search.refetch()} what="players" />;
  else if (all.length === 0)
    body = debounced ? (
      <EmptyState compact icon={<IconUserSearch size={18} />} title="No player matches">
        Nobody&apos;s username contains “{debounced}”, and no player has that Discord ID. Try part of the name, or paste the full ID.
      </EmptyState>
    ) : (
      <EmptyState compact icon={<IconUserSearch size={18} />} title="No players yet">
        Players appear here once the bot has seen them.
      </EmptyState>
    );
  else
    body = (
      <>
        {/* The box's arrows move through these options (aria-activedescendant); a click opens one. */}
        <div role="listbox" id={LISTBOX_ID} aria-label="Players">
          {exact.length > 0 ? group('player-group-exact', 'Exact match', exact) : null}
          {matches.length > 0 ? group('player-group-names', debounced ? `Names containing “${debounced}”` : 'All players, by name', matches) : null}
        </div>
        {search.hasNextPage ? (
          <Center py="xs">
            <Button variant="subtle" size="compact-xs" loading={search.isFetchingNextPage} onClick={() => void search.fetchNextPage()}>
              Load more
            </Button>
          </Center>
        ) : null}
      </>
    );

  // Only fragments go through the trigram index; a Discord ID is a primary-key lookup.
  const slowSearch = status.data && !status.data.trigram && [...debounced].length >= 3 && !/^\d+$/.test(debounced);
  return (
    <div className={classes.searchPane}>
      <div className={classes.searchBox}>
        <TextInput
          ref={inputRef}
          autoFocus
          value={text}
          onChange={(event) => {
            setText(event.currentTarget.value);
            setFocusId(null);
          }}
          placeholder="Username or Discord ID"
          aria-label="Search players"
          aria-controls={all.length > 0 ? LISTBOX_ID : undefined}
          aria-activedescendant={focusIndex >= 0 ? optionId(all[focusIndex]!.id) : undefined}
          data-testid="player-search"
          leftSection={search.isFetching && !search.isFetchingNextPage ? <Loader size={12} /> : <IconSearch size={14} />}
          rightSection={text ? <CloseButton size="xs" aria-label="Clear the search" onClick={() => setText('')} /> : <KeyHint keys="/" />}
          onKeyDown={(event) => {
            if (event.key === 'Escape' && text) {
              event.stopPropagation();
              setText('');
            }
          }}
        />
        <Group justify="space-between" mt={6} gap={4} wrap="nowrap">
          <Text size="xs" c="dimmed" truncate="end">
            {all.length === 0 ? ' ' : `${all.length}${search.hasNextPage ? '+' : ''} player${all.length === 1 && !search.hasNextPage ? '' : 's'}`}
          </Text>
          {slowSearch ? (
            <Badge size="xs" color="yellow" variant="light" title="pg_trgm is not available on this database: fragment search scans the players table">
              no trigram index
            </Badge>
          ) : null}
        </Group>
      </div>
      <div ref={listRef} className={classes.results} role="region" aria-label="Search results" tabIndex={0} data-testid="player-results" onScroll={(e) => onScroll(e.currentTarget)}>
        {body}
      </div>
    </div>
  );
}
