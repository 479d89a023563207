/**
 * The case list's column widths a moderator dragged (or set with the arrow keys), remembered in
 * the renderer's storage so the queue opens as it was left. Unset columns keep their
 * responsive defaults; the reason always takes what is left.
 */
import { useCallback, useState } from 'react';

export const RESIZABLE_COLUMNS = ['case', 'user', 'moderator', 'age'] as const;
export type ResizableColumn = (typeof RESIZABLE_COLUMNS)[number];
export type ColumnWidths = Partial<Record<ResizableColumn, number>>;

const STORAGE_KEY = 'aurora-desk-case-columns';
export const MIN_COLUMN_PX = 48;
export const MAX_COLUMN_PX = 480;

const DEFAULTS: Record<ResizableColumn, string> = {
  case: 'minmax(6rem, 7rem)',
  user: 'minmax(5.25rem, 1.1fr)',
  moderator: 'minmax(7.5rem, 0.9fr)',
  age: '6.5rem',
};

const clamp = (px: number) => Math.round(Math.min(MAX_COLUMN_PX, Math.max(MIN_COLUMN_PX, px)));

function readStored(): ColumnWidths {
  try {
    const raw: unknown = JSON.parse(window.localStorage.getItem(STORAGE_KEY) ?? '{}');
    if (!raw || typeof raw !== 'object') return {};
    const widths: ColumnWidths = {};
    for (const column of RESIZABLE_COLUMNS) {
      const value = (raw as Record<string, unknown>)[column];
      if (typeof value === 'number' && Number.isFinite(value)) widths[column] = clamp(value);
    }
    return widths;
  } catch {
    return {};
  }
}

/** The grid's template for these widths (the wide layout; narrow lists use their own). */
export function columnTemplate(widths: ColumnWidths): string {
  const part = (column: ResizableColumn) => (widths[column] === undefined ? DEFAULTS[column] : `${widths[column]}px`);
  return ['1.375rem', '6.25rem', part('case'), part('user'), part('moderator'), 'minmax(8rem, 2fr)', part('age'), '1.375rem'].join(' ');
}

export function useColumnWidths() {
  const [widths, setWidths] = useState<ColumnWidths>(readStored);
  const setWidth = useCallback((column: ResizableColumn, px: number | null) => {
    setWidths((current) => {
      const next = { ...current };
      if (px === null) delete next[column];
      else next[column] = clamp(px);
      try {
        window.localStorage.setItem(STORAGE_KEY, JSON.stringify(next));
      } catch {
        // Storage full or refused: the width holds for this window only.
      }
      return next;
    });
  }, []);
  return { widths, setWidth };
}
