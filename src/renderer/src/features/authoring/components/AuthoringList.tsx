import { Box, Button, Group, Loader, Stack, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { EmptyState } from '@renderer/components/EmptyState';
import { ErrorState } from '@renderer/components/ErrorState';
import { KeyHint } from '@renderer/components/KeyHint';
import { useScreenKeys } from '@renderer/lib/keys';

/** The search box's text, and the same text once typing pauses (what the list query uses). */
export function useListSearch() {
  const [text, setText] = useState('');
  const [debounced] = useDebouncedValue(text.trim(), 200);
  return { text, setText, debounced };
}

/** A list procedure's pages, loaded 100 at a time (useInfiniteQuery's answer). */
interface ListPages<Page> {
  data?: { pages: Page[] };
  isPending: boolean;
  isFetching: boolean;
  isError: boolean;
  error: unknown;
  refetch(): Promise<unknown>;
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  fetchNextPage(): Promise<unknown>;
}

export interface AuthoringListProps<Page extends { total: number }, Row extends { id: number }> {
  /** 'quest' or 'item': names the keys, the search box and the test ids (`<noun>-list`, `data-<noun>-row`). */
  noun: string;
  /** The group the keys are listed under by `?`. */
  keysGroup: string;
  search: ReturnType<typeof useListSearch>;
  /** Selects beside the search box, or under it with `filtersBelow`. */
  filters: ReactNode;
  filtersBelow?: boolean;
  filtered: boolean;
  pages: ListPages<Page>;
  rowsOf(page: Page): Row[];
  /** For the error: "Could not load <what>". */
  what: string;
  empty: { icon: ReactNode; title: string; hint: string };
  /** The header cells, and each row's cells. */
  head: ReactNode;
  cells(row: Row): ReactNode;
  selectedId: number | null;
  onOpen(id: number): void;
}

/** Rows of a list screen: filters on top, a dense table; j/k move, Enter opens, / searches. */
export function AuthoringList<Page extends { total: number }, Row extends { id: number }>(props: AuthoringListProps<Page, Row>) {
  const { noun, search, pages, rowsOf, selectedId, onOpen, filtered } = props;
  const rows = useMemo(() => pages.data?.pages.flatMap(rowsOf) ?? [], [pages.data, rowsOf]);
  const total = pages.data?.pages[0]?.total ?? 0;
  const searchRef = useRef<HTMLInputElement>(null);
  const [cursor, setCursor] = useState(0);
  const rowAttribute = `data-${noun}-row`;

  useEffect(() => {
    const index = rows.findIndex((row) => row.id === selectedId);
    if (index >= 0) setCursor(index);
  }, [selectedId, rows]);

  const move = (delta: number) => {
    const next = Math.max(0, Math.min(rows.length - 1, cursor + delta));
    setCursor(next);
    document.querySelector(`[${rowAttribute}="${rows[next]?.id}"]`)?.scrollIntoView({ block: 'nearest' });
  };
  useScreenKeys(props.keysGroup, [
    { keys: 'j', label: `Next ${noun}`, run: () => move(1) },
    { keys: 'arrowdown', label: `Next ${noun}`, run: () => move(1) },
    { keys: 'k', label: `Previous ${noun}`, run: () => move(-1) },
    { keys: 'arrowup', label: `Previous ${noun}`, run: () => move(-1) },
    { keys: 'enter', label: `Open the ${noun}`, run: () => rows[cursor] && onOpen(rows[cursor]!.id) },
    { keys: '/', label: `Search ${noun}s`, run: () => searchRef.current?.focus() },
  ]);

  const searchBox = (
    <TextInput
      ref={searchRef}
      style={props.filtersBelow ? undefined : { flex: 1 }}
      placeholder="Search by name or #id"
      leftSection={<IconSearch size={14} />}
      rightSection={<KeyHint keys="/" />}
      value={search.text}
      onChange={(e) => search.setText(e.currentTarget.value)}
      aria-label={`Search ${noun}s`}
    />
  );
  const border = { borderBottom: '1px solid var(--desk-border)' };

  return (
    <Stack gap={0} h="100%">
      {props.filtersBelow ? (
        <Stack gap={6} p="sm" style={border}>
          {searchBox}
          <Group gap="xs" wrap="nowrap">
            {props.filters}
          </Group>
        </Stack>
      ) : (
        <Group gap="xs" p="sm" wrap="nowrap" style={border}>
          {searchBox}
          {props.filters}
        </Group>
      )}
      <Group justify="space-between" px="sm" py={4}>
        <Text size="xs" c="dimmed">
          {pages.isPending ? 'Loading…' : `${total.toLocaleString('en-US')} ${filtered ? 'matching ' : ''}${noun}s`}
        </Text>
        {pages.isFetching && !pages.isPending ? <Loader size={12} /> : null}
      </Group>
      {/* Reachable from the keyboard: Tab onto the list, then scroll it with the arrows. */}
      <Box style={{ flex: 1, minHeight: 0, overflow: 'auto' }} tabIndex={0} role="region" aria-label={`${noun[0]!.toUpperCase()}${noun.slice(1)}s`}>
        {pages.isPending ? null : pages.isError ? (
          <ErrorState compact error={pages.error} onRetry={() => void pages.refetch()} what={props.what} />
        ) : rows.length === 0 ? (
          <EmptyState compact icon={props.empty.icon} title={filtered ? `No ${noun} matches` : props.empty.title}>
            {filtered ? 'Clear a filter or search for another name.' : props.empty.hint}
          </EmptyState>
        ) : (
          <Table stickyHeader data-testid={`${noun}-list`}>
            <Table.Thead>
              <Table.Tr>{props.head}</Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((row, index) => {
                const selected = row.id === selectedId;
                return (
                  <Table.Tr
                    key={row.id}
                    {...{ [rowAttribute]: row.id }}
                    onClick={() => onOpen(row.id)}
                    style={{ cursor: 'pointer', outline: index === cursor ? '1px solid var(--mantine-primary-color-filled)' : undefined, outlineOffset: -1 }}
                    bg={selected ? 'var(--mantine-primary-color-light)' : undefined}
                    aria-selected={selected}
                  >
                    {props.cells(row)}
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        )}
        {pages.hasNextPage ? (
          <Group justify="center" p="sm">
            <Button variant="default" loading={pages.isFetchingNextPage} onClick={() => void pages.fetchNextPage()}>
              Load more
            </Button>
          </Group>
        ) : null}
      </Box>
    </Stack>
  );
}
