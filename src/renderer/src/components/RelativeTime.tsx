import { Text, Tooltip, type MantineSize } from '@mantine/core';
import { useNow } from '../lib/clock';
import { formatRelative, formatUtc, toDate } from '../lib/format';

export interface RelativeTimeProps {
  value: Date | string | number | null | undefined;
  size?: MantineSize;
  c?: string;
  /** Shown when there is no time (an unresolved case's resolved_at). */
  empty?: string;
}

/** "3 min ago", keeping itself current; the exact UTC time on hover. */
export function RelativeTime({ value, size = 'sm', c, empty = '—' }: RelativeTimeProps) {
  const now = useNow();
  if (value === null || value === undefined) {
    return (
      <Text span size={size} c="dimmed">
        {empty}
      </Text>
    );
  }
  const date = toDate(value);
  return (
    <Tooltip label={formatUtc(date)}>
      <Text span size={size} c={c} style={{ whiteSpace: 'nowrap' }}>
        <time dateTime={Number.isNaN(date.getTime()) ? undefined : date.toISOString()}>{formatRelative(date, now)}</time>
      </Text>
    </Tooltip>
  );
}
