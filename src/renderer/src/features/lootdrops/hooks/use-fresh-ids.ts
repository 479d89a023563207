/**
 * Rows that arrived since the last render (a live claim, a new drop) get a brief highlight:
 * the IDs not seen before are "fresh" for a couple of seconds. The first load highlights none.
 */
import { useEffect, useRef, useState } from 'react';

export function useFreshIds(ids: readonly string[], ms = 2500): ReadonlySet<string> {
  const seen = useRef<Set<string> | null>(null);
  const [fresh, setFresh] = useState<ReadonlySet<string>>(new Set());
  const key = ids.join(',');
  useEffect(() => {
    const previous = seen.current;
    seen.current = new Set(ids);
    if (!previous) return;
    const arrived = ids.filter((id) => !previous.has(id));
    if (!arrived.length) return;
    setFresh(new Set(arrived));
    const timer = setTimeout(() => setFresh(new Set()), ms);
    return () => clearTimeout(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, ms]);
  return fresh;
}
