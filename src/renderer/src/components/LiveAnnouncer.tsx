import { VisuallyHidden } from '@mantine/core';
import { useAnnouncement } from '../lib/announcer';

/**
 * The shell's polite live region: batched counts of live arrivals (lib/announcer.ts). Mounted
 * once, empty at first, so screen readers know it before anything is said in it.
 */
export function LiveAnnouncer() {
  const { message, seq } = useAnnouncement();
  return (
    <VisuallyHidden role="status" aria-live="polite" aria-atomic="true" data-testid="live-announcer" data-seq={seq}>
      {/* A no-break space on every other message: the same words again are a change, and heard. */}
      {message ? `${message}${seq % 2 === 0 ? '\u00a0' : ''}` : ''}
    </VisuallyHidden>
  );
}
