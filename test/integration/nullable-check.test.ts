/**
 * The schema check's promise about NULL, held to the behaviour: over a database whose every
 * non-key column allows NULL it answers OK with warnings, each naming what the screens do with
 * such values, and each column's sentence is checked here against what the router answers
 * (the screens' side of the same sentences: test/e2e/nullable-world.test.ts).
 */
import { beforeAll, expect, it } from 'vitest';
import { checkSchema, type SchemaReport } from '../../src/main/db/check.js';
import { DEFAULT_NULL_BEHAVIOUR, NULL_BEHAVIOUR, nullBehaviour } from '../../src/main/db/check/null-behaviour.js';
import { describeOnBothDrivers } from '../fixtures/databases.js';
import { NAMELESS_BALANCE_PLAYER, NULL_PLAYER, seedNullableWorld, type NullableWorld } from '../fixtures/nullable-world.js';
import { rejectionOf } from '../fixtures/rejection.js';
import { callerFor, createTestServices } from '../fixtures/services.js';

/** Sentences whose every clause is about what a screen draws: held by the e2e test. */
export const HELD_ON_SCREEN = ['users.username', 'moderation_cases.case_id'];

describeOnBothDrivers('the schema check on a database where every non-key column may be NULL', (current) => {
  let world: NullableWorld;
  let nullable: string[];
  let report: SchemaReport;
  const caller = () => callerFor(createTestServices(current().database));

  beforeAll(async () => {
    world = await seedNullableWorld(current().database);
    const { rows } = await current().database.query<{ at: string }>(
      `SELECT table_name || '.' || column_name AS at FROM information_schema.columns
        WHERE table_schema = 'public' AND is_nullable = 'YES' AND table_name = ANY($1::text[])`,
      [['users', 'classes', 'items', 'inventory', 'transactions', 'item_transactions', 'quests', 'user_quests', 'user_timers', 'lootdrops', 'moderation_cases']],
    );
    nullable = rows.map((r) => r.at);
    report = await checkSchema(current().database);
  });

  it('answers OK with warnings, each naming what the screens do with NULL in that column', () => {
    expect(report.ok).toBe(true);
    const warnings = report.differences.filter((d) => d.kind === 'nullability');
    expect(warnings.length).toBeGreaterThan(30);
    for (const warning of warnings) {
      expect(nullable).toContain(`${warning.table}.${warning.column}`);
      expect(warning.message).toBe(`Column ${warning.table}.${warning.column} allows NULL where Aurora Desk expects a value; ${nullBehaviour(warning.table, warning.column!)}.`);
    }
    // Every sentence of its own is printed by some warning here, so each one below is reachable.
    for (const at of Object.keys(NULL_BEHAVIOUR)) expect(warnings.map((w) => `${w.table}.${w.column}`)).toContain(at);
  });

  /** Each column's sentence, checked clause by clause against the router's answers. */
  const held: Record<string, () => Promise<void>> = {
    'users.balance': async () => {
      expect((await caller().players.profile({ playerId: NULL_PLAYER })).balance).toBeNull();
      expect((await caller().economy.overview({})).circulationUnrecorded).toBe(2);
      expect((await rejectionOf(caller().players.takeCurrency({ playerId: NULL_PLAYER, amount: 1n, reason: 'Check the promise' }))).code).toBe('BAD_REQUEST');
      expect(await caller().players.grantCurrency({ playerId: NAMELESS_BALANCE_PLAYER, amount: 1n, reason: 'Check the promise' })).toMatchObject({ balanceBefore: null, balance: 1n });
    },
    'classes.balance': async () => {
      const overview = await caller().economy.overview({});
      expect(overview.classBanksUnrecorded).toBe(1);
      expect((await caller().economy.classes()).classes.some((c) => c.bankBalance === null)).toBe(true);
    },
    'inventory.quantity': async () => {
      expect((await caller().players.inventory({ playerId: NULL_PLAYER })).map((e) => e.quantity)).toEqual([null]);
      expect((await caller().economy.overview({})).itemSupply.find((s) => s.itemId === world.nullItem)?.unrecorded).toBe(2);
      expect((await rejectionOf(caller().players.removeItem({ playerId: NULL_PLAYER, itemId: world.nullItem, quantity: 1n, reason: 'Check the promise' }))).code).toBe('BAD_REQUEST');
      expect(await caller().players.grantItem({ playerId: NULL_PLAYER, itemId: world.nullItem, quantity: 2n, reason: 'Check the promise' })).toMatchObject({ quantityBefore: null, quantity: 2n });
    },
    'transactions.amount': async () => {
      const ledger = await caller().players.currencyLedger({ playerId: NAMELESS_BALANCE_PLAYER });
      expect(ledger.entries.some((e) => e.amount === null)).toBe(true);
      const daily = (await caller().economy.overview({})).perDay.filter((d) => d.type === 'DAILY');
      expect(daily.reduce((n, d) => n + d.unrecorded, 0)).toBe(1);
    },
    'transactions.type': async () => {
      const ledger = await caller().players.currencyLedger({ playerId: NAMELESS_BALANCE_PLAYER });
      expect(ledger.entries.some((e) => e.type === null)).toBe(true);
      expect(ledger.types.every((t) => typeof t.type === 'string')).toBe(true);
    },
    'item_transactions.type': async () => {
      const ledger = await caller().players.itemLedger({ playerId: NAMELESS_BALANCE_PLAYER });
      expect(ledger.entries.some((e) => e.type === null)).toBe(true);
      expect(ledger.types.every((t) => typeof t.type === 'string')).toBe(true);
    },
    'moderation_cases.active': async () => {
      const id = BigInt(world.nullActiveCase);
      const ids = async (queue: 'active' | 'resolved' | 'recent') => (await caller().moderation.list({ queue })).cases.map((c) => c.id);
      expect(await ids('recent')).toContain(id);
      expect(await ids('active')).not.toContain(id);
      expect(await ids('resolved')).not.toContain(id);
      const counts = await caller().moderation.counts({ queue: 'recent' });
      expect(counts.queues.recent).toBe(counts.queues.active + counts.queues.resolved + 2);
      const detail = await caller().moderation.detail({ id });
      const resolved = await caller().moderation.resolve({ id, expected: detail.summary.seen, reason: 'Check the promise' });
      expect(resolved.summary.active).toBe(false);
    },
    'moderation_cases.type': async () => {
      const counts = await caller().moderation.counts({ queue: 'recent' });
      expect(counts.types.every((t) => typeof t.type === 'string')).toBe(true);
      expect(counts.queues.recent).toBeGreaterThan(counts.types.reduce((n: number, t) => n + t.count, 0));
    },
    'quests.requirements': async () => {
      const quest = await caller().quests.get({ id: world.namedNullQuest });
      expect(quest.shape).toBe('foreign');
      expect(quest.issues.map((i) => `${i.path}: ${i.message}`)).toContain('requirements: Empty: the column is NULL in the database');
      const renamed = await caller().quests.update({ id: quest.id, version: quest.version, changes: { name: 'Unwritten path (kept)' } });
      expect(renamed.requirementsJson).toBeNull();
    },
    'quests.rewards': async () => {
      const quest = await caller().quests.get({ id: world.namedNullQuest });
      expect(quest.issues.map((i) => `${i.path}: ${i.message}`)).toContain('rewards: Empty: the column is NULL in the database');
      const renamed = await caller().quests.update({ id: quest.id, version: quest.version, changes: { description: 'Kept as it is' } });
      expect(renamed.rewardsJson).toBeNull();
    },
    'quests.trigger_event': async () => {
      expect((await caller().quests.get({ id: world.namedNullQuest })).shape).toBe('foreign');
      expect((await caller().quests.triggersInUse()).every((t) => typeof t.triggerEvent === 'string')).toBe(true);
    },
    'items.usage_data': async () => {
      const item = await caller().items.get({ id: world.namedNullItem });
      expect(item.shape).toBe('foreign');
      expect(item.issues.map((i) => `${i.path}: ${i.message}`)).toContain('usageData: Empty: the column is NULL in the database');
      const renamed = await caller().items.update({ id: item.id, version: item.version, changes: { name: 'Nameless relic (kept)' } });
      expect(renamed.usageDataJson).toBeNull();
    },
    'lootdrops.currency': async () => {
      expect((await caller().lootdrops.settings()).currencies.every((c) => typeof c === 'string')).toBe(true);
    },
  };

  it('holds every sentence of its own to what the router does', async () => {
    expect([...Object.keys(held), ...HELD_ON_SCREEN].sort()).toEqual(Object.keys(NULL_BEHAVIOUR).sort());
    for (const [at, check] of Object.entries(held)) {
      await check().catch((error: unknown) => {
        throw new Error(`${at}: "${NULL_BEHAVIOUR[at]}" does not hold: ${(error as Error).message}`);
      });
    }
    expect(DEFAULT_NULL_BEHAVIOUR).toContain('"—"');
  });
});
