/**
 * Keyboard shortcuts, registered where they act and listed by `?`.
 *
 *   useScreenKeys('Case queue', [
 *     { keys: 'j', label: 'Next case', run: () => move(1) },
 *     { keys: 'enter', label: 'Open case', run: open },
 *   ]);
 *
 * Key syntax: modifiers joined with '+', then the key: 'j', '/', 'shift+?', 'mod+k' (Ctrl, or ⌘
 * on macOS), 'alt+1', 'escape', 'arrowdown'. Screen keys stay quiet while typing in a field or
 * while a dialog is open; set `inInputs: true` for keys that must work there (Escape, mod+Enter).
 * A binding without `run` is only listed (for keys a component handles itself).
 */
import { useEffect, useId, useLayoutEffect, useSyncExternalStore } from 'react';

export interface KeyBinding {
  keys: string;
  label: string;
  run?: (event: KeyboardEvent) => void;
  inInputs?: boolean;
}

export type KeyScope = 'global' | 'screen';

interface Registration {
  id: string;
  scope: KeyScope;
  group: string;
  bindings: KeyBinding[];
}

const registrations = new Map<string, Registration>();
let snapshot: Registration[] = [];
const listeners = new Set<() => void>();

function changed(): void {
  snapshot = [...registrations.values()];
  for (const listener of listeners) listener();
}

export const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

interface ParsedKey {
  key: string;
  mod: boolean;
  ctrl: boolean;
  alt: boolean;
  shift: boolean;
  meta: boolean;
}

export function parseKeys(keys: string): ParsedKey {
  const parts = keys.toLowerCase().split('+').map((p) => p.trim());
  const key = parts.filter((p) => !['mod', 'ctrl', 'alt', 'shift', 'meta'].includes(p)).pop() ?? '';
  return {
    key: key === 'plus' ? '+' : key,
    mod: parts.includes('mod'),
    ctrl: parts.includes('ctrl'),
    alt: parts.includes('alt'),
    shift: parts.includes('shift'),
    meta: parts.includes('meta'),
  };
}

export function matchesKeys(keys: string, event: KeyboardEvent): boolean {
  const want = parseKeys(keys);
  const ctrlWanted = want.ctrl || (want.mod && !isMac);
  const metaWanted = want.meta || (want.mod && isMac);
  if (event.ctrlKey !== ctrlWanted || event.metaKey !== metaWanted || event.altKey !== want.alt) return false;
  const pressed = event.key.toLowerCase();
  // Shift is implied by characters like '?'; only compare it for letters and named keys.
  const shiftMatters = /^[a-z]$/.test(want.key) || want.key.length > 1;
  if (shiftMatters && event.shiftKey !== want.shift) return false;
  if (pressed === want.key) return true;
  // Alt+digit types other characters on some layouts: fall back to the physical key.
  if (/^[0-9]$/.test(want.key) && event.code === `Digit${want.key}`) return true;
  if (/^[a-z]$/.test(want.key) && event.code === `Key${want.key.toUpperCase()}`) return want.alt || want.mod;
  return false;
}

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

function dialogOpen(): boolean {
  return document.querySelector('[role="dialog"][aria-modal="true"]') !== null;
}

const handlers = new Map<string, KeyBinding[]>();

/**
 * Keydowns that began while a dialog was open. Mantine closes a modal on Escape from its own
 * window capture listener, and the modal may be gone from the DOM by the time this document
 * listener runs, so the same Escape would also reach the screen below (closing the player or
 * case behind the dialog). This window capture listener is added when this module loads, before
 * any dialog's, so it sees the dialog still open.
 */
const keydownsInDialogs = new WeakSet<Event>();

function onKeyDownCapture(event: KeyboardEvent): void {
  if (dialogOpen()) keydownsInDialogs.add(event);
}

function onKeyDown(event: KeyboardEvent): void {
  if (event.defaultPrevented || event.isComposing) return;
  const typing = isTyping(event.target);
  const modal = keydownsInDialogs.has(event) || dialogOpen();
  // Latest registration first: a detail panel's Escape wins over its list's.
  for (const registration of [...registrations.values()].reverse()) {
    if (registration.scope === 'screen' && modal) continue;
    for (const binding of handlers.get(registration.id) ?? []) {
      if (!binding.run) continue;
      if (typing && !binding.inInputs) continue;
      if (!matchesKeys(binding.keys, event)) continue;
      event.preventDefault();
      binding.run(event);
      return;
    }
  }
}

if (typeof document !== 'undefined') {
  window.addEventListener('keydown', onKeyDownCapture, { capture: true });
  document.addEventListener('keydown', onKeyDown);
}

function useKeys(scope: KeyScope, group: string, bindings: KeyBinding[]): void {
  const id = useId();
  // Handlers follow every render (they close over fresh state) ...
  useLayoutEffect(() => {
    handlers.set(id, bindings);
  });
  // ... while the listing changes only when the keys or labels do.
  const signature = bindings.map((b) => `${b.keys}\u0000${b.label}`).join('\u0001');
  useEffect(() => {
    registrations.set(id, { id, scope, group, bindings: handlers.get(id) ?? [] });
    changed();
    return () => {
      registrations.delete(id);
      changed();
    };
  }, [id, scope, group, signature]);
  useLayoutEffect(() => () => void handlers.delete(id), [id]);
}

/** Keys of the current screen: listed under "This screen" by `?`, off while a dialog is open. */
export function useScreenKeys(group: string, bindings: KeyBinding[]): void {
  useKeys('screen', group, bindings);
}

/** Keys that work everywhere (the shell's). */
export function useGlobalKeys(group: string, bindings: KeyBinding[]): void {
  useKeys('global', group, bindings);
}

export function useRegisteredKeys(): Registration[] {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => snapshot,
  );
}

/** 'mod+shift+k' -> ['Ctrl', 'Shift', 'K'] (or ⌘ on macOS), for KeyHint. */
export function keyLabels(keys: string): string[] {
  const parsed = parseKeys(keys);
  const names: Record<string, string> = {
    escape: 'Esc',
    enter: 'Enter',
    arrowdown: '↓',
    arrowup: '↑',
    arrowleft: '←',
    arrowright: '→',
    space: 'Space',
    slash: '/',
    backspace: 'Backspace',
    delete: 'Del',
    tab: 'Tab',
  };
  const labels: string[] = [];
  if (parsed.mod) labels.push(isMac ? '⌘' : 'Ctrl');
  if (parsed.ctrl) labels.push('Ctrl');
  if (parsed.meta) labels.push(isMac ? '⌘' : 'Meta');
  if (parsed.alt) labels.push(isMac ? '⌥' : 'Alt');
  // 'shift+?' reads better as just '?'.
  if (parsed.shift && (/^[a-z]$/.test(parsed.key) || parsed.key.length > 1)) labels.push('Shift');
  labels.push(names[parsed.key] ?? (parsed.key.length === 1 ? parsed.key.toUpperCase() : parsed.key));
  return labels;
}
