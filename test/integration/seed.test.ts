import { eq } from 'drizzle-orm';
import { getTableConfig, type PgTable } from 'drizzle-orm/pg-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkSchema } from '../../src/main/db/check.js';
import type { AuroraDatabase } from '../../src/main/core/database.js';
import * as s from '../../src/main/db/schema.js';
import {
  buildWorld,
  DEFAULT_ANCHOR,
  findForeignKeyViolations,
  scaleSeedOptions,
  seedDatabase,
  SeedRefusedError,
  type SeedOptions,
  type SeedSummary,
} from '../../src/main/db/seed.js';
import { Random } from '../../src/main/db/seed/random.js';
import { timestamp } from '../../src/main/db/seed/world.js';
import { createMigratedDatabase, drivers, skipReason, type ScratchDatabase } from '../fixtures/databases.js';

const small = {
  users: 60,
  cases: 240,
  transactions: 300,
  itemTransactions: 120,
  quests: 12,
  questProgress: 150,
  lootdrops: 40,
  items: 30,
} satisfies SeedOptions;

const TWO_53 = 2n ** 53n;

/** md5 of every row of every bot table, in primary key order. */
async function checksums(database: AuroraDatabase): Promise<Record<string, string>> {
  const sums: Record<string, string> = {};
  for (const table of Object.values(s.botTables)) {
    const config = getTableConfig(table as PgTable);
    const pk = config.primaryKeys[0]?.columns ?? config.columns.filter((c) => c.primary);
    const order = pk.map((c) => `t."${c.name}"`).join(', ');
    const { rows } = await database.query<{ sum: string }>(
      `SELECT md5(coalesce(string_agg(t::text, E'\\n' ORDER BY ${order}), '')) AS sum FROM "${config.name}" t`,
    );
    sums[config.name] = rows[0]!.sum;
  }
  return sums;
}

async function count(database: AuroraDatabase, sql: string): Promise<number> {
  const { rows } = await database.query<{ n: string }>(`SELECT count(*)::text AS n FROM ${sql}`);
  return Number(rows[0]!.n);
}

describe('the seeded PRNG', () => {
  it('repeats for the same seed and differs for another', () => {
    const draw = (seed: string) => Array.from({ length: 5 }, ((r) => () => r.next())(new Random(seed)));
    expect(draw('alpha')).toEqual(draw('alpha'));
    expect(draw('alpha')).not.toEqual(draw('beta'));
    expect(draw('alpha').every((x) => x >= 0 && x < 1)).toBe(true);
  });

  it('formats timestamps exactly as toISOString does, without the zone', () => {
    const r = new Random('clock');
    for (let i = 0; i < 2000; i++) {
      const ms = Date.UTC(2015, 0, 1) + Math.floor(r.next() * 12 * 365 * 86_400_000);
      expect(timestamp(ms)).toBe(new Date(ms).toISOString().slice(0, 23));
    }
    expect(timestamp(Date.UTC(2025, 11, 31, 23, 59, 59, 999))).toBe('2025-12-31T23:59:59.999');
  });

  it('sizes the scale set as the production database', () => {
    expect(scaleSeedOptions).toMatchObject({
      cases: 1_000_000,
      users: 200_000,
      transactions: 2_000_000,
      itemTransactions: 500_000,
      quests: 5_000,
      questProgress: 1_000_000,
      lootdrops: 10_000,
    });
  });
});

/** Checksums of the same seed on each driver, compared at the end of the file. */
const sumsByDriver: Partial<Record<string, Record<string, string>>> = {};

