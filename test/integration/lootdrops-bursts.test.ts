/**
 * Event bursts on vitest's fake timers: the plan, drops going out on schedule across the
 * chosen channels, pause / resume / cancel, a Discord failure pausing the burst, an app restart
 * showing it as interrupted (resume or discard), and ended drops' messages closed on time.
 *
 * Only setTimeout, clearTimeout and Date are faked: database and HTTP I/O run for real, and
 * `scheduler.settled()` waits for the work a fired timer started.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Scheduler } from '../../src/main/core/scheduler.js';
import { startLootdropHousekeeping } from '../../src/main/features/lootdrops/housekeeping.js';
import { planBurst } from '../../src/main/features/lootdrops/burst-plan.js';
import type { DeskServices } from '../../src/main/core/services.js';
import { describeOnBothDrivers } from '../fixtures/databases.js';
import { CHANNEL_LOOTDROPS, CHANNEL_RAIDS, CHANNEL_TAVERN } from '../fixtures/fake-discord-lootdrops.js';
import { callerFor, createTestServices, testStaff, stopServices } from '../fixtures/services.js';
import { clearLootdrops, routesOf, spawnRows, startLootdropDiscord, type LootdropDiscordRig } from '../fixtures/lootdrops-world.js';
import { rejectionOf } from '../fixtures/rejection.js';

const MIN = 60_000;

describe('planning a burst', () => {
  it('spaces drops evenly, takes the channels in turn and draws amounts in the range', () => {
    let draw = 0;
    const random = () => [0.0, 0.5, 0.999][draw++ % 3]!;
    const plan = planBurst({ channelIds: ['a', 'b'], count: 4, windowMinutes: 4, spacing: 'fixed', amountMin: 10, amountMax: 20 }, random);
    expect(plan).toEqual([
      { offsetMs: 0, channelId: 'a', amount: 10 },
      { offsetMs: MIN, channelId: 'b', amount: 15 },
      { offsetMs: 2 * MIN, channelId: 'a', amount: 20 },
      { offsetMs: 3 * MIN, channelId: 'b', amount: 10 },
    ]);
  });

  it('with random spacing starts at once and keeps every drop inside the window, in order', () => {
    const plan = planBurst({ channelIds: ['a'], count: 50, windowMinutes: 10, spacing: 'random', amountMin: 1, amountMax: 1 });
    expect(plan[0]!.offsetMs).toBe(0);
    for (let i = 1; i < plan.length; i++) {
      expect(plan[i]!.offsetMs).toBeGreaterThanOrEqual(plan[i - 1]!.offsetMs);
      expect(plan[i]!.offsetMs).toBeLessThan(10 * MIN);
    }
    expect(new Set(plan.map((s) => s.amount))).toEqual(new Set([1]));
  });
});

describeOnBothDrivers('event bursts', (current) => {
  let rig: LootdropDiscordRig;
  const desks: DeskServices[] = [];

  beforeAll(async () => {
    rig = await startLootdropDiscord();
  });
  afterAll(async () => {
    await rig.close();
  });
  beforeEach(async () => {
    rig.fake.reset();
    rig.routes.reset();
    await clearLootdrops(current().database);
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
  });
  afterEach(async () => {
    await Promise.all(desks.splice(0).map(stopServices));
    vi.useRealTimers();
  });

  /** One "app run": a desk with its scheduler on this machine. */
  const app = (options: { host?: string; discord?: boolean } = {}) => {
    const desk = createTestServices(current().database, {
      discord: options.discord === false ? null : rig.client,
      run: { host: options.host ?? 'desk-a' },
      random: () => 0.5,
    });
    desks.push(desk);
    startLootdropHousekeeping(desk);
    return { desk, scheduler: desk.scheduler, caller: callerFor(desk) };
  };
  /** Moves the fake clock and waits for the drops it set off. */
  const advance = async (scheduler: Scheduler, ms: number) => {
    await vi.advanceTimersByTimeAsync(ms);
    await scheduler.settled();
  };
  const posts = () => routesOf(rig.fake).filter((r) => r.startsWith('POST'));
  const burstForm = (overrides: Record<string, unknown> = {}) => ({
    idempotencyKey: randomUUID(),
    name: 'Harvest festival',
    channelIds: [CHANNEL_LOOTDROPS, CHANNEL_RAIDS],
    count: 4,
    windowMinutes: 4,
    spacing: 'fixed' as const,
    amountMin: '100',
    amountMax: '300',
    currency: 'COINS',
    lifetimeSeconds: 600,
    ...overrides,
  });

  it('spawns on schedule across the channels; pause stops the clock, resume goes on, then it completes', async () => {
    const { scheduler, caller } = app();
    const { burst } = await caller.lootdrops.startBurst(burstForm());
    expect(burst).toMatchObject({ name: 'Harvest festival', status: 'running', total: 4, spawned: 0 });
    await advance(scheduler, 0);
    expect(posts()).toEqual([`POST /channels/${CHANNEL_LOOTDROPS}/messages`]);

    await advance(scheduler, MIN - 1);
    expect(posts()).toHaveLength(1);
    await advance(scheduler, 1);
    expect(posts()).toEqual([`POST /channels/${CHANNEL_LOOTDROPS}/messages`, `POST /channels/${CHANNEL_RAIDS}/messages`]);

    // 30 s into the gap: pause, wait long, resume; the remaining 30 s of the gap still apply.
    await advance(scheduler, MIN / 2);
    const paused = await caller.lootdrops.pauseBurst({ id: burst.id });
    expect(paused).toMatchObject({ status: 'paused', spawned: 2, nextAt: null, updatedBy: { id: testStaff.id } });
    await advance(scheduler, 10 * MIN);
    expect(posts()).toHaveLength(2);
    const resumed = await caller.lootdrops.resumeBurst({ id: burst.id });
    expect(resumed.status).toBe('running');
    expect(resumed.nextAt!.getTime() - Date.now()).toBe(MIN / 2);
    await advance(scheduler, MIN / 2);
    expect(posts()).toHaveLength(3);
    await advance(scheduler, MIN);
    expect(posts()).toHaveLength(4);

    const [done] = await caller.lootdrops.bursts();
    expect(done).toMatchObject({ id: burst.id, status: 'completed', spawned: 4, total: 4 });
    const spawns = await spawnRows(current().database);
    expect(spawns.map((s) => [s.burst_seq, s.channel_id, s.reward_amount])).toEqual([
      [0, CHANNEL_LOOTDROPS, 200],
      [1, CHANNEL_RAIDS, 200],
      [2, CHANNEL_LOOTDROPS, 200],
      [3, CHANNEL_RAIDS, 200],
    ]);
    await advance(scheduler, 10 * MIN);
    expect(posts()).toHaveLength(4);
  });

  it('a double submit starts one burst; cancel stops it and keeps the drops that are out', async () => {
    const { scheduler, caller } = app();
    const form = burstForm({ count: 3, windowMinutes: 3 });
    const [a, b] = await Promise.all([caller.lootdrops.startBurst(form), caller.lootdrops.startBurst(form)]);
    expect(a.burst.id).toBe(b.burst.id);
    expect([a.repeated, b.repeated].sort()).toEqual([false, true]);
    await advance(scheduler, 0);
    expect(posts()).toHaveLength(1);
    const cancelled = await caller.lootdrops.cancelBurst({ id: a.burst.id });
    expect(cancelled).toMatchObject({ status: 'cancelled', spawned: 1 });
    await advance(scheduler, 5 * MIN);
    expect(posts()).toHaveLength(1);
    expect(rig.routes.live()).toHaveLength(1);
    await expect(caller.lootdrops.resumeBurst({ id: a.burst.id })).rejects.toMatchObject({ code: 'CONFLICT' });
  });

  it('pauses itself when Discord fails, saying why; resume retries the same slot', async () => {
    const { scheduler, caller } = app();
    const { burst } = await caller.lootdrops.startBurst(burstForm({ channelIds: [CHANNEL_TAVERN], count: 2, windowMinutes: 2 }));
    rig.routes.lockedChannels.add(CHANNEL_TAVERN);
    await advance(scheduler, 0);
    const [paused] = await caller.lootdrops.bursts();
    expect(paused).toMatchObject({ id: burst.id, status: 'paused', spawned: 0, lastError: expect.stringMatching(/^Drop 1 of 2 failed: .*no access/) });
    rig.routes.lockedChannels.clear();
    await caller.lootdrops.resumeBurst({ id: burst.id });
    await advance(scheduler, 0);
    await advance(scheduler, MIN);
    const [done] = await caller.lootdrops.bursts();
    expect(done).toMatchObject({ status: 'completed', spawned: 2, lastError: null });
  });

  it('after a restart shows the running burst as interrupted with what it spawned; resume keeps the gap, discard ends it', async () => {
    const first = app();
    const { burst } = await first.caller.lootdrops.startBurst(burstForm({ count: 3, windowMinutes: 3 }));
    const other = await first.caller.lootdrops.startBurst(burstForm({ name: 'Night market', count: 3, windowMinutes: 3 }));
    await advance(first.scheduler, 0);
    expect(posts()).toHaveLength(2);
    // The app quits (or crashes) without a word to the database.
    first.scheduler.stop();
    await advance(first.scheduler, 5 * MIN);
    expect(posts()).toHaveLength(2);

    const second = app();
    const listed = await second.caller.lootdrops.bursts();
    expect(listed.map((b) => [b.name, b.status, b.spawned, b.total])).toEqual([
      ['Night market', 'interrupted', 1, 3],
      ['Harvest festival', 'interrupted', 1, 3],
    ]);
    const resumed = await second.caller.lootdrops.resumeBurst({ id: burst.id });
    expect(resumed).toMatchObject({ status: 'running', spawned: 1 });
    expect(resumed.nextAt!.getTime() - Date.now()).toBe(MIN);
    const discarded = await second.caller.lootdrops.discardBurst({ id: other.burst.id });
    expect(discarded).toMatchObject({ status: 'discarded', spawned: 1 });
    await advance(second.scheduler, MIN);
    await advance(second.scheduler, MIN);
    expect(posts()).toHaveLength(4);
    const after = await second.caller.lootdrops.bursts();
    expect(after.map((b) => [b.name, b.status, b.spawned])).toEqual([
      ['Night market', 'discarded', 1],
      ['Harvest festival', 'completed', 3],
    ]);
  });

  it('a burst scheduled for later sends nothing before its start, then runs its plan from there', async () => {
    const first = app();
    const startAt = new Date(Date.now() + 30 * MIN);
    const { burst } = await first.caller.lootdrops.startBurst(burstForm({ count: 2, windowMinutes: 2, startAt }));
    expect(burst).toMatchObject({ status: 'running', spawned: 0, startsAt: startAt, nextAt: startAt });
    await advance(first.scheduler, 30 * MIN - 1);
    expect(posts()).toHaveLength(0);

    // The app quits ten minutes before the start; resumed, the burst keeps its start time.
    first.scheduler.stop();
    const second = app();
    const [interrupted] = await second.caller.lootdrops.bursts();
    expect(interrupted).toMatchObject({ status: 'interrupted', startsAt: startAt });
    const resumed = await second.caller.lootdrops.resumeBurst({ id: burst.id });
    expect(resumed).toMatchObject({ status: 'running', nextAt: startAt, startsAt: startAt });
    await advance(second.scheduler, 1);
    expect(posts()).toHaveLength(1);
    const [started] = await second.caller.lootdrops.bursts();
    expect(started).toMatchObject({ spawned: 1, startsAt: null });
    await advance(second.scheduler, MIN);
    const [done] = await second.caller.lootdrops.bursts();
    expect(done).toMatchObject({ status: 'completed', spawned: 2 });
  });

  it('refuses a start time that has passed or lies more than a week ahead, naming the field', async () => {
    const { caller } = app();
    const past = await rejectionOf(caller.lootdrops.startBurst(burstForm({ startAt: new Date(Date.now() - 5 * MIN) })));
    expect(past).toMatchObject({ code: 'BAD_REQUEST', message: expect.stringMatching(/has passed/) });
    expect(past.data?.fieldErrors).toEqual({ startAt: ['This time has passed'] });
    const far = await rejectionOf(caller.lootdrops.startBurst(burstForm({ startAt: new Date(Date.now() + 8 * 24 * 60 * MIN) })));
    expect(far).toMatchObject({ code: 'BAD_REQUEST', message: 'A burst can be scheduled at most 7 days ahead.' });
    expect(await caller.lootdrops.bursts()).toEqual([]);
  });

  it('a burst another desktop runs shows as elsewhere and cannot be resumed here', async () => {
    const desk = app({ host: 'desk-a' });
    const { burst } = await desk.caller.lootdrops.startBurst(burstForm({ count: 5, windowMinutes: 50 }));
    await advance(desk.scheduler, 0);
    const laptop = app({ host: 'laptop-b' });
    expect((await laptop.caller.lootdrops.bursts())[0]).toMatchObject({ status: 'elsewhere', runnerHost: 'desk-a' });
    const refusal = await rejectionOf(laptop.caller.lootdrops.resumeBurst({ id: burst.id }));
    expect(refusal.code).toBe('CONFLICT');
    expect(refusal.message).toMatch(/running on desk-a/);
    // The laptop can pause it; the desk's next tick sees that and stops.
    await laptop.caller.lootdrops.pauseBurst({ id: burst.id });
    await advance(desk.scheduler, 10 * MIN);
    expect(posts()).toHaveLength(1);
  });

  it('without Discord, a burst cannot start', async () => {
    const { caller } = app({ discord: false });
    await expect(caller.lootdrops.startBurst(burstForm())).rejects.toMatchObject({ code: 'PRECONDITION_FAILED' });
  });

  it('closes the message of a drop that ended unclaimed, on time', async () => {
    const { scheduler, caller } = app();
    const { drop } = await caller.lootdrops.spawn({ idempotencyKey: randomUUID(), channelId: CHANNEL_RAIDS, amount: 40, currency: 'COINS', lifetimeSeconds: 30 });
    await advance(scheduler, 29_000);
    expect(routesOf(rig.fake).filter((r) => r.startsWith('PATCH'))).toEqual([]);
    await advance(scheduler, 1_000);
    expect(routesOf(rig.fake).filter((r) => r.startsWith('PATCH'))).toEqual([`PATCH /channels/${CHANNEL_RAIDS}/messages/${drop.messageId}`]);
    const edit = rig.fake.requests.find((r) => r.method === 'PATCH')!.body as { embeds: { title: string }[] };
    expect(edit.embeds[0]!.title).toBe('This lootdrop expired');
    expect((await spawnRows(current().database))[0]).toMatchObject({ message_state: 'expired' });
  });

  it('closes the message of a drop that ended while no desk ran as soon as the desk starts', async () => {
    const first = app();
    const { drop } = await first.caller.lootdrops.spawn({ idempotencyKey: randomUUID(), channelId: CHANNEL_RAIDS, amount: 40, currency: 'COINS', lifetimeSeconds: 30 });
    // The desk quits before the drop ends; it ends while no desk runs.
    first.scheduler.stop();
    await advance(first.scheduler, 5 * MIN);
    expect(routesOf(rig.fake).filter((r) => r.startsWith('PATCH'))).toEqual([]);

    const second = app();
    await advance(second.scheduler, 0);
    expect(routesOf(rig.fake).filter((r) => r.startsWith('PATCH'))).toEqual([`PATCH /channels/${CHANNEL_RAIDS}/messages/${drop.messageId}`]);
  });
});
