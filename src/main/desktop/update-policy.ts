/**
 * When the desk looks for an update and what it shows. Only an installed (packaged) build
 * checks; never `npm run dev`, `npm start`, tests or CI, and never when staff switched it off
 * with AURORA_DESK_NO_UPDATES=1. It checks on start and every few hours, downloads in the
 * background, and offers "Restart to update" once a download is ready; staff choose when.
 */
export const UPDATE_CHECK_INTERVAL_MS = 4 * 60 * 60 * 1000;
/** After start, once the window is up: the first check never competes with opening the desk. */
export const FIRST_CHECK_DELAY_MS = 30 * 1000;

export interface UpdateEnvironment {
  packaged: boolean;
  env: Readonly<Record<string, string | undefined>>;
}

export type UpdateSchedule = { check: false; reason: string } | { check: true; firstAfterMs: number; everyMs: number };

export function updateSchedule({ packaged, env }: UpdateEnvironment): UpdateSchedule {
  if (!packaged) return { check: false, reason: 'a development build never updates itself' };
  if (env.AURORA_DESK_NO_UPDATES === '1') return { check: false, reason: 'updates are switched off (AURORA_DESK_NO_UPDATES=1)' };
  if (env.NODE_ENV === 'test' || env.CI === 'true' || env.CI === '1' || env.AURORA_DESK_E2E === '1') {
    return { check: false, reason: 'tests and CI never update' };
  }
  return { check: true, firstAfterMs: FIRST_CHECK_DELAY_MS, everyMs: UPDATE_CHECK_INTERVAL_MS };
}

export type UpdaterEvent =
  | { type: 'checking' }
  | { type: 'available'; version: string }
  | { type: 'not-available' }
  | { type: 'downloaded'; version: string }
  | { type: 'error'; message: string };

export interface UpdateOffer {
  /** The menu item's label ("Check for updates…", "Restart to update to 1.2.0"). */
  menuLabel: string;
  /** Whether choosing the menu item restarts into the new version. */
  restarts: boolean;
  /** A one-time notice to show, if any. */
  notice?: { title: string; body: string };
}

/** What the shell shows after an updater event; a failed check stays quiet (logged) and the next one tries again. */
export function updateOffer(event: UpdaterEvent, current: UpdateOffer = idleOffer): UpdateOffer {
  switch (event.type) {
    case 'downloaded':
      return {
        menuLabel: `Restart to update to ${event.version}`,
        restarts: true,
        notice: { title: 'Update ready', body: `Aurora Desk ${event.version} is downloaded. Restart to update when it suits you.` },
      };
    case 'available':
      return current.restarts ? current : { menuLabel: `Downloading ${event.version}…`, restarts: false };
    case 'checking':
    case 'not-available':
    case 'error':
      return current.restarts ? { ...current, notice: undefined } : idleOffer;
  }
}

export const idleOffer: UpdateOffer = { menuLabel: 'Check for updates…', restarts: false };
