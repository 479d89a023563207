/**
 * A small hash router: `#/<area>/<rest...>?<search>`. The hash survives reloads in Electron
 * (file://) and in the web harness alike, and needs no server routes.
 *
 * Pages read `useRoute()`; links and keys call `navigate()`. A page with unsaved edits calls
 * `useLeaveGuard(dirty, message)`; navigation then asks first (see LeaveGuardPrompt).
 */
import { useEffect, useSyncExternalStore } from 'react';
import { AREA_IDS, DEFAULT_AREA, type AreaId } from './areas';

export interface Route {
  /**
   * null: the link names no page, a typo or a malformed link (`#/%E0`, which decodeURIComponent
   * refuses): the shell shows its not-found view, with a way back, instead of failing.
   */
  area: AreaId | null;
  /** The path after the area, e.g. `['cases', '42']` for `#/moderation/cases/42`. */
  rest: string[];
  search: URLSearchParams;
}

export type RouteTarget = { area: AreaId; rest?: string[]; search?: Record<string, string> | URLSearchParams };

function isArea(value: string | undefined): value is AreaId {
  return (AREA_IDS as readonly string[]).includes(value ?? '');
}

function decodeSegment(segment: string): string | null {
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
}

/** The route a hash names; never throws, whatever the hash holds (it comes from links and the address bar). */
export function parseHash(hash: string): Route {
  const raw = hash.replace(/^#\/?/, '');
  const [pathPart = '', query = ''] = raw.split('?', 2);
  const segments = pathPart.split('/').filter(Boolean).map(decodeSegment);
  const search = new URLSearchParams(query);
  if (segments.length === 0) return { area: DEFAULT_AREA, rest: [], search: new URLSearchParams() };
  const [first, ...rest] = segments;
  if (segments.includes(null) || !isArea(first ?? undefined)) return { area: null, rest: [], search };
  return { area: first as AreaId, rest: rest as string[], search };
}

export function hrefFor(target: RouteTarget | AreaId): string {
  const t = typeof target === 'string' ? { area: target } : target;
  const path = [t.area, ...(t.rest ?? [])].map(encodeURIComponent).join('/');
  const search = new URLSearchParams(t.search ?? {}).toString();
  return `#/${path}${search ? `?${search}` : ''}`;
}

// ---- the current route, as an external store ----

let current = parseHash(window.location.hash);
let currentHash = window.location.hash;
const listeners = new Set<() => void>();

function publish(): void {
  currentHash = window.location.hash;
  current = parseHash(currentHash);
  for (const listener of listeners) listener();
}

// ---- leave guards: unsaved edits ask before the route changes ----

interface LeaveGuard {
  message: string;
}
const guards = new Set<LeaveGuard>();
export interface PendingLeave {
  message: string;
  proceed(): void;
  stay(): void;
}
let pending: PendingLeave | null = null;
const pendingListeners = new Set<() => void>();
function setPending(next: PendingLeave | null): void {
  pending = next;
  for (const listener of pendingListeners) listener();
}

function go(hash: string, replace: boolean): void {
  if (hash === window.location.hash) return;
  if (replace) {
    window.history.replaceState(null, '', hash);
    publish();
  } else {
    window.location.hash = hash; // fires hashchange -> publish
  }
}

/** Changes the route; asks first when a page holds unsaved edits. */
export function navigate(target: RouteTarget | AreaId | string, options: { replace?: boolean } = {}): void {
  const hash = typeof target === 'string' && target.startsWith('#') ? target : hrefFor(target as RouteTarget | AreaId);
  const guard = [...guards][0];
  if (guard && hash !== window.location.hash) {
    setPending({
      message: guard.message,
      proceed: () => {
        guards.clear();
        setPending(null);
        go(hash, options.replace ?? false);
      },
      stay: () => setPending(null),
    });
    return;
  }
  go(hash, options.replace ?? false);
}

window.addEventListener('hashchange', () => {
  const guard = [...guards][0];
  if (guard && pending === null) {
    // Back/forward or a typed URL while edits are unsaved: put the old route back and ask.
    const wanted = window.location.hash;
    window.history.replaceState(null, '', currentHash);
    setPending({
      message: guard.message,
      proceed: () => {
        guards.clear();
        setPending(null);
        go(wanted, false);
      },
      stay: () => setPending(null),
    });
    return;
  }
  publish();
});

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useRoute(): Route {
  return useSyncExternalStore(subscribe, () => current);
}

export function usePendingLeave(): PendingLeave | null {
  return useSyncExternalStore(
    (listener) => {
      pendingListeners.add(listener);
      return () => pendingListeners.delete(listener);
    },
    () => pending,
  );
}

/** While `active`, leaving the route (sidebar, palette, back button) asks `message` first. */
export function useLeaveGuard(active: boolean, message = 'You have unsaved changes. Leave and discard them?'): void {
  useEffect(() => {
    if (!active) return;
    const guard: LeaveGuard = { message };
    guards.add(guard);
    const beforeUnload = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', beforeUnload);
    return () => {
      guards.delete(guard);
      window.removeEventListener('beforeunload', beforeUnload);
    };
  }, [active, message]);
}
