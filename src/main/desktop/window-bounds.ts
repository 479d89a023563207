/**
 * Where a window reopens. Saved bounds are used when enough of the window's top edge (where
 * it is dragged from) lies on a display that exists now; otherwise the window is centred on
 * the first display, at its saved size where that fits. A display unplugged since, a resolution
 * change or a corrupt file never puts the window where staff cannot reach it.
 */
export interface WindowBounds {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface SavedWindow {
  bounds: WindowBounds;
  maximized?: boolean;
}

export const MIN_WINDOW = { width: 960, height: 600 } as const;
export const DEFAULT_WINDOW = { width: 1440, height: 900 } as const;
/** How much of the title bar must be on a display to count as reachable. */
const GRAB = { width: 120, height: 32 } as const;

function overlap(a: WindowBounds, b: WindowBounds): { width: number; height: number } {
  const width = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const height = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return { width: Math.max(0, width), height: Math.max(0, height) };
}

function finite(bounds: WindowBounds): boolean {
  return [bounds.x, bounds.y, bounds.width, bounds.height].every(Number.isFinite) && bounds.width > 0 && bounds.height > 0;
}

export interface RestoredWindow {
  bounds: WindowBounds;
  maximized: boolean;
}

export function restoreWindow(
  saved: SavedWindow | undefined,
  workAreas: readonly WindowBounds[],
  size: { width: number; height: number } = DEFAULT_WINDOW,
): RestoredWindow {
  const primary = workAreas[0] ?? { x: 0, y: 0, ...DEFAULT_WINDOW };
  const maximized = saved?.maximized === true;
  if (saved && finite(saved.bounds)) {
    const wanted = {
      ...saved.bounds,
      width: Math.max(MIN_WINDOW.width, Math.round(saved.bounds.width)),
      height: Math.max(MIN_WINDOW.height, Math.round(saved.bounds.height)),
    };
    const titleBar = { x: wanted.x, y: wanted.y, width: wanted.width, height: GRAB.height };
    const reachable = workAreas.some((area) => {
      const o = overlap(titleBar, area);
      return o.width >= Math.min(GRAB.width, wanted.width) && o.height >= GRAB.height;
    });
    if (reachable) return { bounds: wanted, maximized };
    return { bounds: centred(primary, wanted), maximized };
  }
  return { bounds: centred(primary, size), maximized };
}

function centred(area: WindowBounds, size: { width: number; height: number }): WindowBounds {
  const width = Math.min(Math.max(MIN_WINDOW.width, size.width), Math.max(MIN_WINDOW.width, area.width));
  const height = Math.min(Math.max(MIN_WINDOW.height, size.height), Math.max(MIN_WINDOW.height, area.height));
  return {
    x: Math.round(area.x + Math.max(0, (area.width - width) / 2)),
    y: Math.round(area.y + Math.max(0, (area.height - height) / 2)),
    width,
    height,
  };
}
