/**
 * When the desk starts: the Discord actions of cases whose outcome was never recorded (a desk
 * stopped between committing the case and writing Discord's answer), or that an answer left
 * unknown (no answer came), are checked against what Discord shows now, and that is recorded as
 * their outcome, on the outbox row, the audit row and the case (core/discord/outbox.ts says what
 * each action's check asks). A kick cannot be checked: it is recorded as unknown, saying so.
 *
 * Rows another machine's desk asked for are left to it until they are old enough that it cannot
 * still be waiting; rows Discord could not be asked about (down, not configured) stay as they
 * are. Either way the pass runs again later, on the desk's scheduler, until nothing is left.
 */
import pMap from 'p-map';
import { checkMemberAction, hasDiscordOutbox, unsettledIntents } from '../../core/discord/index.js';
import type { DeskServices } from '../../core/services.js';
import { CASE_SUBJECT, recordCaseOutcome } from './case-discord.js';

const KEY = 'moderation:discord-reconcile';
/** How long another machine's pending row is left to the desk that asked. */
export const STALE_ELSEWHERE_MS = 15 * 60_000;
/** When rows are left over, the next pass. */
export const RECONCILE_AGAIN_MS = 5 * 60_000;
const BATCH = 100;
const CONCURRENCY = 4;

export interface ReconcileReport {
  /** Rows whose outcome was recorded (ok, failed, or unknown when Discord cannot tell). */
  checked: number;
  /** Rows left for a later pass. */
  left: number;
  /** The pass read a full batch: there may be more right away. */
  more: boolean;
}

/** Starts the first pass now (the host calls it once, when the desk starts). */
export function startDiscordReconcile(services: DeskServices): void {
  services.scheduler.at(KEY, services.clock.now().getTime(), () => reconcilePass(services));
}

async function reconcilePass(services: DeskServices): Promise<void> {
  if (services.scheduler.stopped) return;
  let again: number | null = null;
  try {
    const report = await reconcileCaseDiscord(services);
    const now = services.clock.now().getTime();
    if (report.more && report.checked) again = now;
    else if (report.left) again = now + RECONCILE_AGAIN_MS;
  } catch (error) {
    services.log.warn("checking Discord actions whose outcome is unknown failed; trying again later", { error: String(error) });
    again = services.clock.now().getTime() + RECONCILE_AGAIN_MS;
  }
  if (again !== null) services.scheduler.at(KEY, again, () => reconcilePass(services));
}

/** One pass: checks what can be checked now. */
export async function reconcileCaseDiscord(services: Pick<DeskServices, 'database' | 'discord' | 'run' | 'log' | 'clock' | 'scheduler'>): Promise<ReconcileReport> {
  const database = services.database();
  if (!(await hasDiscordOutbox(database))) return { checked: 0, left: 0, more: false };
  const rows = await unsettledIntents(database.db, CASE_SUBJECT, services.run, STALE_ELSEWHERE_MS, BATCH);
  const due = rows.filter((row) => row.stale);
  const more = rows.length === BATCH;
  const waiting = rows.length - due.length;
  if (!due.length) return { checked: 0, left: waiting, more };
  const target = services.discord.target();
  if (!target) {
    services.log.info('Discord actions with an unknown outcome wait: Discord is not configured to check them', { count: due.length });
    return { checked: 0, left: rows.length, more };
  }
  const done = await pMap(
    due,
    async (intent) => {
      if (services.scheduler.stopped) return false;
      try {
        const result = await checkMemberAction(target.client, intent, services.clock.now());
        await recordCaseOutcome(database, intent.subjectId, intent, intent.id.toString(), result, { state: intent.state, learnedBy: intent.learnedBy });
        services.log.info('recorded what Discord shows for an action whose outcome was unknown', {
          outbox: String(intent.id),
          action: intent.action,
          case: intent.subjectLabel,
          state: result.state,
        });
        return true;
      } catch (error) {
        services.log.warn('could not check a Discord action whose outcome is unknown', { outbox: String(intent.id), action: intent.action, error: String(error) });
        return false;
      }
    },
    { concurrency: CONCURRENCY },
  );
  const checked = done.filter(Boolean).length;
  return { checked, left: rows.length - checked, more };
}
