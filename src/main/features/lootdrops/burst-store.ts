/**
 * Bursts in aurora_desk.lootdrop_bursts: create, read with progress, and the conditional
 * status changes (each one UPDATE … WHERE status = what the caller saw, so two desktops pausing
 * and cancelling at once get a clear CONFLICT instead of a muddle).
 */
import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import type { BurstStatus, BurstView, StartBurstInput } from '@shared/domain/lootdrops.js';
import type { StaffIdentity } from '@shared/identity.js';
import type { AuroraDatabase, AuroraDb } from '../../core/database.js';
import type { Scheduler } from '../../core/scheduler.js';
import type { DeskRun } from '../../core/services.js';
import { ERRORS } from '../../core/errors.js';
import { isDeskMissing } from '../../core/driver-errors.js';
import { lootdropBursts, lootdropSpawns, type StoredBurst, type StoredBurstStatus } from '../../db/desk/tables.js';
import { planBurst, type Random } from './burst-plan.js';
import { momentText } from '@shared/moment-text.js';

/** A running burst whose runner has not been heard of for this long is taken as interrupted. */
export const STALE_RUNNER_MS = 3 * 60_000;

/** The desk run's timers for bursts' next slots, per database (a profile switch tells them apart). */
const burstTimerPrefix = (database: AuroraDatabase) => `lootdrops:burst:${database.label}#`;
export const burstTimerKey = (database: AuroraDatabase, id: bigint) => `${burstTimerPrefix(database)}${id}`;

/** Bursts of this database with a slot armed on this desk run. */
export function armedBurstIds(scheduler: Scheduler, database: AuroraDatabase): bigint[] {
  const prefix = burstTimerPrefix(database);
  return scheduler.pending(prefix).map((key) => BigInt(key.slice(prefix.length)));
}

export interface BurstProgress {
  spawned: number;
  claimed: number;
}

function noDesk(error: unknown): never {
  if (isDeskMissing(error)) {
    throw ERRORS.unavailable('Bursts need Aurora Desk’s own tables (schema aurora_desk), which this database role could not create.');
  }
  throw error;
}

export async function createBurst(
  db: AuroraDb,
  actor: StaffIdentity,
  input: StartBurstInput,
  runner: DeskRun,
  now: Date,
  random?: Random,
): Promise<{ burst: StoredBurst; created: boolean }> {
  const plan = planBurst(input, random);
  const inserted = await db
    .insert(lootdropBursts)
    .values({
      idempotencyKey: input.idempotencyKey,
      name: input.name || `${input.count} × ${input.currency} over ${input.windowMinutes} min`,
      status: 'running',
      channelIds: input.channelIds,
      currency: input.currency,
      amountMin: input.amountMin,
      amountMax: input.amountMax,
      lifetimeSeconds: input.lifetimeSeconds,
      windowSeconds: input.windowMinutes * 60,
      spacing: input.spacing,
      plan,
      total: plan.length,
      elapsedMs: 0,
      // A burst scheduled for later runs from its start time: until then no slot is due.
      segmentStartedAt: input.startAt ?? now,
      runnerId: runner.id,
      runnerHost: runner.host,
      heartbeatAt: now,
      createdById: actor.id,
      createdByName: actor.name,
      createdAt: now,
      updatedAt: now,
    })
    .onConflictDoNothing({ target: lootdropBursts.idempotencyKey })
    .returning()
    .catch(noDesk);
  if (inserted[0]) return { burst: inserted[0], created: true };
  // The same submission again (a double click): the first one's burst.
  const [existing] = await db.select().from(lootdropBursts).where(eq(lootdropBursts.idempotencyKey, input.idempotencyKey));
  if (!existing) throw ERRORS.conflict('This burst was submitted twice at once; reload the bursts list.');
  return { burst: existing, created: false };
}

export async function readBurst(db: AuroraDb, id: bigint): Promise<StoredBurst> {
  const [burst] = await db.select().from(lootdropBursts).where(eq(lootdropBursts.id, id)).catch(noDesk);
  if (!burst) throw ERRORS.notFound(`The burst #${id}`);
  return burst;
}

export async function listStoredBursts(db: AuroraDb, limit = 20): Promise<StoredBurst[]> {
  return db.select().from(lootdropBursts).orderBy(desc(lootdropBursts.createdAt), desc(lootdropBursts.id)).limit(limit).catch(noDesk);
}

export async function readProgress(database: AuroraDatabase, ids: readonly bigint[]): Promise<Map<string, BurstProgress>> {
  const progress = new Map<string, BurstProgress>();
  if (!ids.length) return progress;
  const { rows } = await database.query<{ burst_id: string; spawned: string; claimed: string }>(
    `SELECT s.burst_id::text AS burst_id, count(*) AS spawned, count(l.claimed_by) AS claimed
       FROM aurora_desk.lootdrop_spawns s LEFT JOIN lootdrops l ON l.message_id = s.message_id
      WHERE s.burst_id = ANY($1::bigint[]) GROUP BY s.burst_id`,
    [ids.map(String)],
  );
  for (const row of rows) progress.set(row.burst_id, { spawned: Number(row.spawned), claimed: Number(row.claimed) });
  return progress;
}

/** The next slot to spawn: one past the highest spawned (slots go out in order). */
export async function nextSlot(db: AuroraDb, id: bigint): Promise<number> {
  const [row] = await db
    .select({ next: sql<number>`COALESCE(max(${lootdropSpawns.burstSeq}) + 1, 0)::int` })
    .from(lootdropSpawns)
    .where(eq(lootdropSpawns.burstId, id));
  return Number(row?.next ?? 0);
}

