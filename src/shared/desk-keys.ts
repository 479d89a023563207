/**
 * The desk's screens in sidebar order and its keys that work everywhere. The renderer binds
 * them (App.tsx) and the native application menu shows them with the same accelerators, so
 * the menu and the keyboard never disagree.
 */
export const DESK_SCREENS = [
  { id: 'moderation', label: 'Moderation' },
  { id: 'lootdrops', label: 'Lootdrops' },
  { id: 'quests', label: 'Quests' },
  { id: 'items', label: 'Items' },
  { id: 'players', label: 'Players' },
  { id: 'settings', label: 'Settings' },
] as const;

export type DeskScreenId = (typeof DESK_SCREENS)[number]['id'];

/** Alt+1 … Alt+6: the screens, in sidebar order. */
export function screenKey(index: number): string {
  return `alt+${index + 1}`;
}

export const GLOBAL_KEYS = {
  palette: 'mod+k',
  shortcuts: 'shift+?',
  theme: 'alt+t',
} as const;
