import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { deskVersion, ensureBotSchema, migrateDatabase } from '../../src/main/db/migrate.js';
import * as s from '../../src/main/db/schema.js';
import { describeOnBothDrivers } from '../fixtures/databases.js';

const BIG = 1234567890123456789n; // above 2^53: a JS number would round it
const BIGGER = 9223372036854775807n; // int8 max

function pgCode(error: unknown): string | undefined {
  let e = error as { code?: string; cause?: unknown } | undefined;
  while (e) {
    if (typeof e.code === 'string') return e.code;
    e = e.cause as typeof e;
  }
  return undefined;
}

async function expectPgError(promise: Promise<unknown>, code: string): Promise<void> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error, `expected SQLSTATE ${code}`).toBeDefined();
  expect(pgCode(error)).toBe(code);
}

describeOnBothDrivers('the bot schema', (current) => {
  it('stores and reads back every table, with 64-bit IDs intact', async () => {
    const { db } = current().database;
    await db.insert(s.classes).values({ id: BIG, name: 'Warden', balance: BIGGER, roleId: '987654321098765432' });
    await db.insert(s.users).values({ id: BIG, classId: BIG, username: 'nyx', balance: BIGGER, xp: 10n });
    await db.insert(s.users).values({ id: BIG + 1n, username: 'ember' });
    const [item] = await db.insert(s.items).values({ name: 'Moonstone', type: 'MATERIAL', price: 25n }).returning();
    await db.insert(s.inventory).values({ userId: BIG, itemId: item!.id, quantity: 3n });
    await db.insert(s.transactions).values({ userId: BIG, relatedUserId: BIG + 1n, amount: -50n, type: 'TRADE' });
    await db.insert(s.itemTransactions).values({ userId: BIG, itemId: item!.id, quantity: 3n, type: 'DROP' });
    const [quest] = await db
      .insert(s.quests)
      .values({ name: 'First steps', triggerEvent: 'MESSAGE_SENT', requirements: { target: 5 }, rewards: { xp: 10 } })
      .returning();
    await db.insert(s.userQuests).values({ userId: BIG, questId: quest!.id, progress: 2 });
    await db.insert(s.userTimers).values({ userId: BIG, type: 'COOLDOWN', key: 'daily', expiresAt: new Date('2026-01-02T03:04:05Z') });
    await db.insert(s.lootdrops).values({ messageId: '1300000000000000001', channelId: '1200000000000000001', rewardAmount: 50, currency: 'GOLD', claimedBy: BIG });
    await db.insert(s.moderationCases).values({ caseId: 'CASE-0001', type: 'warn', userId: BIGGER, moderatorId: BIG, reason: 'spam' });

    const [user] = await db.select().from(s.users).where(eq(s.users.id, BIG));
    expect(user?.id).toBe(BIG);
    expect(user?.balance).toBe(BIGGER);
    expect(user?.isActive).toBe(true);
    expect(user?.level).toBe(1);
    const [held] = await db
      .select({ roleId: s.classes.roleId, itemName: s.items.name, quantity: s.inventory.quantity })
      .from(s.inventory)
      .innerJoin(s.items, eq(s.items.id, s.inventory.itemId))
      .innerJoin(s.users, eq(s.users.id, s.inventory.userId))
      .innerJoin(s.classes, eq(s.classes.id, s.users.classId))
      .where(eq(s.inventory.userId, BIG));
    expect(held?.roleId).toBe('987654321098765432');
    expect(held?.itemName).toBe('Moonstone');
    expect(held?.quantity).toBe(3n);
    const [item2] = await db.select().from(s.items);
    expect(item2?.rarity).toBe('Common');
    const [modCase] = await db.select().from(s.moderationCases);
    expect(modCase?.userId).toBe(BIGGER);
    expect(modCase?.active).toBe(true);
    expect(modCase?.createdAt).toBeInstanceOf(Date);
    const [timer] = await db.select().from(s.userTimers);
    expect(timer?.expiresAt.toISOString()).toBe('2026-01-02T03:04:05.000Z');
    const [tx] = await db.select().from(s.transactions);
    expect(tx?.amount).toBe(-50n);
    const [drop] = await db.select().from(s.lootdrops);
    expect(drop?.claimedBy).toBe(BIG);
    const [progress] = await db.select().from(s.userQuests);
    expect(progress?.completedAt).toBeNull();
    const counts = await Promise.all(Object.values(s.botTables).map((t) => db.$count(t)));
    expect(counts.every((n) => n >= 1)).toBe(true);
    // raw SQL keeps int8 exact too
    const raw = await current().database.query<{ id: string }>('SELECT id FROM users WHERE id = $1', [BIG.toString()]);
    expect(raw.rows[0]?.id).toBe(BIG.toString());
  });

  it('raises foreign key, unique and check violations', async () => {
    const { db } = current().database;
    await expectPgError(db.insert(s.users).values({ id: 1n, username: 'x', classId: 424242n }), '23503');
    await expectPgError(db.insert(s.classes).values({ id: 77n, name: 'Warden' }), '23505');
    await expectPgError(db.insert(s.items).values({ name: 'Moonstone', type: 'MATERIAL' }), '23505');
    await expectPgError(
      db.insert(s.moderationCases).values({ caseId: 'CASE-0001', type: 'ban', userId: 1n, moderatorId: 2n }),
      '23505',
    );
    const [item] = await db.select().from(s.items);
    await expectPgError(db.insert(s.inventory).values({ userId: BIG + 1n, itemId: item!.id, quantity: 0n }), '23514');
    await expectPgError(db.insert(s.inventory).values({ userId: 5n, itemId: item!.id, quantity: 1n }), '23503');
    // moderation_cases.user_id is a plain ID: moderated people need not be players
    await db.insert(s.moderationCases).values({ caseId: 'CASE-0002', type: 'note', userId: 5n, moderatorId: 6n });
    expect(await db.$count(s.moderationCases)).toBe(2);
  });

  it('migrates idempotently and never re-creates existing bot tables', async () => {
    const database = current().database;
    const before = await deskVersion(database);
    const again = await migrateDatabase(database);
    expect(again.botSchema).toBe('present');
    expect(again.desk.applied).toEqual([]);
    expect(await deskVersion(database)).toBe(before);
    expect((await ensureBotSchema(database)).state).toBe('present');
    const { rows } = await database.query<{ n: number }>('SELECT count(*)::int AS n FROM users');
    expect(rows[0]?.n).toBe(2);
  });
});

describe('bigint mode', () => {
  it('declares every bigint column in bigint mode', () => {
    for (const table of Object.values(s.botTables)) {
      for (const column of Object.values(table) as { columnType?: string; name?: string }[]) {
        if (column?.columnType?.startsWith('PgBigInt') || column?.columnType?.startsWith('PgBigSerial')) {
          expect(column.columnType, column.name).toMatch(/64$/);
        }
      }
    }
  });
});
