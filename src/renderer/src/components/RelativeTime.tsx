import { Text, Tooltip, type MantineSize } from '@mantine/core';
import { useNow } from '../lib/clock';
import { formatRelative, formatUtc, toDate } from '../lib/format';

export interface RelativeTimeProps {
  value: Date | string | number | null | undefined;
  size?: MantineSize;
  c?: string;
  /** Shown when there is no time (an unresolved case's resolved_at). */
  empty?: string;
  /**
   * How the exact time shows on hover: Mantine's tooltip, or the native title for rows of long
   * lists, where a tooltip's positioning hooks in every row cost more than the row itself.
   */
  hint?: 'tooltip' | 'title';
}

/** "3 min ago", keeping itself current; the exact UTC time on hover. */
export function RelativeTime({ value, size = 'sm', c, empty = '—', hint = 'tooltip' }: RelativeTimeProps) {
  const now = useNow();
  if (value === null || value === undefined) {
    return (
      <Text span size={size} c="dimmed">
        {empty}
      </Text>
    );
  }
  const date = toDate(value);
  const exact = formatUtc(date);
  const text = (
    <Text span size={size} c={c} style={{ whiteSpace: 'nowrap' }} title={hint === 'title' ? exact : undefined}>
      <time dateTime={Number.isNaN(date.getTime()) ? undefined : date.toISOString()}>{formatRelative(date, now)}</time>
    </Text>
  );
  return hint === 'title' ? text : <Tooltip label={exact}>{text}</Tooltip>;
}
