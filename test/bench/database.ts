/**
 * A disposable, migrated database for a bench module: a scratch database created beside the
 * given server (never the given database itself, which may be the bot's), or an embedded PGlite
 * in a temporary folder. `close()` drops or deletes it.
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { migrateDatabase } from '../../src/main/db/migrate.js';
import { openDatabase, type AuroraDatabase } from '../../src/main/core/database.js';
import { seedDatabase } from '../../src/main/db/seed.js';

export interface BenchDatabase {
  database: AuroraDatabase;
  /** postgres only: the scratch database's URL, for second connections. */
  url?: string;
  close(): Promise<void>;
}

export async function openBenchDatabase(databaseUrl: string | undefined): Promise<BenchDatabase> {
  if (!databaseUrl) {
    const dataDir = await mkdtemp(join(tmpdir(), 'aurora-bench-'));
    const database = await openDatabase({ kind: 'embedded', dataDir });
    await migrateDatabase(database);
    return {
      database,
      async close() {
        await database.close();
        await rm(dataDir, { recursive: true, force: true });
      },
    };
  }
  const name = `aurora_desk_bench_${randomBytes(4).toString('hex')}`;
  await admin(databaseUrl, `CREATE DATABASE ${name}`);
  const scratch = new URL(databaseUrl);
  scratch.pathname = `/${name}`;
  const url = scratch.toString();
  const database = await openDatabase({ kind: 'postgres', url, poolSize: 4, applicationName: 'aurora-desk bench' });
  await migrateDatabase(database);
  return {
    database,
    url,
    async close() {
      await database.close();
      await admin(databaseUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    },
  };
}

async function admin(url: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** How many moderation cases the database at `url` holds (0 without the table): whether it is big enough to read as it is. */
export async function countCases(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url, application_name: 'aurora-desk bench (read-only)' });
  await client.connect();
  try {
    const exists = await client.query<{ t: string | null }>(`SELECT to_regclass('moderation_cases')::text AS t`);
    if (!exists.rows[0]?.t) return 0;
    const { rows } = await client.query<{ n: string }>('SELECT count(*) AS n FROM moderation_cases');
    return Number(rows[0]!.n);
  } finally {
    await client.end();
  }
}

/** A world of `cases` moderation cases and the players they name, and nothing else, analysed for the planner. */
export async function seedModerationCases(database: AuroraDatabase, cases: number): Promise<void> {
  await seedDatabase(database, {
    cases,
    users: Math.max(100, Math.floor(cases / 5)),
    transactions: 0,
    itemTransactions: 0,
    questProgress: 0,
    lootdrops: 0,
    quests: 5,
  });
  await database.query('ANALYZE moderation_cases');
}
