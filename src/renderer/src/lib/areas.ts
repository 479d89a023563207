/**
 * What a sidebar area is. Each feature folder exports one (features/<area>/index.ts) and
 * src/areas.ts lists them in sidebar order; the shell builds the sidebar, the Alt+N keys,
 * the palette's "Go to" actions and the routes from these.
 */
import { lazy, type ComponentType } from 'react';
import type { PaletteSource } from './palette';
import type { AreaId } from './router';

export interface AreaIconProps {
  size?: number | string;
  stroke?: number | string;
}

export interface AreaDefinition {
  id: AreaId;
  label: string;
  /** One line for the palette and the page header: what staff do here. */
  description: string;
  icon: ComponentType<AreaIconProps>;
  /** The page; it reads its sub-route with useRoute(). */
  Page: ComponentType;
  /** Database lookups the command palette runs while staff type. */
  paletteSources?: PaletteSource[];
  /** Extra words that find the area in the palette. */
  keywords?: string[];
}

/**
 * A page loaded on first visit, in its own chunk: the window paints the first screen without
 * parsing every other screen's code (charts, editors) first. The shell shows a loader meanwhile.
 */
export function lazyPage(load: () => Promise<ComponentType>): ComponentType {
  return lazy(async () => ({ default: await load() }));
}
