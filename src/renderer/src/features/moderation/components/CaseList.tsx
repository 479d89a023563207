/**
 * The queue as a windowed grid: only the rows in view (plus a margin) are in the DOM, so a
 * window of a thousand cases scrolls as lightly as ten. Scrolling near the end loads more.
 * For assistive technology it is the whole queue: aria-rowcount is the queue's total and every
 * row says where it is (aria-rowindex); the header row is the grid's first.
 */
import { Button, Center, Loader, Text } from '@mantine/core';
import { useElementSize } from '@mantine/hooks';
import { useEffect, useRef, useState, type CSSProperties, type ReactNode } from 'react';
import type { CaseSummary } from '@shared/domain/moderation';
import { columnTemplate, useColumnWidths } from '../hooks/use-column-widths';
import { CaseListHeader, COLUMNS } from './CaseListHeader';
import { CaseRow, ROW_HEIGHT } from './CaseRow';
import classes from './moderation.module.css';

const OVERSCAN = 8;
const HEADER_HEIGHT = 26;

export interface CaseListProps {
  cases: CaseSummary[];
  selectedId: bigint | null;
  checked: ReadonlySet<bigint>;
  fresh: ReadonlyMap<bigint, number>;
  hasMore: boolean;
  loadingMore: boolean;
  onLoadMore(): void;
  onSelect(id: bigint): void;
  onToggle(id: bigint): void;
  /** Shown instead of rows (empty, loading, error). */
  placeholder?: ReactNode;
  /** The grid's name for assistive technology ("Active cases"). */
  label: string;
  /** Cases in the queue with these filters, loaded or not (null: not known yet). */
  total: number | null;
  /** Goes up when the keyboard moves the selection: the selected row takes the focus. */
  focusRequest: number;
}

/** Whether the rows in view reach the last few loaded ones, with older cases still to fetch. */
function nearEnd(lastRow: number, loaded: number, hasMore: boolean, loadingMore: boolean): boolean {
  return hasMore && !loadingMore && loaded > 0 && lastRow >= loaded - 4;
}

export function CaseList({ cases, selectedId, checked, fresh, hasMore, loadingMore, onLoadMore, onSelect, onToggle, placeholder, label, total, focusRequest }: CaseListProps) {
  const { ref: scroller, height } = useElementSize<HTMLDivElement>();
  const { widths, setWidth } = useColumnWidths();
  // The top row in view, not the pixel offset: scroll events inside one row's height leave the
  // state as it was, so React skips the render (a scroll fires several events per row).
  const [topRow, setTopRow] = useState(0);

  const lastRowFrom = (top: number) => Math.min(cases.length, top + Math.ceil(height / ROW_HEIGHT) + 1 + OVERSCAN);
  const first = Math.max(0, topRow - OVERSCAN);
  const last = lastRowFrom(topRow);

  // Near the end: fetch the next page. Asked from the scroll event itself as well (below), so the
  // request is on its way while React renders the rows scrolled into view, not after them.
  useEffect(() => {
    if (nearEnd(last, cases.length, hasMore, loadingMore)) onLoadMore();
  }, [cases.length, hasMore, last, loadingMore, onLoadMore]);

  // Keep the selected row in view when the selection moves (j/k, a click, the next case after a
  // resolve), and only then: older cases loading below must not pull the view back to it.
  const scrolledFor = useRef<string | null>(null);
  useEffect(() => {
    const el = scroller.current;
    const index = selectedId === null ? -1 : cases.findIndex((c) => c.id === selectedId);
    const reason = `${selectedId}|${focusRequest}`;
    if (!el || index < 0 || scrolledFor.current === reason) return;
    scrolledFor.current = reason;
    const top = index * ROW_HEIGHT;
    if (top < el.scrollTop) el.scrollTop = top;
    else if (HEADER_HEIGHT + top + ROW_HEIGHT > el.scrollTop + el.clientHeight) el.scrollTop = HEADER_HEIGHT + top + ROW_HEIGHT - el.clientHeight;
  }, [cases, focusRequest, scroller, selectedId]);

  // j/k move the grid's focus, not only its highlight: a screen reader follows the row.
  useEffect(() => {
    if (focusRequest === 0 || selectedId === null) return;
    scroller.current?.querySelector<HTMLElement>(`[role="row"][data-row-id="${selectedId}"]`)?.focus({ preventScroll: true });
  }, [focusRequest, scroller, selectedId]);

  // With no row selected, the first one takes the grid's Tab stop.
  const tabStop = selectedId !== null && cases.some((c) => c.id === selectedId) ? selectedId : (cases[0]?.id ?? null);

  return (
    <div
      ref={scroller}
      className={classes.scroller}
      onScroll={(event) => {
        const row = Math.floor(event.currentTarget.scrollTop / ROW_HEIGHT);
        setTopRow(row);
        if (nearEnd(lastRowFrom(row), cases.length, hasMore, loadingMore)) onLoadMore();
      }}
      data-testid="case-list"
      data-loaded={cases.length}
    >
      {placeholder ?? (
        <>
          <div role="grid" style={{ '--case-columns': columnTemplate(widths) } as CSSProperties} aria-label={label} aria-rowcount={total === null ? -1 : total + 1} aria-colcount={COLUMNS.length} aria-multiselectable={false}>
            <CaseListHeader widths={widths} onResize={setWidth} />
            <div role="rowgroup" style={{ height: cases.length * ROW_HEIGHT, position: 'relative' }}>
              {cases.slice(first, last).map((c, offset) => (
                <CaseRow
                  key={c.id.toString()}
                  summary={c}
                  index={first + offset}
                  selected={c.id === selectedId}
                  tabStop={c.id === tabStop}
                  checked={checked.has(c.id)}
                  fresh={fresh.has(c.id)}
                  onSelect={onSelect}
                  onToggle={onToggle}
                />
              ))}
            </div>
          </div>
          {hasMore ? (
            <Center h={40}>
              {loadingMore ? (
                <Loader size="xs" />
              ) : (
                <Button variant="subtle" size="compact-xs" onClick={onLoadMore}>
                  Load older cases
                </Button>
              )}
            </Center>
          ) : cases.length > 0 ? (
            <Text size="xs" c="dimmed" ta="center" py={8}>
              End of the queue
            </Text>
          ) : null}
        </>
      )}
    </div>
  );
}
