/**
 * The kept queue counts: right after every kind of write the bot makes (single and bulk inserts,
 * resolves, type changes, deletes, TRUNCATE), rebuilt when missing, folded when they pile up, and
 * counted once when a bot write commits while the desk rebuilds them. Where the triggers are
 * absent the queues count the table as before, with the same figures.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { Client } from 'pg';
import { CASE_COUNT_TRIGGERS } from '../../src/main/db/desk/0014_case_counters.js';
import { FOLD_ABOVE_ROWS, readCaseCounters, rebuildCaseCounters } from '../../src/main/features/moderation/case-counters.js';
import { openDatabase, type AuroraDatabase } from '../../src/main/core/database.js';
import { describeOnBothDrivers, type Driver, type ScratchDatabase } from '../fixtures/databases.js';
import { callerFor, createTestServices } from '../fixtures/services.js';
import { insertBotCase, seedPlayers } from '../fixtures/moderation-world.js';

/** What a full count of the table says, in the counts' shape. */
async function truth(database: AuroraDatabase) {
  const { rows } = await database.query<{ active: boolean | null; n: string | number }>(`SELECT active, count(*) AS n FROM moderation_cases GROUP BY active`);
  const by = (active: boolean | null) => rows.filter((r) => r.active === active).reduce((sum, r) => sum + Number(r.n), 0);
  const all = rows.reduce((sum, r) => sum + Number(r.n), 0);
  return { active: by(true), resolved: by(false), recent: all };
}

async function typesTruth(database: AuroraDatabase) {
  const { rows } = await database.query<{ type: string; n: string | number }>(
    `SELECT type, count(*) AS n FROM moderation_cases WHERE active AND type IS NOT NULL GROUP BY type ORDER BY count(*) DESC, type`,
  );
  return rows.map((r) => ({ type: r.type, count: Number(r.n) }));
}

const keptRows = async (database: AuroraDatabase) => Number((await database.query<{ n: string }>('SELECT count(*) AS n FROM aurora_desk.case_counts')).rows[0]!.n);

