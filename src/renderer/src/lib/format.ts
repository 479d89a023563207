/**
 * Numbers and times the way staff read them: bigint amounts with separators and never
 * rounded; times relative ("3 min ago") with the exact UTC moment a hover away.
 */

const grouping = new Intl.NumberFormat('en-US', { useGrouping: true, maximumFractionDigits: 0 });

/** What a value the database holds as NULL reads as in text (components use <Missing> for the reason). */
export const MISSING_TEXT = '—';

/** 1234567n -> "1,234,567"; accepts bigint or a decimal string, never goes through a JS number. NULL -> "—". */
export function formatAmount(value: bigint | string | number | null): string {
  if (value === null) return MISSING_TEXT;
  if (typeof value === 'number') {
    // Safe integers only: anything else must arrive as bigint or string.
    if (!Number.isSafeInteger(value)) return String(value);
    return grouping.format(value);
  }
  const big = typeof value === 'bigint' ? value : BigInt(value.trim());
  return grouping.format(big);
}

export function toDate(value: Date | string | number): Date {
  return value instanceof Date ? value : new Date(value);
}

/** "2025-11-25 15:17:03 UTC"; NULL -> "—". */
export function formatUtc(value: Date | string | number | null): string {
  if (value === null) return MISSING_TEXT;
  const date = toDate(value);
  if (Number.isNaN(date.getTime())) return 'unknown time';
  return `${date.toISOString().slice(0, 19).replace('T', ' ')} UTC`;
}

const units: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 24 * 3600],
  ['month', 30 * 24 * 3600],
  ['week', 7 * 24 * 3600],
  ['day', 24 * 3600],
  ['hour', 3600],
  ['minute', 60],
];
const relative = new Intl.RelativeTimeFormat('en', { numeric: 'auto', style: 'short' });

/** "just now", "3 min. ago", "in 2 hr.", "yesterday" */
export function formatRelative(value: Date | string | number, now: number = Date.now()): string {
  const date = toDate(value);
  if (Number.isNaN(date.getTime())) return 'unknown time';
  const seconds = Math.round((date.getTime() - now) / 1000);
  const abs = Math.abs(seconds);
  // Within the clock skew between the database and this desktop, past and future read alike.
  if (abs < 45) return 'just now';
  for (const [unit, size] of units) {
    if (abs >= size) return relative.format(Math.trunc(seconds / size), unit);
  }
  return relative.format(Math.trunc(seconds / 60) || (seconds < 0 ? -1 : 1), 'minute');
}
