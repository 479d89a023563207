/**
 * Whether this window greets a first open: it opened on no page in particular (no route in the
 * address) and no staff identity is set. Decided once, when the status first answers, so saving
 * the identity on the greeting does not whisk it away; any page link ends it.
 */
import { useEffect, useRef, useState } from 'react';
import { useRoute } from './router';
import { useSystemStatus } from './system-status';

const bare = (hash: string) => hash.replace(/^#\/?/, '') === '';

export type FirstOpen = 'deciding' | 'welcome' | 'no';

export function useFirstOpen(): FirstOpen {
  const openedBare = useRef(bare(window.location.hash));
  const status = useSystemStatus();
  const route = useRoute();
  const [decided, setDecided] = useState<FirstOpen>(openedBare.current ? 'deciding' : 'no');
  useEffect(() => {
    if (decided === 'deciding' && (status.data || status.isError)) setDecided(status.data && status.data.identity === null ? 'welcome' : 'no');
  }, [decided, status.data, status.isError]);
  useEffect(() => {
    if (decided !== 'no' && !bare(window.location.hash)) setDecided('no');
  }, [decided, route]);
  return decided;
}
