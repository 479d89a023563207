/**
 * The desk's areas: which there are, in sidebar order (that order gives their Alt+N keys), and
 * what each one is. The router reads the ids from here to tell a route from a typo; each
 * feature folder exports its AreaDefinition (features/<area>/index.ts), and the shell (App.tsx)
 * builds the sidebar, the Alt+N keys, the palette's "Go to" actions and the routes from them.
 */
import { lazy, type ComponentType } from 'react';
import type { PaletteAction, PaletteSource } from './palette';

export const AREA_IDS = ['moderation', 'lootdrops', 'quests', 'items', 'players', 'settings'] as const;
export type AreaId = (typeof AREA_IDS)[number];
export const DEFAULT_AREA: AreaId = 'moderation';

export interface AreaIconProps {
  size?: number | string;
  stroke?: number | string;
}

export interface AreaDefinition<Id extends AreaId = AreaId> {
  id: Id;
  label: string;
  /** One line for the palette and the page header: what staff do here. */
  description: string;
  icon: ComponentType<AreaIconProps>;
  /** The page; it reads its sub-route with useRoute(). */
  Page: ComponentType;
  /** Actions the command palette offers from any screen ("Open case…", "New quest"). */
  paletteActions?: PaletteAction[];
  /** Database lookups the command palette runs while staff type. */
  paletteSources?: PaletteSource[];
  /** Extra words that find the area in the palette. */
  keywords?: string[];
  /** A live count beside the sidebar entry (new cases since Moderation was last open); always mounted. */
  NavBadge?: ComponentType;
}

/**
 * A page loaded on first visit, in its own chunk: the window paints the first screen without
 * parsing every other screen's code (charts, editors) first. The shell shows a loader meanwhile.
 */
export function lazyPage(load: () => Promise<ComponentType>): ComponentType {
  return lazy(async () => ({ default: await load() }));
}
