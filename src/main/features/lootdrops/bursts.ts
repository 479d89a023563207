/**
 * Event bursts: the staff verbs (start, pause, resume, cancel or discard) and the runner that
 * spawns each burst's drops on time. It runs in the main process on the desk's scheduler, so a
 * renderer reload changes nothing: each running burst of this desk run has one timer for its
 * next slot. Everything a burst needs to go on is in aurora_desk.lootdrop_bursts; a restart is
 * a new run, so the burst shows as interrupted until staff resume or discard it.
 */
import { MAX_BURST_LEAD_DAYS, type BurstView, type StartBurstInput } from '@shared/domain/lootdrops.js';
import { momentText } from '@shared/moment-text.js';
import type { StaffIdentity } from '@shared/identity.js';
import type { StaffWrite } from '../../core/audit.js';
import type { AuroraDatabase } from '../../core/database.js';
import { ERRORS } from '../../core/errors.js';
import type { DeskServices } from '../../core/services.js';
import type { StoredBurst } from '../../db/desk/tables.js';
import {
  burstTimerKey,
  changeBurst,
  createBurst,
  elapsedAt,
  listStoredBursts,
  nextSlot,
  notStartedYet,
  readBurst,
  readProgress,
  slotDueAt,
  toBurstView,
  touchRunningBursts,
  viewStatus,
} from './burst-store.js';
import { assertSpawnable, readLootdropConfig } from './config.js';
import { HOUSEKEEPING_MS, noteDropEnds, planHousekeeping } from './housekeeping.js';
import { hasLootdropDesk } from './rows.js';
import { spawnLootdrop } from './spawn.js';

// ── staff verbs ────────────────────────────────────────────────────────────────────────────

export async function listBursts(services: DeskServices, limit = 20): Promise<BurstView[]> {
  const database = services.database();
  if (!(await hasLootdropDesk(database))) return [];
  const bursts = await listStoredBursts(database.db, limit);
  const progress = await readProgress(database, bursts.map((b) => b.id));
  const now = services.clock.now();
  return bursts.map((b) => toBurstView(b, progress.get(String(b.id)), services.run, now));
}

export async function startBurst(services: DeskServices, write: StaffWrite, input: StartBurstInput): Promise<{ burst: BurstView; repeated: boolean }> {
  const { database } = write;
  services.discord.require();
  assertSpawnable(await readLootdropConfig(services, database), input.currency);
  assertStartTime(input.startAt, services.clock.now());
  const { burst, created } = await write.transaction((tx) => createBurst(tx, write.actor, input, services.run, services.clock.now(), services.random));
  if (created) armSlot(services, database, burst, 0);
  return { burst: await viewOf(services, database, burst.id), repeated: !created };
}

export async function pauseBurst(services: DeskServices, write: StaffWrite, id: bigint): Promise<BurstView> {
  const { database } = write;
  const burst = await readBurst(database.db, id);
  const now = services.clock.now();
  const status = viewStatus(burst, services.run, now);
  if (status !== 'running' && status !== 'elsewhere' && status !== 'interrupted') {
    throw ERRORS.conflict(`The burst "${burst.name}" is ${status}; only a running burst can be paused.`, { current: { status } });
  }
  const elapsedMs = status === 'interrupted' ? await resumePoint(database, burst) : elapsedAt(burst, now);
  await write.transaction((tx) => changeBurst(tx, burst, { status: 'paused', elapsedMs, segmentStartedAt: null, runner: null }, write.actor, now));
  services.scheduler.cancel(burstTimerKey(database, id));
  return viewOf(services, database, id);
}

export async function resumeBurst(services: DeskServices, write: StaffWrite, id: bigint): Promise<BurstView> {
  const { database } = write;
  const burst = await readBurst(database.db, id);
  const now = services.clock.now();
  const status = viewStatus(burst, services.run, now);
  if (status === 'running') return viewOf(services, database, id);
  if (status === 'elsewhere') {
    throw ERRORS.conflict(
      `The burst "${burst.name}" is running on ${burst.runnerHost ?? 'another desktop'} (last heard of at ${burst.heartbeatAt?.toISOString() ?? 'an unknown time'}).`,
      { changedBy: burst.runnerHost ?? undefined, changedAt: burst.heartbeatAt?.toISOString(), current: { status } },
    );
  }
  if (status !== 'paused' && status !== 'interrupted') {
    throw ERRORS.conflict(`The burst "${burst.name}" is ${status}; it cannot be resumed.`, { current: { status } });
  }
  services.discord.require();
  // After an interruption, the next drop keeps its planned gap from the last one that went out;
  // a scheduled burst interrupted before its start keeps its start time.
  const seqBefore = await nextSlot(database.db, id);
  const keepsSchedule = status === 'interrupted' && notStartedYet(burst, seqBefore, now);
  const elapsedMs = status === 'interrupted' ? await resumePoint(database, burst) : burst.elapsedMs;
  const segmentStartedAt = keepsSchedule ? burst.segmentStartedAt : now;
  const running = await write.transaction((tx) =>
    changeBurst(tx, burst, { status: 'running', elapsedMs, segmentStartedAt, runner: services.run, lastError: null }, write.actor, now),
  );
  const seq = await nextSlot(database.db, id);
  if (seq >= running.total) await completeBurst(services, database, running);
  else armSlot(services, database, running, seq);
  return viewOf(services, database, id);
}

