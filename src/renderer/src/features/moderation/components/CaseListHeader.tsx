/**
 * The case list's header row. The case, target, moderator and age columns can be resized: drag
 * the handle at a header's right edge, or focus it and use the arrow keys (double-click or Home
 * puts the column back to its default). The widths are remembered (hooks/use-column-widths).
 */
import { useRef } from 'react';
import { RESIZABLE_COLUMNS, type ColumnWidths, type ResizableColumn } from '../hooks/use-column-widths';
import classes from './moderation.module.css';

/** The grid's columns; a column shown as a symbol is named in words for assistive technology. */
export const COLUMNS: { column: string; label: string; title?: string }[] = [
  { column: 'select', label: '', title: 'Select' },
  { column: 'type', label: 'Type' },
  { column: 'case', label: 'Case' },
  { column: 'user', label: 'Target' },
  { column: 'moderator', label: 'Moderator' },
  { column: 'reason', label: 'Reason' },
  { column: 'age', label: 'Age' },
  { column: 'claim', label: '⚑', title: 'Claimed by' },
];

const isResizable = (column: string): column is ResizableColumn => (RESIZABLE_COLUMNS as readonly string[]).includes(column);
const KEY_STEP = 16;

function Resizer({ column, label, width, onResize }: { column: ResizableColumn; label: string; width: number | undefined; onResize(column: ResizableColumn, px: number | null): void }) {
  const handle = useRef<HTMLDivElement>(null);
  const current = () => width ?? handle.current?.parentElement?.getBoundingClientRect().width ?? 100;
  return (
    <div
      ref={handle}
      role="separator"
      aria-orientation="vertical"
      aria-label={`Resize the ${label} column`}
      aria-valuenow={Math.round(current())}
      tabIndex={0}
      className={classes.resizer}
      data-testid={`resize-${column}`}
      onPointerDown={(event) => {
        event.preventDefault();
        event.stopPropagation();
        const startX = event.clientX;
        const startWidth = current();
        const target = event.currentTarget;
        target.setPointerCapture(event.pointerId);
        const move = (e: PointerEvent) => onResize(column, startWidth + e.clientX - startX);
        const up = () => {
          target.removeEventListener('pointermove', move);
          target.removeEventListener('pointerup', up);
        };
        target.addEventListener('pointermove', move);
        target.addEventListener('pointerup', up);
      }}
      onDoubleClick={() => onResize(column, null)}
      onKeyDown={(event) => {
        if (event.key === 'ArrowLeft' || event.key === 'ArrowRight') onResize(column, current() + (event.key === 'ArrowRight' ? KEY_STEP : -KEY_STEP));
        else if (event.key === 'Home') onResize(column, null);
        else return;
        event.preventDefault();
        event.stopPropagation();
      }}
    />
  );
}

export function CaseListHeader({ widths, onResize }: { widths: ColumnWidths; onResize(column: ResizableColumn, px: number | null): void }) {
  return (
    <div role="rowgroup" className={classes.headerGroup}>
      <div className={classes.headerRow} role="row" aria-rowindex={1}>
        {COLUMNS.map((column, index) => (
          <span key={column.column} role="columnheader" aria-colindex={index + 1} title={column.title} data-column={column.column} className={classes.headerCell}>
            {column.label ? <span aria-hidden={column.title ? true : undefined}>{column.label}</span> : null}
            {column.title ? <span className={classes.visuallyHidden}>{column.title}</span> : null}
            {isResizable(column.column) ? <Resizer column={column.column} label={column.label} width={widths[column.column]} onResize={onResize} /> : null}
          </span>
        ))}
      </div>
    </div>
  );
}
