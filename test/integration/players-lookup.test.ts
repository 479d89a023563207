import { beforeAll, expect, it } from 'vitest';
import * as s from '../../src/main/db/schema.js';
import { describeOnBothDrivers } from '../fixtures/databases.js';
import { callerFor, createTestServices } from '../fixtures/services.js';
import { EMBER, NYX, QUIET, SEER, WARDEN, seedPlayersWorld, type World } from '../fixtures/players-world.js';
import { rejectionOf } from '../fixtures/rejection.js';

describeOnBothDrivers('player lookup', (current, driver) => {
  let world: World;
  const caller = () => callerFor(createTestServices(current().database));

  beforeAll(async () => {
    const { db } = current().database;
    world = await seedPlayersWorld(db);
    // A crowd to page through: 130 names sharing a fragment, inserted out of order.
    const crowd = Array.from({ length: 130 }, (_, i) => ({
      id: 1400000000000000000n + BigInt((i * 37) % 130),
      username: `Crowd-${String((i * 53) % 130).padStart(3, '0')}`,
    }));
    await db.insert(s.users).values(crowd);
  });

  it('finds a player by exact Discord ID above 2^53, digit for digit', async () => {
    const result = await caller().players.search({ query: NYX.toString() });
    expect(result.exact.map((p) => p.id)).toEqual([NYX]);
    expect(result.exact[0]).toMatchObject({ username: 'nyx', level: 12, balance: 1200n, isActive: true, className: 'Warden' });
    expect(result.players.map((p) => p.id)).not.toContain(NYX);
    // An ID as big as int8 allows, given as a string
    const quiet = await caller().players.search({ query: QUIET.toString() });
    expect(quiet.exact[0]?.id).toBe(QUIET);
    expect(quiet.exact[0]?.className).toBeNull();
  });

  it('matches username fragments case-insensitively, exact names first and not twice', async () => {
    const fox = await caller().players.search({ query: 'FOX' });
    expect(fox.exact).toEqual([]);
    expect(fox.players.map((p) => p.id)).toEqual([EMBER]);
    const nyx = await caller().players.search({ query: 'NyX' });
    expect(nyx.exact.map((p) => p.username)).toEqual(['nyx']);
    expect(nyx.players).toEqual([]);
  });

  it('treats LIKE metacharacters in the fragment as plain text', async () => {
    const percent = await caller().players.search({ query: '%' });
    expect(percent.players.map((p) => p.id)).toEqual([QUIET]);
    const underscore = await caller().players.search({ query: '_' });
    expect(underscore.players.map((p) => p.username)).toEqual(['Ember_Fox']);
    const none = await caller().players.search({ query: 'zzz-nobody' });
    expect(none).toEqual({ exact: [], players: [], nextCursor: null });
  });

  it('pages a fragment by name with a keyset cursor: every match once, in order', async () => {
    const seen: string[] = [];
    // TanStack's infinite queries ask for the first page with cursor: null.
    let cursor: { name: string; id: bigint } | null | undefined = null;
    let pages = 0;
    do {
      const page = await caller().players.search({ query: 'crowd', limit: 50, cursor });
      if (pages > 0) expect(page.exact).toEqual([]);
      seen.push(...page.players.map((p) => p.username ?? ''));
      cursor = page.nextCursor ?? undefined;
      pages++;
    } while (cursor && pages < 10);
    expect(pages).toBe(3);
    expect(seen).toHaveLength(130);
    expect(new Set(seen).size).toBe(130);
    expect(seen).toEqual([...seen].sort());
    expect(seen[0]).toBe('Crowd-000');
  });

  it('lists everyone by name with an empty query', async () => {
    const page = await caller().players.search({ query: '', limit: 3 });
    expect(page.exact).toEqual([]);
    expect(page.players.map((p) => p.username)).toEqual(['Crowd-000', 'Crowd-001', 'Crowd-002']);
    expect(page.nextCursor).not.toBeNull();
  });

  it('rejects an over-long query', async () => {
    const error = await rejectionOf(caller().players.search({ query: 'x'.repeat(101) }));
    expect(error.code).toBe('BAD_REQUEST');
    expect(Object.keys(error.data.fieldErrors ?? {})).toEqual(['query']);
  });

  it('shows a profile: class with role ID, level, xp, balance, streak, flags, settings, counts', async () => {
    const profile = await caller().players.profile({ playerId: NYX.toString() });
    expect(profile.id).toBe(NYX);
    expect(profile.class).toEqual({ id: WARDEN, name: 'Warden', roleId: '987654321098765432' });
    expect(profile).toMatchObject({ username: 'nyx', level: 12, balance: 1200n, dailyStreak: 4, isActive: true });
    expect(profile.xp).toBe(9007199254740993n); // 2^53 + 1
    expect(profile.settings).toEqual({ locale: 'en-GB', dm: false });
    expect(profile.createdAt).toBeInstanceOf(Date);
    expect(profile.counts).toEqual({ itemKinds: 1, quests: 2, questsCompleted: 1, timers: 2, moderationCases: 3 });
    const quiet = await caller().players.profile({ playerId: QUIET });
    expect(quiet.class).toBeNull();
    expect(quiet.isActive).toBe(false);
  });

  it('answers NOT_FOUND for an unknown player on every tab', async () => {
    const unknown = { playerId: 1500000000000000000n };
    for (const call of [
      () => caller().players.profile(unknown),
      () => caller().players.inventory(unknown),
      () => caller().players.quests(unknown),
      () => caller().players.timers(unknown),
      () => caller().players.currencyLedger(unknown),
      () => caller().players.itemLedger(unknown),
    ]) {
      const error = await rejectionOf(call());
      expect(error.code).toBe('NOT_FOUND');
      expect(error.message).toContain('1500000000000000000');
    }
  });

  it('lists the inventory with item details', async () => {
    const inventory = await caller().players.inventory({ playerId: NYX });
    expect(inventory).toEqual([
      { itemId: world.moonstone, name: 'Moonstone', description: 'Glows faintly.', rarity: 'Rare', type: 'MATERIAL', price: 25n, iconUrl: null, quantity: 3n },
    ]);
    expect(await caller().players.inventory({ playerId: QUIET })).toEqual([]);
  });

  it('lists quests with progress, target and completion, open ones first', async () => {
    const quests = await caller().players.quests({ playerId: NYX });
    expect(quests.map((q) => [q.name, q.progress, q.target, q.completedAt?.toISOString() ?? null])).toEqual([
      ['Kindle the hearth', 4, 10, null],
      ['Free-form', 1, null, '2026-01-05T10:00:00.000Z'],
    ]);
  });

  it('lists timers soonest first, with their metadata', async () => {
    const timers = await caller().players.timers({ playerId: NYX });
    expect(timers.map((t) => `${t.type}/${t.key}`)).toEqual(['EFFECT/luck', 'COOLDOWN/daily']);
    expect(timers[1]?.metadata).toEqual({ streak: 4 });
    expect(timers[0]?.expiresAt?.getTime()).toBeGreaterThan(Date.now() - 60_000);
  });

  it('summarises moderation cases per type, also for someone who never played', async () => {
    const summary = await caller().players.moderation({ playerId: NYX });
    expect(summary.total).toBe(3);
    expect(summary.active).toBe(2);
    expect(summary.byType).toEqual([
      { type: 'warn', total: 2, active: 1 },
      { type: 'timeout', total: 1, active: 1 },
    ]);
    expect(summary.lastCaseAt).toBeInstanceOf(Date);
    const outsider = await caller().players.moderation({ playerId: 1300000000000000001n });
    expect(outsider.byType).toEqual([{ type: 'ban', total: 1, active: 1 }]);
    const clean = await caller().players.moderation({ playerId: EMBER });
    expect(clean).toEqual({ total: 0, active: 0, byType: [], lastCaseAt: null });
  });

  it('pages the currency ledger newest first with the other party, filtered by type', async () => {
    const first = await caller().players.currencyLedger({ playerId: NYX, limit: 2, cursor: null });
    expect(first.entries.map((e) => e.type)).toEqual(['SHOP_BUY', 'DAILY']);
    expect(first.types).toEqual([
      { type: 'DAILY', count: 1 },
      { type: 'SHOP_BUY', count: 1 },
      { type: 'TRADE', count: 1 },
    ]);
    expect(first.nextCursor).not.toBeNull();
    const second = await caller().players.currencyLedger({ playerId: NYX, limit: 2, cursor: first.nextCursor! });
    expect(second.entries).toHaveLength(1);
    expect(second.entries[0]).toMatchObject({ type: 'TRADE', amount: 50n, relatedUser: { id: EMBER, username: 'Ember_Fox' } });
    expect(second.nextCursor).toBeNull();
    const trades = await caller().players.currencyLedger({ playerId: EMBER, type: 'TRADE' });
    expect(trades.entries.map((e) => [e.amount, e.relatedUser])).toEqual([[-50n, { id: NYX, username: 'nyx' }]]);
    const none = await caller().players.currencyLedger({ playerId: NYX, type: 'NOPE' });
    expect(none.entries).toEqual([]);
  });

  it('pages the item ledger with item names', async () => {
    const page = await caller().players.itemLedger({ playerId: NYX });
    expect(page.entries).toHaveLength(1);
    expect(page.entries[0]).toMatchObject({ itemId: world.moonstone, itemName: 'Moonstone', quantity: 3n, type: 'DROP', relatedUser: null });
  });

  it('offers items to grant by name fragment or number', async () => {
    const byName = await caller().players.itemChoices({ query: 'moon' });
    expect(byName.map((i) => i.name)).toEqual(['Moonstone']);
    const byNumber = await caller().players.itemChoices({ query: `#${world.sunpetal}` });
    expect(byNumber[0]?.name).toBe('Sunpetal');
    // By name, not by number: an item added later but named earlier comes first.
    await current().database.db.insert(s.items).values({ name: 'Amberglass', type: 'MATERIAL' });
    expect((await caller().players.itemChoices({ query: '' })).map((i) => i.name)).toEqual(['Amberglass', 'Moonstone', 'Sunpetal']);
  });

  it('records whether the trigram index could be built', async () => {
    const { rows } = await current().database.query<{ name: string; outcome: string }>(
      `SELECT name, outcome FROM aurora_desk.index_setup WHERE name LIKE 'aurora_desk_%' ORDER BY name`,
    );
    const outcomes = Object.fromEntries(rows.map((r) => [r.name, r.outcome]));
    expect(outcomes.aurora_desk_users_username_lower).toBe('created');
    expect(outcomes.aurora_desk_transactions_user).toBe('created');
    // Real PostgreSQL ships pg_trgm; the embedded PGlite here is opened without it.
    expect(outcomes.aurora_desk_users_username_trgm).toBe(driver === 'postgres' ? 'created' : 'skipped');
    const status = await caller().players.searchStatus();
    expect(status.trigram).toBe(driver === 'postgres');
  });

  it('keeps class IDs above 2^53 intact in search results', async () => {
    const result = await caller().players.search({ query: 'ember' });
    expect(result.players[0]?.className).toBe('Seer');
    const profile = await caller().players.profile({ playerId: EMBER });
    expect(profile.class?.id).toBe(SEER);
  });
});