/** What staff see: the stored status, with a running burst nobody is running shown as interrupted. */
export function viewStatus(burst: StoredBurst, me: DeskRun, now: Date): BurstStatus {
  if (burst.status !== 'running') return burst.status;
  if (burst.runnerId === me.id) return 'running';
  if (burst.runnerHost === me.host) return 'interrupted'; // an earlier run of this app, on this machine
  const heard = burst.heartbeatAt?.getTime() ?? 0;
  return now.getTime() - heard > STALE_RUNNER_MS ? 'interrupted' : 'elsewhere';
}

/** When slot `seq` is due, for a burst whose current run segment started at segmentStartedAt. */
export function slotDueAt(burst: StoredBurst, seq: number): Date | null {
  const slot = burst.plan[seq];
  if (!slot || !burst.segmentStartedAt) return null;
  return new Date(burst.segmentStartedAt.getTime() + Math.max(0, slot.offsetMs - burst.elapsedMs));
}

export function toBurstView(burst: StoredBurst, progress: BurstProgress | undefined, me: DeskRun, now: Date): BurstView {
  const status = viewStatus(burst, me, now);
  const spawned = progress?.spawned ?? 0;
  return {
    id: burst.id,
    name: burst.name,
    status,
    total: burst.total,
    spawned,
    claimed: progress?.claimed ?? 0,
    channelIds: burst.channelIds,
    currency: burst.currency,
    amountMin: burst.amountMin,
    amountMax: burst.amountMax,
    lifetimeSeconds: burst.lifetimeSeconds,
    windowSeconds: burst.windowSeconds,
    spacing: burst.spacing,
    nextAt: status === 'running' ? slotDueAt(burst, spawned) : null,
    startsAt: notStartedYet(burst, spawned, now) ? burst.segmentStartedAt : null,
    lastError: burst.lastError,
    createdBy: { id: burst.createdById, name: burst.createdByName },
    createdAt: burst.createdAt,
    updatedBy: burst.updatedById !== null ? { id: burst.updatedById, name: burst.updatedByName ?? '' } : null,
    updatedAt: burst.updatedAt,
    runnerHost: burst.runnerHost,
    heartbeatAt: burst.heartbeatAt,
  };
}

/** A burst scheduled for later whose start time has not come: nothing spawned, its run begins ahead. */
export function notStartedYet(burst: StoredBurst, spawned: number, now: Date): burst is StoredBurst & { segmentStartedAt: Date } {
  return spawned === 0 && burst.elapsedMs === 0 && burst.segmentStartedAt !== null && burst.segmentStartedAt.getTime() > now.getTime();
}

/** Active time the burst has run so far (pauses and interruptions do not count). */
export function elapsedAt(burst: StoredBurst, now: Date): number {
  return burst.elapsedMs + (burst.segmentStartedAt ? Math.max(0, now.getTime() - burst.segmentStartedAt.getTime()) : 0);
}

export interface BurstChange {
  status: StoredBurstStatus;
  elapsedMs?: number;
  segmentStartedAt?: Date | null;
  runner?: DeskRun | null;
  lastError?: string | null;
  finished?: boolean;
}

/**
 * Moves a burst from the status the caller saw to another; CONFLICT (naming who changed it and
 * when) when someone got there first. `actor` null: the scheduler itself (completion, failure).
 */
export async function changeBurst(
  db: AuroraDb,
  burst: StoredBurst,
  change: BurstChange,
  actor: StaffIdentity | null,
  now: Date,
  conditions: { runnerId?: string } = {},
): Promise<StoredBurst> {
  const [updated] = await db
    .update(lootdropBursts)
    .set({
      status: change.status,
      ...(change.elapsedMs !== undefined ? { elapsedMs: change.elapsedMs } : {}),
      ...(change.segmentStartedAt !== undefined ? { segmentStartedAt: change.segmentStartedAt } : {}),
      ...(change.runner !== undefined ? { runnerId: change.runner?.id ?? null, runnerHost: change.runner?.host ?? null, heartbeatAt: change.runner ? now : null } : {}),
      ...(change.lastError !== undefined ? { lastError: change.lastError } : {}),
      ...(change.finished ? { finishedAt: now } : {}),
      ...(actor ? { updatedById: actor.id, updatedByName: actor.name } : {}),
      updatedAt: now,
    })
    .where(
      and(
        eq(lootdropBursts.id, burst.id),
        eq(lootdropBursts.status, burst.status),
        eq(lootdropBursts.updatedAt, burst.updatedAt),
        ...(conditions.runnerId ? [eq(lootdropBursts.runnerId, conditions.runnerId)] : []),
      ),
    )
    .returning();
  if (updated) return updated;
  const current = await readBurst(db, burst.id);
  const who = current.updatedByName ?? current.createdByName;
  return Promise.reject(
    ERRORS.conflict(`The burst "${current.name}" changed meanwhile: it is ${current.status} now (last changed by ${who} at ${momentText(current.updatedAt)}).`, {
      changedBy: who,
      changedAt: current.updatedAt.toISOString(),
      current: { status: current.status },
    }),
  );
}

/** The runner's sign of life, and its check that the burst is still its own and running. */
export async function touchRunningBursts(db: AuroraDb, runner: DeskRun, ids: readonly bigint[], now: Date): Promise<StoredBurst[]> {
  if (!ids.length) return [];
  return db
    .update(lootdropBursts)
    .set({ heartbeatAt: now })
    .where(and(inArray(lootdropBursts.id, [...ids]), eq(lootdropBursts.status, 'running'), eq(lootdropBursts.runnerId, runner.id)))
    .returning();
}
