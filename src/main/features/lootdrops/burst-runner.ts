/**
 * The burst scheduler: one per runtime, in the main process, so a renderer reload changes
 * nothing. Each running burst of ours has one timer for its next slot; a housekeeping timer
 * keeps our heartbeat fresh and closes the messages of drops that ended unclaimed.
 *
 * Time comes from an injectable clock (now + setTimeout), so tests drive it with vitest's fake
 * timers. Everything a burst needs to go on is in aurora_desk.lootdrop_bursts; an app restart
 * gets a new runner id, so the burst shows as interrupted until staff resume or discard it.
 */
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { BurstView, StartBurstInput } from '@shared/domain/lootdrops.js';
import type { StaffIdentity } from '@shared/identity.js';
import type { AuroraDatabase } from '../../core/database.js';
import { ERRORS } from '../../core/errors.js';
import type { DeskRuntime } from '../../core/runtime.js';
import { assertSpawnable, readLootdropConfig } from './config.js';
import type { StoredBurst } from './desk-tables.js';
import { lootdropDiscordStatus, requireLootdropDiscord } from './discord-access.js';
import { closeEndedDropMessages, nextDropExpiry } from './expiry.js';
import { hasLootdropDesk } from './rows.js';
import { spawnLootdrop } from './spawn.js';
import { systemClock, type SchedulerClock } from '../../core/clock.js';
import type { Random } from './burst-plan.js';
import {
  changeBurst,
  createBurst,
  elapsedAt,
  listStoredBursts,
  nextSlot,
  readBurst,
  readProgress,
  slotDueAt,
  toBurstView,
  touchRunningBursts,
  viewStatus,
  type Runner,
} from './burst-store.js';

export interface BurstSchedulerOptions {
  runtime: DeskRuntime;
  clock?: SchedulerClock;
  /** This run of the app (a restart gets a new one). */
  runnerId?: string;
  /** This machine: a running burst of an earlier run here is known to be interrupted. */
  host?: string;
  random?: Random;
  /** Longest wait between heartbeats / checks for ended drops (default 60 s). */
  housekeepingMs?: number;
}

/** setTimeout's ceiling (about 24.8 days); a burst window is at most a day anyway. */
const MAX_DELAY = 2 ** 31 - 1;

export class BurstScheduler {
  readonly runner: Runner;
  private readonly runtime: DeskRuntime;
  private readonly clock: SchedulerClock;
  private readonly random: Random | undefined;
  private readonly housekeepingMs: number;
  private readonly timers = new Map<string, { handle: unknown; database: AuroraDatabase; id: bigint }>();
  private readonly work = new Set<Promise<unknown>>();
  private housekeeping: { handle: unknown; at: number } | null = null;
  private stopped = false;

  constructor(options: BurstSchedulerOptions) {
    this.runtime = options.runtime;
    this.clock = options.clock ?? systemClock;
    this.random = options.random;
    this.housekeepingMs = options.housekeepingMs ?? 60_000;
    this.runner = { id: options.runnerId ?? randomUUID(), host: options.host ?? hostname() };
  }

  now(): Date {
    return new Date(this.clock.now());
  }

  /** Starts housekeeping (closing ended drops' messages); bursts run only once started or resumed. */
  begin(): this {
    this.planHousekeeping(this.clock.now());
    return this;
  }

  /** Waits until no tick or housekeeping is in flight (tests; shutdown). */
  async settled(): Promise<void> {
    while (this.work.size) await Promise.allSettled([...this.work]);
  }

  /** Drops every timer; running bursts show as interrupted to the next run. */
  stop(): void {
    this.stopped = true;
    for (const timer of this.timers.values()) this.clock.clearTimeout(timer.handle);
    this.timers.clear();
    if (this.housekeeping) this.clock.clearTimeout(this.housekeeping.handle);
    this.housekeeping = null;
  }

  /** A drop of ours ends at `at`: make sure its message is closed on time. */
  noteDropEnds(at: Date | null): void {
    if (at) this.planHousekeeping(at.getTime());
  }

  // ── staff verbs ──────────────────────────────────────────────────────────────────────────

  async list(limit = 20): Promise<BurstView[]> {
    const database = this.runtime.database();
    if (!(await hasLootdropDesk(database))) return [];
    const bursts = await listStoredBursts(database, limit);
    const progress = await readProgress(database, bursts.map((b) => b.id));
    const now = this.now();
    return bursts.map((b) => toBurstView(b, progress.get(String(b.id)), this.runner, now));
  }