describeOnBothDrivers('kept queue counts', (current, driver) => {
  const caller = () => callerFor(createTestServices(current().database));
  const counts = () => caller().moderation.counts({ queue: 'active' });

  beforeAll(async () => {
    await seedPlayers(current().database);
    for (let i = 0; i < 6; i++) await insertBotCase(current().database, { type: i % 2 ? 'warn' : 'ban', active: i < 4 });
  });

  it('answer from the kept counts, exactly, after single and bulk writes of every kind', async () => {
    const db = current().database;
    const first = await counts();
    expect(first.basis).toBe('exact');
    expect(first.queues).toMatchObject(await truth(db));
    expect(await readCaseCounters(db)).not.toBeNull();

    // A bulk insert, as an automod raid writes it: one statement, a handful of kept rows.
    const before = await keptRows(db);
    await db.query(`
      INSERT INTO moderation_cases (case_id, type, user_id, username, moderator_id, moderator_name, reason, active)
      SELECT 'R' || g, CASE WHEN g % 3 = 0 THEN 'mute' ELSE 'warn' END, 100000000000000000 + g, 'raider' || g, 1, 'AutoMod', 'spam', true
        FROM generate_series(1, 120) g`);
    expect(await keptRows(db)).toBeLessThanOrEqual(before + 2);
    expect((await counts()).queues).toMatchObject(await truth(db));

    await db.query(`UPDATE moderation_cases SET active = false, resolved_at = now() WHERE case_id LIKE 'R%' AND (substr(case_id, 2))::int % 4 = 0`);
    await db.query(`UPDATE moderation_cases SET reason = 'edited' WHERE case_id LIKE 'R%'`);
    await db.query(`UPDATE moderation_cases SET type = 'softban' WHERE case_id = 'R7'`);
    await db.query(`DELETE FROM moderation_cases WHERE case_id LIKE 'R%' AND (substr(case_id, 2))::int % 10 = 0`);
    const after = await counts();
    expect(after.queues).toMatchObject(await truth(db));
    expect(after.types).toEqual(await typesTruth(db));
    // A types filter is answered from the kept counts too.
    const filtered = await caller().moderation.counts({ queue: 'active', filters: { types: ['mute'] } });
    expect(filtered.queues.active).toBe((await typesTruth(db)).find((t) => t.type === 'mute')?.count);
  });

  it('fold the differences into one row per group when they pile up, keeping the figures', async () => {
    const db = current().database;
    for (let i = 0; i < FOLD_ABOVE_ROWS + 20; i += 1) {
      await db.query(`UPDATE moderation_cases SET active = NOT active WHERE case_id = (SELECT case_id FROM moderation_cases ORDER BY id LIMIT 1)`);
    }
    expect(await keptRows(db)).toBeGreaterThan(FOLD_ABOVE_ROWS);
    expect((await counts()).queues).toMatchObject(await truth(db));
    const groups = await db.query<{ n: string }>(`SELECT count(*) AS n FROM (SELECT DISTINCT type, active FROM moderation_cases) g`);
    expect(await keptRows(db)).toBeLessThanOrEqual(Number(groups.rows[0]!.n));
    expect((await counts()).queues).toMatchObject(await truth(db));
  });

  it('rebuild after a TRUNCATE, and count the table as before while the triggers are missing', async () => {
    const db = current().database;
    await db.query('TRUNCATE moderation_cases');
    await insertBotCase(db, { type: 'warn' });
    expect((await db.query<{ r: boolean }>('SELECT reconciled_at IS NULL AS r FROM aurora_desk.case_count_state')).rows[0]!.r).toBe(true);
    expect((await counts()).queues).toMatchObject({ active: 1, resolved: 0, recent: 1 });

    for (const name of Object.values(CASE_COUNT_TRIGGERS)) await db.query(`DROP TRIGGER ${name} ON moderation_cases`);
    expect(await readCaseCounters(db)).toBeNull();
    await insertBotCase(db, { type: 'ban' });
    expect((await counts()).queues).toMatchObject({ active: 2, recent: 2 });

    // Reinstalled: what happened while they were missing is not trusted; the counts are rebuilt.
    const installed = await db.query<{ ok: boolean }>('SELECT aurora_desk.install_case_counters() AS ok');
    expect(installed.rows[0]!.ok).toBe(true);
    await insertBotCase(db, { type: 'ban', active: false });
    expect((await counts()).queues).toMatchObject({ active: 2, resolved: 1, recent: 3 });
  });

  it('count the table in a read-only session that finds the kept counts in need of a rebuild', async () => {
    const db = current().database;
    await db.query('UPDATE aurora_desk.case_count_state SET reconciled_at = NULL');
    const readOnly = await readOnlySession(current(), driver);
    try {
      expect(await readCaseCounters(readOnly)).toBeNull();
      const answer = await callerFor(createTestServices(readOnly)).moderation.counts({ queue: 'active' });
      expect(answer.queues).toMatchObject(await truth(db));
    } finally {
      await readOnly.close();
    }
    expect(await readCaseCounters(db)).not.toBeNull();
  });

  if (driver === 'postgres') {
    it('count a bot write still open while the desk rebuilds the counts exactly once, after it commits', async () => {
      const db = current().database;
      const bot = new Client({ connectionString: current().url });
      await bot.connect();
      try {
        await bot.query('BEGIN');
        await bot.query(`INSERT INTO moderation_cases (case_id, type, user_id, username, moderator_id, moderator_name, reason, active)
                         VALUES ('LATE1', 'warn', 100000000000000999, 'late', 1, 'AutoMod', 'spam', true)`);
        await rebuildCaseCounters(db);
        await bot.query('COMMIT');
      } finally {
        await bot.end();
      }
      expect((await counts()).queues).toMatchObject(await truth(db));
    });
  }

  afterAll(async () => {
    await current().database.query('DELETE FROM moderation_cases');
  });
});

/** The same database through a session whose transactions are read-only (PGlite: its one session, until closed). */
async function readOnlySession(scratch: ScratchDatabase, driver: Driver): Promise<AuroraDatabase> {
  if (driver === 'pglite') {
    await scratch.database.query('SET default_transaction_read_only = on');
    return { ...scratch.database, db: scratch.database.db, query: scratch.database.query.bind(scratch.database), close: () => scratch.database.query('SET default_transaction_read_only = off').then(() => undefined) };
  }
  const url = new URL(scratch.url!);
  url.searchParams.set('options', '-c default_transaction_read_only=on');
  return openDatabase({ kind: 'postgres', url: url.toString(), poolSize: 2 });
}
