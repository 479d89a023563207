/**
 * The desk's lootdrop housekeeping, on its scheduler from the moment the desk starts (not when a
 * window first asks): keep this run's heartbeat on its running bursts fresh, and close the
 * Discord messages of drops it spawned that ended unclaimed, at each expiry and at least once
 * a minute, so a restart catches up with what ended while no desk ran; and ask Discord about
 * posts it never answered (post-checks.ts), every few seconds while there are any.
 */
import type { DeskServices } from '../../core/services.js';
import { armedBurstIds, touchRunningBursts } from './burst-store.js';
import { closeEndedDropMessages, nextDropExpiry } from './expiry.js';
import { checkOpenDropPosts, POST_CHECK_MS } from './post-checks.js';
import { hasLootdropDesk } from './rows.js';

/** Longest wait between heartbeats and checks for ended drops. */
export const HOUSEKEEPING_MS = 60_000;
const KEY = 'lootdrops:housekeeping';
/** Closed in one round at most; more waiting means another round at once. */
const ROUND = 25;

/** Starts housekeeping now (the host calls it once, when the desk starts). */
export function startLootdropHousekeeping(services: DeskServices): void {
  planHousekeeping(services, services.clock.now().getTime());
}

/** Housekeeping at `atMs` (epoch ms), unless it is due sooner already. */
export function planHousekeeping(services: DeskServices, atMs: number): void {
  services.scheduler.atLatest(KEY, atMs, () => keepHouse(services));
}

/** A post got no answer: check it again soon. */
export function notePostUnanswered(services: DeskServices): void {
  planHousekeeping(services, services.clock.now().getTime() + POST_CHECK_MS);
}

/** A drop of ours ends at `at`: make sure its message is closed on time. */
export function noteDropEnds(services: DeskServices, at: Date | null): void {
  if (at) planHousekeeping(services, at.getTime());
}

async function keepHouse(services: DeskServices): Promise<void> {
  if (services.scheduler.stopped) return;
  const { clock, log } = services;
  // Absolute times: the database and Discord take a while, and "in 60 s" must not drift.
  let next = clock.now().getTime() + HOUSEKEEPING_MS;
  try {
    const database = services.database();
    if (await hasLootdropDesk(database)) {
      const now = clock.now();
      await touchRunningBursts(database.db, services.run, armedBurstIds(services.scheduler, database), now);
      const discord = services.discord.target();
      if (discord) {
        const unanswered = await checkOpenDropPosts(services, database, discord);
        if (unanswered > 0) next = Math.min(next, now.getTime() + POST_CHECK_MS);
        const closed = await closeEndedDropMessages(database, discord, now, log, () => services.scheduler.stopped, ROUND);
        if (closed >= ROUND) next = now.getTime();
        else {
          const upcoming = await nextDropExpiry(database, now);
          if (upcoming) next = Math.min(next, upcoming.getTime());
        }
      }
    }
  } catch (error) {
    log.warn('lootdrop housekeeping failed; trying again later', { error: String(error) });
  }
  planHousekeeping(services, next);
}
