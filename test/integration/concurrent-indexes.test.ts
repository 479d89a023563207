/**
 * Building Aurora Desk's indexes on the bot's big tables must not stop the bot: a migration's
 * `botIndexes` are built with CREATE INDEX CONCURRENTLY first (src/main/db/desk/concurrent-indexes.ts).
 *
 * The proof is about locks, not time: a bot transaction is left open on moderation_cases, so any
 * index build has to wait for it; while the build waits, another bot connection inserts a case
 * under a statement_timeout. Concurrently, the insert goes through. The control runs the same
 * migration through its plain in-transaction CREATE INDEX, whose queued SHARE lock makes that
 * insert wait until the timeout cancels it: the test can tell the two apart.
 *
 * Real PostgreSQL only (PGlite is a single in-process connection and never takes this path).
 */
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DeskMigration } from '../../src/main/db/desk/types.js';
import { migrateDesk } from '../../src/main/db/migrate.js';
import { createMigratedDatabase, type ScratchDatabase } from '../fixtures/databases.js';
import { hasPostgres, noPostgresReason } from '../fixtures/environment.js';

const skipReason = hasPostgres ? undefined : noPostgresReason;
if (skipReason) console.warn(`[concurrent index builds on postgres] skipped: ${skipReason}`);

let caseNumber = 0;
const insertCase = (client: pg.Client) =>
  client.query(`INSERT INTO moderation_cases (case_id, type, user_id, moderator_id) VALUES ($1, 'warn', 1, 2)`, [`CIC-${++caseNumber}`]);

function indexMigration(version: number, name: string, definition = '(moderator_id, user_id)'): DeskMigration {
  return {
    version,
    name: `test_${name}`,
    sql: `CREATE INDEX IF NOT EXISTS ${name} ON moderation_cases ${definition}`,
    botIndexes: [{ name, table: 'moderation_cases', definition }],
  };
}

describe.skipIf(Boolean(skipReason))('indexes on the bot tables are built without blocking its writes (postgres)', () => {
  let scratch: ScratchDatabase | undefined;
  const clients: pg.Client[] = [];

  async function connect(options: Partial<pg.ClientConfig> = {}): Promise<pg.Client> {
    const client = new pg.Client({ connectionString: scratch!.url, ...options });
    await client.connect();
    clients.push(client);
    return client;
  }

  /** Resolves once a statement mentioning `indexName` is waiting on a lock. */
  async function buildIsWaiting(observer: pg.Client, indexName: string): Promise<void> {
    for (let i = 0; i < 400; i++) {
      const { rows } = await observer.query(
        `SELECT 1 FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' AND query LIKE $1`,
        [`%${indexName}%`],
      );
      if (rows.length > 0) return;
      await new Promise((r) => setTimeout(r, 25));
    }
    throw new Error(`no index build of ${indexName} was seen waiting`);
  }

  async function indexValid(observer: pg.Client, name: string): Promise<boolean | undefined> {
    const { rows } = await observer.query<{ valid: boolean }>(
      `SELECT i.indisvalid AS valid FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid WHERE c.relname = $1`,
      [name],
    );
    return rows[0]?.valid;
  }

  /** Holds a bot transaction open, runs the migration, and tries a second bot insert meanwhile. */
  async function migrateBesideTheBot(migration: DeskMigration, fromRows: number) {
    const botTransaction = await connect();
    const otherBot = await connect({ statement_timeout: 3_000 });
    const observer = await connect();
    await botTransaction.query('BEGIN');
    await insertCase(botTransaction);
    const migrating = migrateDesk(scratch!.database, [migration], { fromRows });
    await buildIsWaiting(observer, migration.botIndexes![0]!.name);
    const insert = await insertCase(otherBot).then(
      () => 'inserted' as const,
      (error: Error) => error.message,
    );
    await botTransaction.query('COMMIT');
    const report = await migrating;
    return { insert, report, valid: await indexValid(observer, migration.botIndexes![0]!.name) };
  }

  beforeAll(async () => {
    scratch = await createMigratedDatabase('postgres');
  }, 60_000);

  afterAll(async () => {
    await Promise.all(clients.map((c) => c.end().catch(() => {})));
    await scratch?.drop();
  });

  it('builds concurrently on a large table: a bot insert goes through while the build waits', async () => {
    const { insert, report, valid } = await migrateBesideTheBot(indexMigration(9001, 'aurora_desk_test_concurrent'), 0);
    expect(insert).toBe('inserted');
    expect(report.applied).toEqual([9001]);
    expect(report.builtConcurrently).toEqual(['aurora_desk_test_concurrent']);
    expect(valid).toBe(true);
  }, 60_000);

  it('control: the plain in-transaction build makes the same insert wait (cancelled by its timeout)', async () => {
    const { insert, report, valid } = await migrateBesideTheBot(indexMigration(9002, 'aurora_desk_test_plain'), Number.POSITIVE_INFINITY);
    expect(insert).toMatch(/statement timeout/);
    expect(report.applied).toEqual([9002]);
    expect(report.builtConcurrently).toBeUndefined();
    expect(valid).toBe(true);
  }, 60_000);

  it('replaces an INVALID index a failed concurrent build left behind', async () => {
    const observer = await connect();
    // A unique index over duplicate values fails half-way and leaves an invalid index behind.
    await insertCase(observer);
    await expect(observer.query('CREATE UNIQUE INDEX CONCURRENTLY aurora_desk_test_leftover ON moderation_cases (type)')).rejects.toThrow();
    expect(await indexValid(observer, 'aurora_desk_test_leftover')).toBe(false);
    const report = await migrateDesk(scratch!.database, [indexMigration(9003, 'aurora_desk_test_leftover')], { fromRows: 0 });
    expect(report.builtConcurrently).toEqual(['aurora_desk_test_leftover']);
    expect(await indexValid(observer, 'aurora_desk_test_leftover')).toBe(true);
  }, 60_000);

  it('leaves small tables to the migration, and an applied migration alone', async () => {
    const observer = await connect();
    await observer.query('ANALYZE moderation_cases');
    const small = await migrateDesk(scratch!.database, [indexMigration(9004, 'aurora_desk_test_small')]);
    expect(small.applied).toEqual([9004]);
    expect(small.builtConcurrently).toBeUndefined();
    expect(await indexValid(observer, 'aurora_desk_test_small')).toBe(true);
    await observer.query('DROP INDEX aurora_desk_test_small');
    const again = await migrateDesk(scratch!.database, [indexMigration(9004, 'aurora_desk_test_small')], { fromRows: 0 });
    expect(again.applied).toEqual([]);
    expect(again.builtConcurrently).toBeUndefined();
    expect(await indexValid(observer, 'aurora_desk_test_small')).toBeUndefined();
  }, 60_000);
});
