/**
 * The board, history and stats read what the database holds: a claim written by another
 * connection (the bot) reaches the board through the live hub, with its claim time noted by
 * the claim recorder; history filters and pages; per-channel claim rate and median.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import { createCaller } from '../../src/main/api/root.js';
import { createContext } from '../../src/main/api/trpc.js';
import { createLiveHub } from '../../src/main/live/hub.js';
import type { LiveHub } from '../../src/main/live/types.js';
import { silentLogger } from '../../src/main/core/log.js';
import type { DeskServices } from '../../src/main/core/services.js';
import { describeOnBothDrivers } from '../fixtures/databases.js';
import { CHANNEL_LOOTDROPS, CHANNEL_RAIDS, CHANNEL_TAVERN } from '../fixtures/fake-discord-lootdrops.js';
import { callerFor, createTestServices, stopServices } from '../fixtures/services.js';
import { isChange, isStatus, LiveProbe, openWriter, type Writer } from '../fixtures/live-probe.js';
import { clearLootdrops, EMBER, insertDrop, insertPlayer, NYX, startLootdropDiscord, type LootdropDiscordRig } from '../fixtures/lootdrops-world.js';

const MIN = 60_000;
const id = (n: number) => `14000000000000${String(n).padStart(5, '0')}`;

describeOnBothDrivers('the lootdrop board', (current) => {
  let rig: LootdropDiscordRig;
  let hub: LiveHub;
  let bot: Writer;
  let desk: DeskServices;
  const caller = () => callerFor(desk);

  beforeAll(async () => {
    rig = await startLootdropDiscord();
    hub = await createLiveHub(current().database, { log: silentLogger });
    bot = await openWriter(current());
    desk = createTestServices(current().database, { discord: rig.client, live: hub });
    await insertPlayer(current().database, NYX, 'nyx');
    await insertPlayer(current().database, EMBER, 'ember');
  });
  afterAll(async () => {
    await stopServices(desk);
    await hub?.close();
    await bot?.close();
    await rig?.close();
  });
  beforeEach(async () => {
    rig.fake.reset();
    await clearLootdrops(current().database);
  });

  it('sorts drops into active, claimed and expired, with counts', async () => {
    const now = Date.now();
    await insertDrop(current().database, { messageId: id(1), channelId: CHANNEL_LOOTDROPS, createdAt: new Date(now - 2 * MIN), expiresAt: new Date(now + 8 * MIN) });
    await insertDrop(current().database, { messageId: id(2), channelId: CHANNEL_RAIDS, createdAt: new Date(now - MIN), expiresAt: new Date(now + 2 * MIN) });
    await insertDrop(current().database, { messageId: id(3), channelId: CHANNEL_RAIDS, createdAt: new Date(now - 30 * MIN), expiresAt: new Date(now - 20 * MIN) });
    await insertDrop(current().database, { messageId: id(4), channelId: CHANNEL_TAVERN, createdAt: new Date(now - 10 * MIN), expiresAt: new Date(now + MIN), claimedBy: NYX, amount: 5000 });
    await insertDrop(current().database, { messageId: id(5), channelId: CHANNEL_TAVERN, createdAt: new Date(now - 3 * MIN), expiresAt: null });
    const board = await caller().lootdrops.board({});
    // Soonest to expire first; a drop without expiry last.
    expect(board.active.map((d) => d.messageId)).toEqual([id(2), id(1), id(5)]);
    expect(board.claimed.map((d) => [d.messageId, d.claimerName, d.claimedBy, d.amount, d.claimedAt])).toEqual([[id(4), 'nyx', NYX, 5000, null]]);
    expect(board.expired.map((d) => [d.messageId, d.status])).toEqual([[id(3), 'expired']]);
    expect(board.counts).toEqual({ active: 3, claimedLastDay: 1, expiredLastDay: 1 });
    expect(board.claimTimesRecorded).toBe(true);
  });

  it('shows a claim the bot writes on another connection, through the live hub, with its claim time', async () => {
    const { drop } = await caller().lootdrops.spawn({ idempotencyKey: randomUUID(), channelId: CHANNEL_LOOTDROPS, amount: '75', currency: 'COINS', lifetimeSeconds: 120 });
    expect((await caller().lootdrops.board({})).active.map((d) => d.messageId)).toEqual([drop.messageId]);

    const probe = new LiveProbe((signal) => createCaller(createContext(desk), { signal }).live.changes());
    try {
      // Live, not merely the first status: the hub may still be opening its LISTEN connection.
      const live = await probe.waitFor(isStatus('live'), 'live updates');
      await bot.query(`UPDATE lootdrops SET claimed_by = $1 WHERE message_id = $2 AND claimed_by IS NULL`, [String(EMBER), drop.messageId]);
      // The hub sends one change per row and window: the spawn's INSERT and the claim may arrive as one.
      await probe.waitFor(isChange('lootdrops', undefined, { message_id: drop.messageId }), 'the claim', live + 1);
    } finally {
      await probe.stop();
    }
    const board = await caller().lootdrops.board({});
    expect(board.active).toEqual([]);
    const [claimed] = board.claimed;
    expect(claimed).toMatchObject({ messageId: drop.messageId, status: 'claimed', claimedBy: EMBER, claimerName: 'ember' });
    expect(claimed!.claimedAt).toBeInstanceOf(Date);
    expect(claimed!.claimMs).toBeGreaterThanOrEqual(0);
  });

  it('notes claim times only for claims, not for rows inserted already claimed', async () => {
    const now = Date.now();
    await insertDrop(current().database, { messageId: id(10), channelId: CHANNEL_RAIDS, createdAt: new Date(now - MIN), claimedBy: NYX });
    await insertDrop(current().database, { messageId: id(11), channelId: CHANNEL_RAIDS, createdAt: new Date(now - MIN), expiresAt: new Date(now + MIN) });
    await bot.query(`UPDATE lootdrops SET reward_amount = 9 WHERE message_id = $1`, [id(11)]);
    await bot.query(`UPDATE lootdrops SET claimed_by = $1 WHERE message_id = $2`, [String(NYX), id(11)]);
    const { rows } = await current().database.query<{ message_id: string; claimed_by: string }>(
      `SELECT message_id, claimed_by::text AS claimed_by FROM aurora_desk.lootdrop_claims ORDER BY message_id`,
    );
    expect(rows).toEqual([{ message_id: id(11), claimed_by: String(NYX) }]);
  });

  it('filters and pages the history', async () => {
    const now = Date.now();
    for (let i = 0; i < 7; i++) {
      await insertDrop(current().database, {
        messageId: id(100 + i),
        channelId: i % 2 ? CHANNEL_RAIDS : CHANNEL_TAVERN,
        currency: i === 6 ? 'GEMS' : 'COINS',
        claimedBy: i < 3 ? NYX : null,
        createdAt: new Date(now - (10 - i) * MIN),
        expiresAt: new Date(now + (i - 4.5) * MIN),
      });
    }
    const newestFirst = [6, 5, 4, 3, 2, 1, 0].map((i) => id(100 + i));
    const first = await caller().lootdrops.history({ limit: 3 });
    expect(first.rows.map((d) => d.messageId)).toEqual(newestFirst.slice(0, 3));
    const second = await caller().lootdrops.history({ limit: 3, cursor: first.nextCursor });
    const third = await caller().lootdrops.history({ limit: 3, cursor: second.nextCursor });
    expect([...second.rows, ...third.rows].map((d) => d.messageId)).toEqual(newestFirst.slice(3));
    expect(third.nextCursor).toBeNull();

    const ids = async (input: Parameters<ReturnType<typeof caller>['lootdrops']['history']>[0]) => (await caller().lootdrops.history(input)).rows.map((d) => d.messageId);
    expect(await ids({ channelId: CHANNEL_RAIDS })).toEqual([5, 3, 1].map((i) => id(100 + i)));
    expect(await ids({ status: 'claimed' })).toEqual([2, 1, 0].map((i) => id(100 + i)));
    expect(await ids({ status: 'active' })).toEqual([6, 5].map((i) => id(100 + i)));
    expect(await ids({ status: 'expired' })).toEqual([4, 3].map((i) => id(100 + i)));
    expect(await ids({ currency: 'GEMS' })).toEqual([id(106)]);
    expect(await ids({ claimedBy: String(NYX) })).toEqual([2, 1, 0].map((i) => id(100 + i)));
    expect(await ids({ from: new Date(now - 5.5 * MIN), to: new Date(now - 4.5 * MIN) })).toEqual([id(105)]);
    expect(await ids({ fromDeskOnly: true })).toEqual([]);
  });

  it('gives per-channel claim rate and median time to claim where claims were timed', async () => {
    const now = Date.now();
    const created = new Date(now - 60 * MIN);
    // raids: 3 claimed (timed 4 s, 10 s, 40 s), 1 expired -> 75 %, median 10 s.
    const raids = [4_000, 10_000, 40_000];
    for (const [i, ms] of raids.entries()) {
      await insertDrop(current().database, { messageId: id(200 + i), channelId: CHANNEL_RAIDS, claimedBy: NYX, createdAt: created, expiresAt: new Date(now - 50 * MIN) });
      await current().database.query(`INSERT INTO aurora_desk.lootdrop_claims (message_id, claimed_by, claimed_at) VALUES ($1, $2, $3::timestamptz)`, [
        id(200 + i),
        String(NYX),
        new Date(created.getTime() + ms).toISOString(),
      ]);
    }
    await insertDrop(current().database, { messageId: id(210), channelId: CHANNEL_RAIDS, createdAt: created, expiresAt: new Date(now - 50 * MIN) });
    // tavern: 1 claimed untimed, 1 still up -> 100 %, no median; an old drop outside 30 days.
    await insertDrop(current().database, { messageId: id(220), channelId: CHANNEL_TAVERN, claimedBy: EMBER, createdAt: created, expiresAt: null });
    await insertDrop(current().database, { messageId: id(221), channelId: CHANNEL_TAVERN, createdAt: new Date(now - MIN), expiresAt: new Date(now + MIN) });
    await insertDrop(current().database, { messageId: id(222), channelId: CHANNEL_TAVERN, createdAt: new Date(now - 40 * 86_400_000), expiresAt: new Date(now - 40 * 86_400_000 + MIN) });

    const stats = await caller().lootdrops.stats({ days: 30 });
    expect(stats.channels).toEqual([
      { channelId: CHANNEL_RAIDS, drops: 4, claimed: 3, expired: 1, active: 0, claimRate: 0.75, measuredClaims: 3, medianClaimMs: 10_000 },
      { channelId: CHANNEL_TAVERN, drops: 2, claimed: 1, expired: 0, active: 1, claimRate: 1, measuredClaims: 0, medianClaimMs: null },
    ]);
    expect(stats.overall).toMatchObject({ drops: 6, claimed: 4, expired: 1, measuredClaims: 3, medianClaimMs: 10_000 });
    expect(stats.claimTimes.map((b) => b.claims)).toEqual([1, 1, 0, 1, 0, 0, 0, 0]);
    const all = await caller().lootdrops.stats({ days: null });
    expect(all.channels.find((c) => c.channelId === CHANNEL_TAVERN)).toMatchObject({ drops: 3, expired: 1, claimRate: 0.5 });
  });
});