  async start(actor: StaffIdentity, input: StartBurstInput): Promise<{ burst: BurstView; repeated: boolean }> {
    const database = this.runtime.database();
    requireLootdropDiscord(this.runtime);
    assertSpawnable(await readLootdropConfig(this.runtime, database), input.currency);
    const { burst, created } = await createBurst(database, actor, input, this.runner, this.now(), this.random);
    if (created) this.arm(database, burst, 0);
    return { burst: await this.view(database, burst.id), repeated: !created };
  }

  async pause(actor: StaffIdentity, id: bigint): Promise<BurstView> {
    const database = this.runtime.database();
    const burst = await readBurst(database, id);
    const now = this.now();
    const status = viewStatus(burst, this.runner, now);
    if (status !== 'running' && status !== 'elsewhere' && status !== 'interrupted') {
      throw ERRORS.conflict(`The burst "${burst.name}" is ${status}; only a running burst can be paused.`, { current: { status } });
    }
    const elapsedMs = status === 'interrupted' ? await this.resumePoint(database, burst) : elapsedAt(burst, now);
    await changeBurst(database, burst, { status: 'paused', elapsedMs, segmentStartedAt: null, runner: null }, actor, now);
    this.disarm(id);
    return this.view(database, id);
  }

  async resume(actor: StaffIdentity, id: bigint): Promise<BurstView> {
    const database = this.runtime.database();
    const burst = await readBurst(database, id);
    const now = this.now();
    const status = viewStatus(burst, this.runner, now);
    if (status === 'running') return this.view(database, id);
    if (status === 'elsewhere') {
      throw ERRORS.conflict(
        `The burst "${burst.name}" is running on ${burst.runnerHost ?? 'another desktop'} (last heard of at ${burst.heartbeatAt?.toISOString() ?? 'an unknown time'}).`,
        { changedBy: burst.runnerHost ?? undefined, changedAt: burst.heartbeatAt?.toISOString(), current: { status } },
      );
    }
    if (status !== 'paused' && status !== 'interrupted') {
      throw ERRORS.conflict(`The burst "${burst.name}" is ${status}; it cannot be resumed.`, { current: { status } });
    }
    requireLootdropDiscord(this.runtime);
    // After an interruption, the next drop keeps its planned gap from the last one that went out.
    const elapsedMs = status === 'interrupted' ? await this.resumePoint(database, burst) : burst.elapsedMs;
    const running = await changeBurst(database, burst, { status: 'running', elapsedMs, segmentStartedAt: now, runner: this.runner, lastError: null }, actor, now);
    const seq = await nextSlot(database, id);
    if (seq >= running.total) await this.complete(database, running);
    else this.arm(database, running, seq);
    return this.view(database, id);
  }

  /** Cancel (running or paused) or discard (interrupted): no more drops; the ones out stay up. */
  async stopBurst(actor: StaffIdentity, id: bigint, outcome: 'cancelled' | 'discarded'): Promise<BurstView> {
    const database = this.runtime.database();
    const burst = await readBurst(database, id);
    const now = this.now();
    if (burst.status !== 'running' && burst.status !== 'paused') {
      throw ERRORS.conflict(`The burst "${burst.name}" is already ${burst.status}.`, { current: { status: burst.status } });
    }
    const elapsedMs = burst.status === 'running' ? elapsedAt(burst, now) : burst.elapsedMs;
    await changeBurst(database, burst, { status: outcome, elapsedMs, segmentStartedAt: null, runner: null, finished: true }, actor, now);
    this.disarm(id);
    return this.view(database, id);
  }

  // ── the timers ───────────────────────────────────────────────────────────────────────────

  private async view(database: AuroraDatabase, id: bigint): Promise<BurstView> {
    const burst = await readBurst(database, id);
    const progress = await readProgress(database, [id]);
    return toBurstView(burst, progress.get(String(id)), this.runner, this.now());
  }

  private async resumePoint(database: AuroraDatabase, burst: StoredBurst): Promise<number> {
    const seq = await nextSlot(database, burst.id);
    return seq > 0 ? (burst.plan[seq - 1]?.offsetMs ?? 0) : 0;
  }

  private key(database: AuroraDatabase, id: bigint): string {
    return `${database.label}#${id}`;
  }

  private track(work: Promise<unknown>): void {
    this.work.add(work);
    void work.finally(() => this.work.delete(work));
  }

  private arm(database: AuroraDatabase, burst: StoredBurst, seq: number): void {
    if (this.stopped) return;
    this.disarm(burst.id);
    const due = slotDueAt(burst, seq)?.getTime() ?? this.clock.now();
    const delay = Math.min(MAX_DELAY, Math.max(0, due - this.clock.now()));
    const key = this.key(database, burst.id);
    const handle = this.clock.setTimeout(() => {
      this.timers.delete(key);
      this.track(this.tick(database, burst.id));
    }, delay);
    this.timers.set(key, { handle, database, id: burst.id });
    this.planHousekeeping(this.clock.now() + this.housekeepingMs);
  }

