/**
 * Which window a desk link opens. A place already shown in a pop-out brings that window to the
 * front; anything else goes to the main window (created when there is none, e.g. on macOS with
 * every window closed). Pure: the shell carries the decision out.
 */
import { parseDeskLink, placeKey, type DeskPlace, type LinkedPlace } from '@shared/desk-links.js';
import type { ShellWindowRef } from './shell.js';

export type LinkDecision =
  | { action: 'focus-pop-out'; window: ShellWindowRef }
  | { action: 'show-in-main'; window: ShellWindowRef; place: LinkedPlace }
  | { action: 'open-main'; place: LinkedPlace }
  | { action: 'refuse'; reason: string };

export function decideLink(url: unknown, windows: readonly ShellWindowRef[]): LinkDecision {
  const parsed = parseDeskLink(url);
  if (!parsed.ok) return { action: 'refuse', reason: parsed.reason };
  const key = placeKey(parsed.place);
  const popOut = windows.find((w) => w.place !== null && placeKey(w.place) === key);
  if (popOut) return { action: 'focus-pop-out', window: popOut };
  const main = windows.find((w) => w.place === null);
  return main ? { action: 'show-in-main', window: main, place: parsed.place } : { action: 'open-main', place: parsed.place };
}

export type PopOutDecision = { action: 'focus'; window: ShellWindowRef } | { action: 'open'; place: DeskPlace };

/** A pop-out of a place already popped out focuses that window instead of opening a second. */
export function decidePopOut(place: DeskPlace, windows: readonly ShellWindowRef[]): PopOutDecision {
  const key = placeKey(place);
  const open = windows.find((w) => w.place !== null && placeKey(w.place) === key);
  return open ? { action: 'focus', window: open } : { action: 'open', place };
}
