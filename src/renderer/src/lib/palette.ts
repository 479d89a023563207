/**
 * The command palette's contents (Ctrl/Cmd+K). Three ways in:
 *
 * - navigation: one action per sidebar area, built by the shell;
 * - `usePaletteActions([...])`: actions that exist while a component is mounted (a page's
 *   "Spawn lootdrop", a detail panel's "Resolve this case");
 * - palette sources (`AreaDefinition.paletteSources`): a hook the palette runs with the typed
 *   query, returning matches from the database ("jump to a player by name or ID").
 */
import type { ReactNode } from 'react';
import { useEffect, useId, useLayoutEffect, useSyncExternalStore } from 'react';

export interface PaletteAction {
  id: string;
  label: string;
  description?: string;
  /** Heading the action is listed under ("Go to", "Moderation", "Players"). */
  group?: string;
  icon?: ReactNode;
  /** Extra words that should find it. */
  keywords?: string[];
  /** The key that does the same outside the palette, shown beside it. */
  keys?: string;
  run(): void;
}

export interface PaletteSource {
  id: string;
  group: string;
  /** Below this many typed characters the source is not asked. Default 2. */
  minQuery?: number;
  /** A React hook (it may use useQuery); called with the query on every change. */
  useResults(query: string): PaletteAction[] | undefined;
}

const mounted = new Map<string, PaletteAction[]>();
const latest = new Map<string, PaletteAction[]>();
let snapshot: PaletteAction[] = [];
const listeners = new Set<() => void>();

function changed(): void {
  snapshot = [...mounted.values()].flat();
  for (const listener of listeners) listener();
}

/** Adds actions to the palette while the calling component is mounted. */
export function usePaletteActions(actions: PaletteAction[]): void {
  const id = useId();
  // The latest handlers, every render; the listing itself changes only with the labels.
  useLayoutEffect(() => {
    latest.set(id, actions);
  });
  const signature = actions.map((a) => `${a.id}\u0000${a.label}\u0000${a.description ?? ''}`).join('\u0001');
  useEffect(() => {
    const listed = (latest.get(id) ?? []).map((action) => ({
      ...action,
      run: () => (latest.get(id)?.find((a) => a.id === action.id) ?? action).run(),
    }));
    mounted.set(id, listed);
    changed();
    return () => {
      mounted.delete(id);
      changed();
    };
  }, [id, signature]);
  useLayoutEffect(() => () => void latest.delete(id), [id]);
}

export function useMountedPaletteActions(): PaletteAction[] {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => snapshot,
  );
}

/** Every typed word must appear in the label, description or keywords. */
export function matchesQuery(action: PaletteAction, query: string): boolean {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return true;
  const haystack = [action.label, action.description ?? '', action.group ?? '', ...(action.keywords ?? [])].join(' ').toLowerCase();
  return words.every((word) => haystack.includes(word));
}

// ── intents ───────────────────────────────────────────────────────────────────────────────
// A palette action that starts something on another screen ("open case", "spawn drop") goes
// there and leaves an intent; the screen runs it once mounted (or at once, if it already is).

const intents = new Set<string>();
const intentListeners = new Set<() => void>();

/** Asks the screen that handles `intent` to run it (now if mounted, else when it mounts). */
export function requestIntent(intent: string): void {
  intents.add(intent);
  for (const listener of intentListeners) listener();
}

/** Runs `run` when `intent` is requested; `when` false keeps it waiting (e.g. until a player is open). */
export function useIntent(intent: string, run: () => void, when = true): void {
  useLayoutEffect(() => {
    latestIntents.set(intent, run);
  });
  useEffect(() => {
    if (!when) return;
    const take = () => {
      if (!intents.delete(intent)) return;
      latestIntents.get(intent)?.();
    };
    take();
    intentListeners.add(take);
    return () => void intentListeners.delete(take);
  }, [intent, when]);
}

const latestIntents = new Map<string, () => void>();

/** Whether every typed word is in the label itself: those results are listed first. */
export function labelMatches(action: PaletteAction, query: string): boolean {
  const label = action.label.toLowerCase();
  return query.toLowerCase().split(/\s+/).filter(Boolean).every((word) => label.includes(word));
}
