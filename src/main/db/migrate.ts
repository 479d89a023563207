/**
 * Two migration sets, with different owners:
 *  - the bot's tables (`drizzle/*.sql`, generated from schema.ts) are created ONLY on a database
 *    that holds none of them. An existing bot database is never altered: check.ts reports.
 *  - Aurora Desk's own objects (`aurora_desk` schema, `desk/`) are versioned in
 *    `aurora_desk.schema_version`. Where the role may not create them, the app still works.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildBotIndexesConcurrently, type ConcurrentBuildOptions } from './desk/concurrent-indexes.js';
import { deskMigrations, type DeskMigration } from './desk/index.js';
import type { AuroraDatabase } from '../core/database.js';
import { isPermissionDenied } from '../core/driver-errors.js';
import { botTableNames } from './schema.js';

export type BotSchemaState = 'created' | 'present' | 'partial';

export interface MigrationReport {
  botSchema: BotSchemaState;
  /** Bot tables found before migrating (empty when created). */
  botTablesFound: string[];
  desk: {
    applied: number[];
    version: number;
    available: boolean;
    reason?: string;
    /** Indexes on the bot's large tables built without blocking its writes (desk/concurrent-indexes.ts). */
    builtConcurrently?: string[];
  };
}

/** Finds `drizzle/` by walking up from this module: works from src/ (tsx) and out/ (built). */
export function locateBotMigrations(start = dirname(fileURLToPath(import.meta.url))): string {
  const override = process.env.AURORA_MIGRATIONS_DIR;
  if (override) return override;
  let dir = start;
  for (let i = 0; i < 8; i++) {
    const candidate = join(dir, 'drizzle');
    if (existsSync(join(candidate, 'meta', '_journal.json'))) return candidate;
    const parent = dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  throw new Error('Could not find the drizzle/ migrations folder next to the application.');
}

interface Journal {
  entries: { idx: number; tag: string }[];
}

export function readBotMigrationStatements(folder = locateBotMigrations()): string[] {
  const journal = JSON.parse(readFileSync(join(folder, 'meta', '_journal.json'), 'utf8')) as Journal;
  return journal.entries
    .sort((a, b) => a.idx - b.idx)
    .flatMap((entry) =>
      readFileSync(join(folder, `${entry.tag}.sql`), 'utf8')
        .split('--> statement-breakpoint')
        .map((s) => s.trim())
        .filter(Boolean),
    );
}

export async function findBotTables(database: AuroraDatabase): Promise<string[]> {
  const { rows } = await database.query<{ table_name: string }>(
    `SELECT table_name FROM information_schema.tables
      WHERE table_schema = current_schema() AND table_name = ANY($1::text[])`,
    [botTableNames],
  );
  return rows.map((r) => r.table_name).sort();
}

async function inTransaction(database: AuroraDatabase, statements: string[]): Promise<void> {
  if (database.pglite) {
    await database.pglite.transaction(async (tx) => {
      for (const statement of statements) await tx.exec(statement);
    });
    return;
  }
  const client = await database.pool!.connect();
  try {
    await client.query('BEGIN');
    for (const statement of statements) await client.query(statement);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}

/** Creates the bot's tables when the database holds none of them; otherwise leaves them alone. */
export async function ensureBotSchema(database: AuroraDatabase): Promise<{ state: BotSchemaState; found: string[] }> {
  const found = await findBotTables(database);
  if (found.length === botTableNames.length) return { state: 'present', found };
  if (found.length > 0) return { state: 'partial', found };
  await inTransaction(database, readBotMigrationStatements());
  return { state: 'created', found };
}

export async function deskVersion(database: AuroraDatabase): Promise<number> {
  const { rows } = await database.query<{ exists: boolean }>(
    `SELECT to_regclass('aurora_desk.schema_version') IS NOT NULL AS exists`,
  );
  if (!rows[0]?.exists) return 0;
  const result = await database.query<{ version: number | null }>(
    'SELECT max(version) AS version FROM aurora_desk.schema_version',
  );
  return Number(result.rows[0]?.version ?? 0);
}

/** Applies pending `aurora_desk` migrations. Serialised across desktops by an advisory lock. */
export async function migrateDesk(
  database: AuroraDatabase,
  migrations: readonly DeskMigration[] = deskMigrations,
  options: ConcurrentBuildOptions = {},
): Promise<MigrationReport['desk']> {
  const applied: number[] = [];
  const builtConcurrently: string[] = [];
  try {
    await inTransaction(database, [
      'CREATE SCHEMA IF NOT EXISTS aurora_desk',
      `CREATE TABLE IF NOT EXISTS aurora_desk.schema_version (
         version integer PRIMARY KEY,
         name text NOT NULL,
         applied_at timestamptz NOT NULL DEFAULT now()
       )`,
    ]);
    for (const migration of [...migrations].sort((a, b) => a.version - b.version)) {
      if (migration.botIndexes && !(await isApplied(database, migration.version))) {
        builtConcurrently.push(...(await buildBotIndexesConcurrently(database, migration, options)).built);
      }
      const done = await applyDeskMigration(database, migration);
      if (done) applied.push(migration.version);
    }
    return { applied, version: await deskVersion(database), available: true, ...(builtConcurrently.length ? { builtConcurrently } : {}) };
  } catch (error) {
    if (!isPermissionDenied(error)) throw error;
    return {
      applied,
      version: await deskVersion(database).catch(() => 0),
      available: false,
      reason: `This role may not create Aurora Desk's own objects (${(error as Error).message}); live updates fall back to polling.`,
    };
  }
}

async function isApplied(database: AuroraDatabase, version: number): Promise<boolean> {
  const { rows } = await database.query('SELECT 1 FROM aurora_desk.schema_version WHERE version = $1', [version]);
  return rows.length > 0;
}

async function applyDeskMigration(database: AuroraDatabase, migration: DeskMigration): Promise<boolean> {
  const record = `INSERT INTO aurora_desk.schema_version (version, name) VALUES (${migration.version}, '${migration.name.replace(/'/g, "''")}')`;
  const guarded = `DO $desk$ BEGIN
    PERFORM pg_advisory_xact_lock(727271);
    IF EXISTS (SELECT 1 FROM aurora_desk.schema_version WHERE version = ${migration.version}) THEN
      RAISE EXCEPTION 'aurora_desk_already_applied';
    END IF;
  END $desk$`;
  try {
    await inTransaction(database, [guarded, migration.sql, record]);
    return true;
  } catch (error) {
    if ((error as Error).message?.includes('aurora_desk_already_applied')) return false;
    throw error;
  }
}

export async function migrateDatabase(database: AuroraDatabase): Promise<MigrationReport> {
  const bot = await ensureBotSchema(database);
  const desk = await migrateDesk(database);
  return { botSchema: bot.state, botTablesFound: bot.found, desk };
}
