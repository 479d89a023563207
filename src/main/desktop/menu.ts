/**
 * The native application menu as data: the screens and the global actions with the renderer's
 * own keys (src/shared/desk-keys.ts). The page handles those keys itself, so the menu shows the
 * accelerator without registering it, and choosing an item sends the page that same key: one
 * behaviour, whichever way staff ask for it.
 */
import { DESK_SCREENS, GLOBAL_KEYS, screenKey } from '@shared/desk-keys.js';

export interface MenuAction {
  label: string;
  /** The renderer's key, e.g. 'alt+1' or 'mod+k'. */
  key: string;
  /** Electron's spelling of it, e.g. 'Alt+1', 'CmdOrCtrl+K'. */
  accelerator: string;
}

export type MenuRole = 'about' | 'quit' | 'undo' | 'redo' | 'cut' | 'copy' | 'paste' | 'selectAll' | 'minimize' | 'close' | 'togglefullscreen' | 'resetZoom' | 'zoomIn' | 'zoomOut';

export type MenuEntry = { kind: 'key'; action: MenuAction } | { kind: 'role'; role: MenuRole } | { kind: 'separator' } | { kind: 'update' };

export interface MenuModel {
  sections: { label: string; entries: MenuEntry[] }[];
}

const NAMED: Record<string, string> = { '?': '?', enter: 'Enter', escape: 'Escape' };

/** The renderer's key syntax ('mod+shift+k') in Electron's accelerator syntax ('CmdOrCtrl+Shift+K'). */
export function toAccelerator(key: string): string {
  return key
    .split('+')
    .map((part) => {
      if (part === 'mod') return 'CmdOrCtrl';
      if (part === 'alt') return 'Alt';
      if (part === 'shift') return 'Shift';
      if (part === 'ctrl') return 'Ctrl';
      return NAMED[part] ?? part.toUpperCase();
    })
    .join('+');
}

/** The key as a keyDown event Electron can send to the page: the key code and its modifiers. */
export function toKeyEvent(key: string, platform: NodeJS.Platform): { keyCode: string; modifiers: ('control' | 'meta' | 'alt' | 'shift')[] } {
  const parts = key.split('+');
  const last = parts.pop() ?? '';
  const modifiers = parts.map((part) => (part === 'mod' ? (platform === 'darwin' ? 'meta' : 'control') : part === 'ctrl' ? 'control' : (part as 'alt' | 'shift')));
  return { keyCode: NAMED[last] ?? last, modifiers };
}

function action(label: string, key: string): MenuEntry {
  return { kind: 'key', action: { label, key, accelerator: toAccelerator(key) } };
}

export function deskMenu(platform: NodeJS.Platform): MenuModel {
  const appSection = { label: 'Aurora Desk', entries: [{ kind: 'role', role: 'about' }, { kind: 'update' }, { kind: 'separator' }, { kind: 'role', role: 'quit' }] as MenuEntry[] };
  const edit = { label: 'Edit', entries: (['undo', 'redo', 'cut', 'copy', 'paste', 'selectAll'] as const).map((role) => ({ kind: 'role', role }) as MenuEntry) };
  const go = {
    label: 'Go',
    entries: [
      ...DESK_SCREENS.map((screen, index) => action(screen.label, screenKey(index))),
      { kind: 'separator' } as MenuEntry,
      action('Command palette…', GLOBAL_KEYS.palette),
    ],
  };
  const view = {
    label: 'View',
    entries: [
      action('Switch dark or light', GLOBAL_KEYS.theme),
      action('Keyboard shortcuts', GLOBAL_KEYS.shortcuts),
      { kind: 'separator' } as MenuEntry,
      ...(['resetZoom', 'zoomIn', 'zoomOut', 'togglefullscreen'] as const).map((role) => ({ kind: 'role', role }) as MenuEntry),
    ],
  };
  const window = { label: 'Window', entries: (['minimize', 'close'] as const).map((role) => ({ kind: 'role', role }) as MenuEntry) };
  // On macOS the app's own menu comes first and holds Quit; elsewhere Quit sits in File.
  if (platform === 'darwin') return { sections: [appSection, edit, go, view, window] };
  return { sections: [{ ...appSection, label: 'File' }, edit, go, view, window] };
}