/** Cancel (running or paused) or discard (interrupted): no more drops; the ones out stay up. */
export async function stopBurst(services: DeskServices, write: StaffWrite, id: bigint, outcome: 'cancelled' | 'discarded'): Promise<BurstView> {
  const { database } = write;
  const burst = await readBurst(database.db, id);
  const now = services.clock.now();
  if (burst.status !== 'running' && burst.status !== 'paused') {
    throw ERRORS.conflict(`The burst "${burst.name}" is already ${burst.status}.`, { current: { status: burst.status } });
  }
  const elapsedMs = burst.status === 'running' ? elapsedAt(burst, now) : burst.elapsedMs;
  await write.transaction((tx) =>
    changeBurst(tx, burst, { status: outcome, elapsedMs, segmentStartedAt: null, runner: null, finished: true }, write.actor, now),
  );
  services.scheduler.cancel(burstTimerKey(database, id));
  return viewOf(services, database, id);
}

/** A scheduled start is in the future (a minute of grace for a form left open) and within a week. */
function assertStartTime(startAt: Date | undefined, now: Date): void {
  if (!startAt) return;
  if (startAt.getTime() < now.getTime() - 60_000) {
    throw ERRORS.badRequest(`The start time ${momentText(startAt)} has passed; choose a later time or start now.`, { startAt: ['This time has passed'] });
  }
  if (startAt.getTime() > now.getTime() + MAX_BURST_LEAD_DAYS * 24 * 3_600_000) {
    throw ERRORS.badRequest(`A burst can be scheduled at most ${MAX_BURST_LEAD_DAYS} days ahead.`, { startAt: [`At most ${MAX_BURST_LEAD_DAYS} days ahead`] });
  }
}

// ── the runner ─────────────────────────────────────────────────────────────────────────────

async function viewOf(services: DeskServices, database: AuroraDatabase, id: bigint): Promise<BurstView> {
  const burst = await readBurst(database.db, id);
  const progress = await readProgress(database, [id]);
  return toBurstView(burst, progress.get(String(id)), services.run, services.clock.now());
}

async function resumePoint(database: AuroraDatabase, burst: StoredBurst): Promise<number> {
  const seq = await nextSlot(database.db, burst.id);
  return seq > 0 ? (burst.plan[seq - 1]?.offsetMs ?? 0) : 0;
}

function armSlot(services: DeskServices, database: AuroraDatabase, burst: StoredBurst, seq: number): void {
  const due = slotDueAt(burst, seq)?.getTime() ?? services.clock.now().getTime();
  services.scheduler.at(burstTimerKey(database, burst.id), due, () => runSlot(services, database, burst.id));
  // Keep the heartbeat going while a burst of ours runs.
  planHousekeeping(services, services.clock.now().getTime() + HOUSEKEEPING_MS);
}

/** The burst's owner, who spawns its drops: the last one to start or resume it. */
const ownerOf = (burst: StoredBurst): StaffIdentity => ({ id: burst.updatedById ?? burst.createdById, name: burst.updatedByName ?? burst.createdByName });

async function runSlot(services: DeskServices, database: AuroraDatabase, id: bigint): Promise<void> {
  if (services.scheduler.stopped) return;
  const { log, clock, run } = services;
  try {
    // A profile switch since: that database's bursts are no longer ours to run.
    if (services.database() !== database) return;
    const [burst] = await touchRunningBursts(database.db, run, [id], clock.now());
    if (!burst) return; // paused, cancelled or taken over meanwhile
    const seq = await nextSlot(database.db, id);
    if (seq >= burst.total) return void (await completeBurst(services, database, burst));
    const due = slotDueAt(burst, seq);
    if (due && due.getTime() > clock.now().getTime()) return armSlot(services, database, burst, seq);
    const slot = burst.plan[seq]!;
    const input = {
      idempotencyKey: `burst:${burst.idempotencyKey}:${seq}`,
      channelId: slot.channelId,
      amount: slot.amount,
      currency: burst.currency,
      lifetimeSeconds: burst.lifetimeSeconds,
    };
    // Each drop of a burst is a staff action of its owner's, in the audit log like a spawn by hand.
    const write = services.audit.begin(database, { actor: ownerOf(burst), procedure: 'lootdrops.burstDrop', input: { burstId: id, seq, ...input } });
    const started = clock.now().getTime();
    try {
      const discord = services.discord.require();
      const config = await readLootdropConfig(services, database);
      const { drop } = await spawnLootdrop(write, input, { discord, config, clock, log, run, burst: { id, seq } });
      await write.finish({ outcome: 'ok', durationMs: clock.now().getTime() - started });
      noteDropEnds(services, drop.expiresAt);
    } catch (error) {
      const why = error instanceof Error ? error.message : String(error);
      await write.finish({ outcome: 'error', errorMessage: why, durationMs: clock.now().getTime() - started }).catch(() => undefined);
      log.warn('a burst paused itself: a drop could not be spawned', { burst: String(id), seq, error: why });
      const now = clock.now();
      await changeBurst(
        database.db,
        burst,
        { status: 'paused', elapsedMs: elapsedAt(burst, now), segmentStartedAt: null, runner: null, lastError: `Drop ${seq + 1} of ${burst.total} failed: ${why}` },
        null,
        now,
        { runnerId: run.id },
      ).catch(() => undefined);
      return;
    }
    if (seq + 1 >= burst.total) await completeBurst(services, database, burst);
    else armSlot(services, database, burst, seq + 1);
  } catch (error) {
    log.error('a burst tick failed', { burst: String(id), error: String(error) });
  }
}

async function completeBurst(services: DeskServices, database: AuroraDatabase, burst: StoredBurst): Promise<void> {
  const now = services.clock.now();
  await changeBurst(
    database.db,
    burst,
    { status: 'completed', elapsedMs: elapsedAt(burst, now), segmentStartedAt: null, runner: null, finished: true },
    null,
    now,
    { runnerId: services.run.id },
  ).catch(() => undefined); // paused or cancelled at the last moment: theirs is the last word
  services.scheduler.cancel(burstTimerKey(database, burst.id));
}
