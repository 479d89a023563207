/**
 * The queue as a windowed list: only the rows in view (plus a margin) are in the DOM, so a
 * window of a thousand cases scrolls as lightly as ten. Scrolling near the end loads more.
 */
import { Button, Center, Loader, Text } from '@mantine/core';
import { useElementSize } from '@mantine/hooks';
import { useEffect, useState, type ReactNode } from 'react';
import type { CaseSummary } from '@shared/domain/moderation';
import { CaseRow, ROW_HEIGHT } from './CaseRow';
import classes from './moderation.module.css';

const OVERSCAN = 8;

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
}

/** Whether the rows in view reach the last few loaded ones, with older cases still to fetch. */
function nearEnd(lastRow: number, loaded: number, hasMore: boolean, loadingMore: boolean): boolean {
  return hasMore && !loadingMore && loaded > 0 && lastRow >= loaded - 4;
}

export function CaseList({ cases, selectedId, checked, fresh, hasMore, loadingMore, onLoadMore, onSelect, onToggle, placeholder }: CaseListProps) {
  const { ref: scroller, height } = useElementSize<HTMLDivElement>();
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

  // Keep the selected row in view when j/k moves it.
  useEffect(() => {
    const el = scroller.current;
    const index = selectedId === null ? -1 : cases.findIndex((c) => c.id === selectedId);
    if (!el || index < 0) return;
    const top = index * ROW_HEIGHT;
    if (top < el.scrollTop) el.scrollTop = top;
    else if (top + ROW_HEIGHT > el.scrollTop + el.clientHeight) el.scrollTop = top + ROW_HEIGHT - el.clientHeight;
  }, [cases, scroller, selectedId]);

  return (
    <>
      <div className={classes.headerRow} role="row">
        <span />
        <span>Type</span>
        <span>Case</span>
        <span>Target</span>
        <span>Moderator</span>
        <span>Reason</span>
        <span>Age</span>
        <span title="Claimed by">⚑</span>
      </div>
      <div
        ref={scroller}
        className={classes.scroller}
        role="grid"
        aria-label="Cases"
        aria-rowcount={cases.length}
        onScroll={(event) => {
          const row = Math.floor(event.currentTarget.scrollTop / ROW_HEIGHT);
          setTopRow(row);
          if (nearEnd(lastRowFrom(row), cases.length, hasMore, loadingMore)) onLoadMore();
        }}
        data-testid="case-list"
      >
        {placeholder ?? (
          <div style={{ height: cases.length * ROW_HEIGHT + (cases.length > 0 ? 40 : 0), position: 'relative' }}>
            {cases.slice(first, last).map((c, offset) => (
              <CaseRow
                key={c.id.toString()}
                summary={c}
                index={first + offset}
                selected={c.id === selectedId}
                checked={checked.has(c.id)}
                fresh={fresh.has(c.id)}
                onSelect={onSelect}
                onToggle={onToggle}
              />
            ))}
            {hasMore ? (
              <Center style={{ position: 'absolute', top: cases.length * ROW_HEIGHT, left: 0, right: 0, height: 40 }}>
                {loadingMore ? (
                  <Loader size="xs" />
                ) : (
                  <Button variant="subtle" size="compact-xs" onClick={onLoadMore}>
                    Load older cases
                  </Button>
                )}
              </Center>
            ) : cases.length > 0 ? (
              <Text size="xs" c="dimmed" ta="center" style={{ position: 'absolute', top: cases.length * ROW_HEIGHT + 8, left: 0, right: 0 }}>
                End of the queue
              </Text>
            ) : null}
          </div>
        )}
      </div>
    </>
  );
}