for (const driver of drivers) {
  const reason = skipReason(driver);
  if (reason) console.warn(`[seed on ${driver}] skipped: ${reason}`);

  describe.skipIf(Boolean(reason))(`seed (${driver})`, () => {
    let first: ScratchDatabase;
    let second: ScratchDatabase;
    let summary: SeedSummary;
    let firstSums: Record<string, string>;

    beforeAll(async () => {
      [first, second] = await Promise.all([createMigratedDatabase(driver), createMigratedDatabase(driver)]);
      summary = await seedDatabase(first.database, { ...small, seed: 'alpha' });
      await seedDatabase(second.database, { ...small, seed: 'alpha' });
      firstSums = await checksums(first.database);
      sumsByDriver[driver] = firstSums;
    });
    afterAll(async () => {
      await Promise.all([first?.drop(), second?.drop()]);
    });

    it('writes the same rows for the same seed, in the counts asked for', async () => {
      expect(await checksums(second.database)).toEqual(firstSums);
      expect(summary.rows).toMatchObject({
        users: small.users,
        moderation_cases: small.cases,
        transactions: small.transactions,
        item_transactions: small.itemTransactions,
        quests: small.quests,
        user_quests: small.questProgress,
        lootdrops: small.lootdrops,
        items: small.items,
        classes: 8,
      });
      expect(summary.rows.inventory).toBeGreaterThan(0);
      expect(summary.rows.user_timers).toBeGreaterThan(0);
      for (const [table, n] of Object.entries(summary.rows)) expect(await count(first.database, `"${table}"`), table).toBe(n);
      expect(summary.method).toBe(driver === 'postgres' ? 'copy' : 'insert');
    });

    it('keeps snowflakes and amounts above 2^53 exact', async () => {
      const world = buildWorld('alpha', { ...small }, DEFAULT_ANCHOR.getTime());
      const raw = await first.database.query<{ id: string }>('SELECT id::text AS id FROM users u ORDER BY u.id');
      expect(raw.rows.map((r) => r.id)).toEqual(world.playerIds);
      const players = await first.database.db.select({ id: s.users.id, balance: s.users.balance }).from(s.users).orderBy(s.users.id);
      expect(players.map((p) => p.id.toString())).toEqual(world.playerIds);
      expect(players.every((p) => p.id > TWO_53)).toBe(true);
      const digits = new Set(world.playerIds.map((id) => id.length));
      expect([...digits].every((d) => d >= 17 && d <= 19)).toBe(true);
      // Whales hold more than 2^53 coins; the value must come back to the last digit.
      const whale = players.find((p) => p.balance > TWO_53);
      expect(whale).toBeDefined();
      const whaleRaw = await first.database.query<{ balance: string }>('SELECT balance::text AS balance FROM users WHERE id = $1', [whale!.id.toString()]);
      expect(BigInt(whaleRaw.rows[0]!.balance)).toBe(whale!.balance);
      const [viaDrizzle] = await first.database.db.select().from(s.users).where(eq(s.users.id, whale!.id));
      expect(viaDrizzle?.balance).toBe(whale!.balance);
    });

    it('fills every table plausibly', async () => {
      const db = first.database;
      const distinct = async (sql: string) => (await db.query<{ v: string }>(sql)).rows.map((r) => r.v).sort();
      expect(await distinct('SELECT DISTINCT type AS v FROM items')).toEqual(['COLLECTIBLE', 'CONSUMABLE', 'EQUIPMENT', 'KEY', 'MATERIAL']);
      expect(await distinct('SELECT DISTINCT rarity AS v FROM items')).toEqual(['Common', 'Epic', 'Legendary', 'Rare', 'Uncommon']);
      expect(await count(db, `items WHERE icon_url NOT LIKE 'https://%'`)).toBe(0);
      expect(await count(db, `items WHERE usage_data = '{}'::jsonb`)).toBe(0);
      expect(await count(db, `classes WHERE role_id !~ '^[0-9]{17,19}$'`)).toBe(0);
      const caseTypes = await distinct('SELECT DISTINCT type AS v FROM moderation_cases');
      expect(caseTypes).toEqual(expect.arrayContaining(['warn', 'timeout', 'kick', 'ban', 'note', 'mute']));
      expect(await count(db, 'moderation_cases WHERE active')).toBeGreaterThan(0);
      expect(await count(db, 'moderation_cases WHERE resolved_at IS NOT NULL AND resolved_by IS NOT NULL')).toBeGreaterThan(0);
      expect(await count(db, 'moderation_cases WHERE resolved_at < created_at')).toBe(0);
      expect(await count(db, `moderation_cases WHERE case_id !~ '^A-[0-9]{6,}$'`)).toBe(0);
      expect(await count(db, `moderation_cases WHERE metadata ? 'duration'`)).toBeGreaterThan(0);
      expect(await count(db, `(SELECT DISTINCT moderator_id FROM moderation_cases) m`)).toBeGreaterThan(4);
      // Some moderated people were never players: no foreign key, and the data says so.
      expect(await count(db, 'moderation_cases c WHERE NOT EXISTS (SELECT 1 FROM users u WHERE u.id = c.user_id)')).toBeGreaterThan(0);
      const anchor = `'${DEFAULT_ANCHOR.toISOString()}'::timestamptz AT TIME ZONE 'UTC'`;
      expect(await count(db, 'lootdrops WHERE claimed_by IS NOT NULL')).toBeGreaterThan(0);
      expect(await count(db, `lootdrops WHERE claimed_by IS NULL AND expires_at > ${anchor}`)).toBeGreaterThan(0);
      expect(await count(db, `lootdrops WHERE claimed_by IS NULL AND expires_at < ${anchor}`)).toBeGreaterThan(0);
      expect(await count(db, 'user_quests WHERE completed_at IS NOT NULL')).toBeGreaterThan(0);
      expect(await count(db, 'user_quests WHERE completed_at IS NULL')).toBeGreaterThan(0);
      expect(await distinct('SELECT DISTINCT type AS v FROM user_timers')).toEqual(['ACCESS', 'COOLDOWN', 'EFFECT']);
      expect(await count(db, 'transactions WHERE related_user_id IS NOT NULL')).toBeGreaterThan(0);
      expect(await count(db, 'item_transactions WHERE quantity < 0')).toBeGreaterThan(0);
      const [quest] = (await db.query<{ requirements: { target: number }; rewards: { currency: string; xp: number } }>('SELECT requirements, rewards FROM quests ORDER BY id LIMIT 1')).rows;
      expect(quest!.requirements.target).toBeGreaterThan(0);
      expect(quest!.rewards.currency).toMatch(/^\d+$/);
      expect(await count(db, `quests WHERE jsonb_typeof(rewards->'currency') <> 'string'`)).toBe(0);
      expect(await count(db, 'users WHERE created_at > updated_at')).toBe(0);
    });

    it('leaves a schema that still checks clean, foreign keys whole, sequences past the seeded IDs', async () => {
      const db = first.database;
      expect((await checkSchema(db)).ok).toBe(true);
      expect(await findForeignKeyViolations(db)).toEqual([]);
      const [created] = await db.db
        .insert(s.moderationCases)
        .values({ caseId: 'D-000001', type: 'note', userId: 1n, moderatorId: 2n })
        .returning({ id: s.moderationCases.id });
      expect(created?.id).toBe(BigInt(small.cases + 1));
      const [item] = await db.db.insert(s.items).values({ name: 'Test Lantern', type: 'KEY' }).returning({ id: s.items.id });
      expect(item?.id).toBe(small.items + 1);
    });

    it('refuses a database that holds data, and with force replaces it deterministically', async () => {
      const refused = await seedDatabase(second.database, { ...small, seed: 'alpha' }).then(
        () => undefined,
        (error: unknown) => error,
      );
      expect(refused).toBeInstanceOf(SeedRefusedError);
      expect((refused as Error).message).toMatch(/already hold data .*users/);

      await seedDatabase(second.database, { ...small, seed: 'beta', force: true });
      const beta = await checksums(second.database);
      expect(beta.users).not.toBe(firstSums.users);
      expect(beta.moderation_cases).not.toBe(firstSums.moderation_cases);
      expect(beta.transactions).not.toBe(firstSums.transactions);

      await seedDatabase(second.database, { ...small, seed: 'alpha', force: true });
      expect(await checksums(second.database)).toEqual(firstSums);
    });

    it('keeps every index as it was (COPY sets secondary ones aside and rebuilds them)', async () => {
      if (driver === 'postgres') expect(summary.copyMode).toMatchObject({ freeze: true });
      else expect(summary.copyMode).toBeUndefined();
      const fresh = await createMigratedDatabase(driver);
      const indexes = `SELECT indexname AS name, indexdef AS def FROM pg_indexes WHERE schemaname = current_schema() ORDER BY indexname`;
      try {
        const before = await fresh.database.query<{ name: string; def: string }>(indexes);
        expect(before.rows.length).toBeGreaterThan(11);
        const seeded = await seedDatabase(fresh.database, { ...small, users: 10, cases: 10 });
        expect((await fresh.database.query(indexes)).rows).toEqual(before.rows);
        if (driver === 'postgres') {
          const secondary = await fresh.database.query<{ n: string }>(
            `SELECT count(*)::text AS n FROM pg_index i JOIN pg_class c ON c.oid = i.indrelid
              WHERE c.relnamespace = current_schema()::regnamespace
                AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid)`,
          );
          expect(seeded.copyMode?.rebuiltIndexes).toBe(Number(secondary.rows[0]!.n));
        }
      } finally {
        await fresh.drop();
      }
    });
  });
}

describe.skipIf(Boolean(skipReason('postgres')))('seed across drivers', () => {
  it('writes byte-identical rows on PGlite and on PostgreSQL for the same seed', () => {
    expect(sumsByDriver.pglite).toBeDefined();
    expect(sumsByDriver.postgres).toEqual(sumsByDriver.pglite);
  });
});
