/**
 * Keeps the rows of a re-read case page that did not change as the very objects already on
 * screen, so the memoised rows skip their render: a live refetch during a raid brings back
 * mostly the same cases, and only the new or changed ones should cost a render. TanStack's own
 * structural sharing stops at Date values (not plain objects), which every case holds.
 */
import type { CasePage, CaseSummary } from '@shared/domain/moderation';

function same(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (a instanceof Date || b instanceof Date) return a instanceof Date && b instanceof Date && a.getTime() === b.getTime();
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const keysA = Object.keys(a);
  if (keysA.length !== Object.keys(b).length) return false;
  return keysA.every((key) => Object.hasOwn(b, key) && same((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]));
}

/** `next`, with every unchanged case (and the whole page, when nothing changed) taken from `previous`. */
export function shareCaseRows(previous: unknown, next: unknown): unknown {
  const before = previous as CasePage | undefined;
  const after = next as CasePage | undefined;
  if (!before?.cases || !after?.cases) return next;
  const known = new Map<bigint, CaseSummary>(before.cases.map((c) => [c.id, c]));
  let changed = before.cases.length !== after.cases.length || before.nextCursor !== after.nextCursor;
  const cases = after.cases.map((c, index) => {
    const old = known.get(c.id);
    const kept = old && same(old, c) ? old : c;
    if (kept !== before.cases[index]) changed = true;
    return kept;
  });
  return changed ? { ...after, cases } : before;
}
