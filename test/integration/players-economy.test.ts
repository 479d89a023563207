import { eq } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import * as s from '../../src/main/db/schema.js';
import { describeOnBothDrivers } from '../fixtures/databases.js';
import { callerFor, createTestServices } from '../fixtures/services.js';
import { EMBER, NYX, QUIET, SEER, WARDEN, seedPlayersWorld, type World } from '../fixtures/players-world.js';

const utcDay = (offsetDays: number) => new Date(Date.now() - offsetDays * 86_400_000).toISOString().slice(0, 10);

describeOnBothDrivers('economy overview and classes', (current) => {
  let world: World;
  const caller = () => callerFor(createTestServices(current().database));

  beforeAll(async () => {
    const { db } = current().database;
    world = await seedPlayersWorld(db);
    // A whale above 2^53, and history outside the 30-day window.
    await db.insert(s.users).values({ id: 1600000000000000001n, username: 'whale', classId: SEER, balance: 9007199254740993n });
    await db.insert(s.transactions).values({ userId: NYX, amount: 999n, type: 'ANCIENT', createdAt: new Date(Date.now() - 40 * 86_400_000) });
    await db.insert(s.inventory).values([
      { userId: EMBER, itemId: world.moonstone, quantity: 2n },
      { userId: EMBER, itemId: world.sunpetal, quantity: 9007199254740995n },
    ]);
  });

  it('sums circulation exactly, beside the class banks', async () => {
    const before = utcDay(29);
    const overview = await caller().economy.overview({});
    const after = utcDay(29);
    // 1200 + 300 + 0 + 10 + whale
    expect(overview.circulation).toBe(1510n + 9007199254740993n);
    expect(overview.classBanks).toBe(5000n);
    expect(overview.players).toBe(5);
    expect(overview.activePlayers).toBe(4);
    expect(overview.days).toBe(30);
    // (read around the call, so a run across midnight UTC still passes)
    expect([before, after]).toContain(overview.since);
  });

  it('counts transactions per UTC day and type inside the window only', async () => {
    const overview = await caller().economy.overview({ days: 30 });
    const key = (r: { day: string; type: string | null }) => `${r.day} ${r.type}`;
    // The seeded rows' own UTC days, not today's date: nothing here depends on the clock moving.
    const seeded = await current().database.db.select().from(s.transactions);
    const dayOf = (type: string) => seeded.find((t) => t.type === type)!.createdAt.toISOString().slice(0, 10);
    expect(overview.perDay.map(key)).toEqual([`${dayOf('TRADE')} TRADE`, `${dayOf('DAILY')} DAILY`, `${dayOf('SHOP_BUY')} SHOP_BUY`]);
    const trade = overview.perDay.find((r) => r.type === 'TRADE');
    expect(trade).toMatchObject({ count: 2, net: 0n });
    expect(overview.perDay.some((r) => r.type === 'ANCIENT')).toBe(false);
    const wide = await caller().economy.overview({ days: 90 });
    expect(wide.perDay.some((r) => r.type === 'ANCIENT')).toBe(true);
  });

  it('shows staff actions in today\'s volume', async () => {
    await caller().players.grantCurrency({ playerId: EMBER, amount: 40n, reason: 'Chart check' });
    const overview = await caller().economy.overview({});
    const [row] = await current().database.db.select().from(s.transactions).where(eq(s.transactions.type, 'STAFF_GRANT'));
    const day = row!.createdAt.toISOString().slice(0, 10);
    expect(overview.perDay.find((r) => r.type === 'STAFF_GRANT')).toEqual({ day, type: 'STAFF_GRANT', count: 1, net: 40n, unrecorded: 0 });
    await caller().players.takeCurrency({ playerId: EMBER, amount: 40n, reason: 'Chart check undone' });
  });

  it('ranks top holders by balance with IDs intact', async () => {
    const overview = await caller().economy.overview({ topHolders: 3 });
    expect(overview.topHolders).toEqual([
      { id: 1600000000000000001n, username: 'whale', balance: 9007199254740993n },
      { id: NYX, username: 'nyx', balance: 1200n },
      { id: EMBER, username: 'Ember_Fox', balance: 300n },
    ]);
  });

  it('sums supply per item across holders, beyond 2^53', async () => {
    const overview = await caller().economy.overview({});
    expect(overview.itemSupply).toEqual([
      { itemId: world.sunpetal, name: 'Sunpetal', rarity: 'Common', type: 'CONSUMABLE', supply: 9007199254740995n, holders: 1, unrecorded: 0 },
      { itemId: world.moonstone, name: 'Moonstone', rarity: 'Rare', type: 'MATERIAL', supply: 5n, holders: 2, unrecorded: 0 },
    ]);
  });

  it('lists classes with members, active members, member balances and bank', async () => {
    const view = await caller().economy.classes();
    expect(view.classes).toEqual([
      { id: SEER, name: 'Seer', roleId: null, bankBalance: 0n, members: 2, activeMembers: 2, memberBalance: 300n + 9007199254740993n, memberBalanceUnrecorded: 0 },
      { id: WARDEN, name: 'Warden', roleId: '987654321098765432', bankBalance: 5000n, members: 2, activeMembers: 2, memberBalance: 1210n, memberBalanceUnrecorded: 0 },
    ]);
    expect(view.unassigned).toBe(1);
    // A class change moves the member between the rows.
    await caller().players.changeClass({ playerId: QUIET, classId: WARDEN, reason: 'Picked a class' });
    const after = await caller().economy.classes();
    expect(after.classes.find((c) => c.id === WARDEN)?.members).toBe(3);
    expect(after.classes.find((c) => c.id === WARDEN)?.activeMembers).toBe(2);
    expect(after.unassigned).toBe(0);
  });

  it('validates the window', async () => {
    await expect(caller().economy.overview({ days: 0 })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(caller().economy.overview({ days: 367 })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
  });
});
