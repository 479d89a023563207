/**
 * Staff writes on rows holding NULL where the bot's schema allows it: each does the plain thing
 * (a grant on a NULL balance or quantity starts it from 0, resolving a case whose `active` is NULL
 * settles it, renaming a quest leaves its NULL requirements as they are) or refuses with a clear
 * message (taking from a NULL balance, removing from a NULL quantity); never an internal error.
 */
import { and, eq } from 'drizzle-orm';
import { beforeEach, expect, it } from 'vitest';
import * as s from '../../src/main/db/schema.js';
import { describeOnBothDrivers, emptyBotTables } from '../fixtures/databases.js';
import { NAMELESS_BALANCE_PLAYER, NULL_PLAYER, seedNullableWorld, makeBotColumnsNullable, plantNulls, type NullableWorld } from '../fixtures/nullable-world.js';
import { rejectionOf } from '../fixtures/rejection.js';
import { callerFor, createTestServices } from '../fixtures/services.js';

describeOnBothDrivers('staff writes on rows holding NULL', (current) => {
  let world: NullableWorld;
  let seeded = false;
  const caller = () => callerFor(createTestServices(current().database));
  const db = () => current().database.db;

  // Each test starts from the same NULLs, whatever the one before it wrote.
  beforeEach(async () => {
    if (!seeded) {
      world = await seedNullableWorld(current().database);
      seeded = true;
      return;
    }
    await emptyBotTables(current().database);
    await makeBotColumnsNullable(current().database);
    world = await plantWithOrdinaryItem();
  });

  /** The planted rows again, with one ordinary item for the NULL-quantity stacks. */
  async function plantWithOrdinaryItem(): Promise<NullableWorld> {
    await current().database.query(`INSERT INTO items (name, rarity, type, usage_data) VALUES ('Moonstone', 'Rare', 'MATERIAL', '{}')`);
    return plantNulls(current().database);
  }

  const balanceOf = async (id: bigint) => (await db().select({ b: s.users.balance }).from(s.users).where(eq(s.users.id, id)))[0]?.b;

  it('grants coins on a NULL balance: it starts from 0 and the answer says there was none', async () => {
    const result = await caller().players.grantCurrency({ playerId: NAMELESS_BALANCE_PLAYER, amount: 250n, reason: 'Restore a lost balance' });
    expect(result).toMatchObject({ balanceBefore: null, balance: 250n });
    expect(await balanceOf(NAMELESS_BALANCE_PLAYER)).toBe(250n);
  });

  it('refuses to take coins from a NULL balance, saying why', async () => {
    const refused = await rejectionOf(caller().players.takeCurrency({ playerId: NULL_PLAYER, amount: 1n, reason: 'Duplicated reward' }));
    expect(refused.code).toBe('BAD_REQUEST');
    expect(refused.message).toContain('no balance recorded');
    expect(await balanceOf(NULL_PLAYER)).toBeNull();
  });

  it('adds an item to a NULL quantity: the stack starts from 0', async () => {
    const result = await caller().players.grantItem({ playerId: NAMELESS_BALANCE_PLAYER, itemId: world.nullItem, quantity: 3n, reason: 'Event prize' });
    expect(result).toMatchObject({ quantityBefore: null, quantity: 3n });
    const [stack] = await db().select().from(s.inventory).where(and(eq(s.inventory.itemId, world.nullItem), eq(s.inventory.userId, NAMELESS_BALANCE_PLAYER)));
    expect(stack?.quantity).toBe(3n);
  });

  it('refuses to remove items from a NULL quantity, saying why', async () => {
    const refused = await rejectionOf(caller().players.removeItem({ playerId: NULL_PLAYER, itemId: world.nullItem, quantity: 1n, reason: 'Duplicated drop' }));
    expect(refused.code).toBe('BAD_REQUEST');
    expect(refused.message).toContain('no quantity recorded');
  });

  it('resolves a case whose active flag is NULL: it becomes resolved', async () => {
    const detail = await caller().moderation.detail({ id: BigInt(world.nullActiveCase) });
    expect(detail.summary.active).toBeNull();
    const result = await caller().moderation.resolve({ id: BigInt(world.nullActiveCase), expected: detail.summary.seen, reason: 'Settled by hand' });
    expect(result.summary).toMatchObject({ active: false, resolvedReasonExcerpt: 'Settled by hand' });
    // The other queues now hold it as any resolved case.
    const resolved = await caller().moderation.list({ queue: 'resolved' });
    expect(resolved.cases.map((c) => c.id)).toContain(BigInt(world.nullActiveCase));
  });

  it('renames a quest whose requirements are NULL, leaving them NULL', async () => {
    const quest = await caller().quests.get({ id: world.namedNullQuest });
    expect(quest.requirementsJson).toBeNull();
    const renamed = await caller().quests.update({ id: world.namedNullQuest, version: quest.version, changes: { name: 'Unwritten path (draft)' } });
    expect(renamed.name).toBe('Unwritten path (draft)');
    const [row] = await db().select({ requirements: s.quests.requirements }).from(s.quests).where(eq(s.quests.id, world.namedNullQuest));
    expect(row?.requirements).toBeNull();
  });
});