  private disarm(id: bigint): void {
    for (const [key, timer] of this.timers) {
      if (timer.id !== id) continue;
      this.clock.clearTimeout(timer.handle);
      this.timers.delete(key);
    }
  }

  private async tick(database: AuroraDatabase, id: bigint): Promise<void> {
    if (this.stopped) return;
    const log = this.runtime.log;
    try {
      // A profile switch since: that database's bursts are no longer ours to run.
      if (this.runtime.database() !== database) return;
      const [burst] = await touchRunningBursts(database, this.runner, [id], this.now());
      if (!burst) return; // paused, cancelled or taken over meanwhile
      const seq = await nextSlot(database, id);
      if (seq >= burst.total) return void (await this.complete(database, burst));
      const due = slotDueAt(burst, seq);
      if (due && due.getTime() > this.clock.now()) return this.arm(database, burst, seq);
      const slot = burst.plan[seq]!;
      try {
        const discord = requireLootdropDiscord(this.runtime);
        const config = await readLootdropConfig(this.runtime, database);
        const actor = { id: burst.updatedById ?? burst.createdById, name: burst.updatedByName ?? burst.createdByName };
        const { drop } = await spawnLootdrop(
          database,
          actor,
          {
            idempotencyKey: `burst:${burst.idempotencyKey}:${seq}`,
            channelId: slot.channelId,
            amount: slot.amount,
            currency: burst.currency,
            lifetimeSeconds: burst.lifetimeSeconds,
          },
          { discord, config, now: () => this.now(), log, burst: { id, seq } },
        );
        this.noteDropEnds(drop.expiresAt);
      } catch (error) {
        const why = error instanceof Error ? error.message : String(error);
        log.warn('a burst paused itself: a drop could not be spawned', { burst: String(id), seq, error: why });
        const now = this.now();
        await changeBurst(
          database,
          burst,
          { status: 'paused', elapsedMs: elapsedAt(burst, now), segmentStartedAt: null, runner: null, lastError: `Drop ${seq + 1} of ${burst.total} failed: ${why}` },
          null,
          now,
          { runnerId: this.runner.id },
        ).catch(() => undefined);
        return;
      }
      if (seq + 1 >= burst.total) await this.complete(database, burst);
      else this.arm(database, burst, seq + 1);
    } catch (error) {
      log.error('a burst tick failed', { burst: String(id), error: String(error) });
    }
  }

  private async complete(database: AuroraDatabase, burst: StoredBurst): Promise<void> {
    const now = this.now();
    await changeBurst(
      database,
      burst,
      { status: 'completed', elapsedMs: elapsedAt(burst, now), segmentStartedAt: null, runner: null, finished: true },
      null,
      now,
      { runnerId: this.runner.id },
    ).catch(() => undefined); // paused or cancelled at the last moment: theirs is the last word
    this.disarm(burst.id);
  }

  // ── housekeeping: heartbeat and ended drops ──────────────────────────────────────────────

  /** Housekeeping at `atMs` (an absolute time), unless it is due sooner already. */
  private planHousekeeping(atMs: number): void {
    if (this.stopped) return;
    const now = this.clock.now();
    const at = Math.min(now + MAX_DELAY, Math.max(now, atMs));
    if (this.housekeeping && this.housekeeping.at <= at) return;
    if (this.housekeeping) this.clock.clearTimeout(this.housekeeping.handle);
    const handle = this.clock.setTimeout(() => {
      this.housekeeping = null;
      this.track(this.keepHouse());
    }, at - now);
    this.housekeeping = { handle, at };
  }

  private async keepHouse(): Promise<void> {
    if (this.stopped) return;
    // Absolute times: the database and Discord take a while, and "in 60 s" must not drift.
    let next = this.clock.now() + this.housekeepingMs;
    try {
      const database = this.runtime.database();
      if (await hasLootdropDesk(database)) {
        const now = this.now();
        const mine = [...this.timers.values()].filter((t) => t.database === database).map((t) => t.id);
        await touchRunningBursts(database, this.runner, mine, now);
        const status = lootdropDiscordStatus(this.runtime);
        if (status.configured) {
          const discord = requireLootdropDiscord(this.runtime);
          const closed = await closeEndedDropMessages(database, discord, now, this.runtime.log, () => this.stopped);
          if (closed >= 25) next = now.getTime(); // more are waiting
          else {
            const upcoming = await nextDropExpiry(database, now);
            if (upcoming) next = Math.min(next, upcoming.getTime());
          }
        }
      }
    } catch (error) {
      this.runtime.log.warn('lootdrop housekeeping failed; trying again later', { error: String(error) });
    }
    this.planHousekeeping(next);
  }
}
