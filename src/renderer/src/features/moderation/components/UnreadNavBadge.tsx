import { Badge } from '@mantine/core';
import { useEffect, useState } from 'react';
import { liveRows } from '@shared/live';
import { formatAmount } from '@renderer/lib/format';
import { useLiveEvents } from '@renderer/lib/live';
import { useRoute } from '@renderer/lib/router';

/**
 * New cases since Moderation was last open, beside its sidebar entry: counted from the live
 * events themselves (each INSERT of a case once), so a raid seen from another screen costs no
 * request. Opening Moderation reads them: the count goes back to zero.
 */
export function UnreadNavBadge() {
  const onModeration = useRoute().area === 'moderation';
  const [unread, setUnread] = useState(0);
  useEffect(() => {
    if (onModeration) setUnread(0);
  }, [onModeration]);
  useLiveEvents((event) => {
    if (onModeration) return;
    const inserted = liveRows(event).filter((row) => row.table === 'moderation_cases' && row.op === 'INSERT').length;
    if (inserted > 0) setUnread((n) => n + inserted);
  });
  if (unread === 0) return null;
  return (
    <Badge size="xs" color="teal" variant="filled" data-testid="nav-unread-moderation" aria-label={`${unread} new cases`} title={`${unread} new case${unread === 1 ? '' : 's'} since you last looked`}>
      {unread > 999 ? '999+' : formatAmount(unread)}
    </Badge>
  );
}
