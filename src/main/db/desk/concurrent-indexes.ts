/**
 * Indexes on the BOT's big tables, built without stopping the bot.
 *
 * A migration's `CREATE INDEX` runs in its transaction and holds a SHARE lock on the table while
 * it builds: on a live database with a million moderation cases the bot's inserts wait for it
 * (the trigram indexes take ~45 s at that size). `CREATE INDEX CONCURRENTLY` takes a lock that
 * does not conflict with inserts, updates or deletes, but cannot run inside a transaction.
 *
 * So, before a pending migration runs, the indexes it declares (`botIndexes`) are built here
 * first, concurrently, one at a time, outside any transaction, when their table is large enough
 * for the build to matter (on a small table the migration's own plain build takes a blink). The
 * migration's `CREATE INDEX IF NOT EXISTS` then finds them and does nothing. Anything refused
 * (no ownership, no pg_trgm, a deadlock) is cleaned up (a failed concurrent build leaves an
 * INVALID index behind, which is dropped) and left to the migration's fail-soft path, so the
 * outcome is never worse than without this step.
 *
 * Two desktops starting at once: a session advisory lock lets one build while the other waits,
 * then finds the indexes there. PostgreSQL only: an embedded PGlite database is the desk's own.
 */
import type pg from 'pg';
import { estimatedRows } from '../estimated-rows.js';
import type { AuroraDatabase } from '../../core/database.js';
import type { BotIndex, DeskMigration } from './types.js';

/** Below this many rows (planner estimate) the migration's own plain build is left to do it. */
export const CONCURRENT_BUILD_FROM_ROWS = 50_000;

const BUILD_LOCK = 727_272;

export interface ConcurrentBuildOptions {
  /** Override CONCURRENT_BUILD_FROM_ROWS (tests use 0). */
  fromRows?: number;
}

export interface ConcurrentBuildOutcome {
  /** Built concurrently just now. */
  built: string[];
  /** Tried and refused (left to the migration), with the database's reason. */
  skipped: { name: string; reason: string }[];
}

const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** Builds `migration.botIndexes` concurrently where their tables are large; see the header. */
export async function buildBotIndexesConcurrently(
  database: AuroraDatabase,
  migration: DeskMigration,
  options: ConcurrentBuildOptions = {},
): Promise<ConcurrentBuildOutcome> {
  const outcome: ConcurrentBuildOutcome = { built: [], skipped: [] };
  const wanted = migration.botIndexes ?? [];
  if (wanted.length === 0 || !database.pool) return outcome;
  const fromRows = options.fromRows ?? CONCURRENT_BUILD_FROM_ROWS;
  const client = await database.pool.connect();
  let locked = false;
  try {
    await client.query('SELECT pg_advisory_lock($1)', [BUILD_LOCK]);
    locked = true;
    for (const index of wanted) {
      const state = await indexState(client, index.name);
      if (state === 'valid') continue;
      // Never analysed (a fresh table) counts as empty: small enough for the plain build.
      if ((await estimatedRows(database.db, [ident(index.table)])) < fromRows) continue;
      if (state === 'invalid') await dropInvalid(client, index.name);
      try {
        const definition = await resolveDefinition(client, index);
        await client.query(`CREATE INDEX CONCURRENTLY IF NOT EXISTS ${ident(index.name)} ON ${ident(index.table)} ${definition}`);
        outcome.built.push(index.name);
      } catch (error) {
        outcome.skipped.push({ name: index.name, reason: (error as Error).message });
        await dropInvalid(client, index.name).catch(() => {});
      }
    }
    return outcome;
  } finally {
    if (locked) await client.query('SELECT pg_advisory_unlock($1)', [BUILD_LOCK]).catch(() => {});
    client.release();
  }
}

async function indexState(client: pg.PoolClient, name: string): Promise<'missing' | 'valid' | 'invalid'> {
  const { rows } = await client.query<{ valid: boolean }>(
    `SELECT i.indisvalid AS valid FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
      WHERE c.relname = $1 AND c.relnamespace = current_schema()::regnamespace`,
    [name],
  );
  if (rows.length === 0) return 'missing';
  return rows[0]!.valid ? 'valid' : 'invalid';
}

/** Only an index a failed concurrent build left INVALID is dropped; a valid one is never touched. */
async function dropInvalid(client: pg.PoolClient, name: string): Promise<void> {
  if ((await indexState(client, name)) === 'invalid') await client.query(`DROP INDEX CONCURRENTLY IF EXISTS ${ident(name)}`);
}

/** A trigram definition names its operator class with the schema pg_trgm lives in. */
async function resolveDefinition(client: pg.PoolClient, index: BotIndex): Promise<string> {
  if (!index.trigramColumn) return index.definition;
  await client.query('CREATE EXTENSION IF NOT EXISTS pg_trgm').catch(() => {});
  const { rows } = await client.query<{ nspname: string }>(
    `SELECT n.nspname FROM pg_opclass c JOIN pg_namespace n ON n.oid = c.opcnamespace JOIN pg_am am ON am.oid = c.opcmethod
      WHERE c.opcname = 'gin_trgm_ops' AND am.amname = 'gin' LIMIT 1`,
  );
  if (!rows[0]) throw new Error('pg_trgm is not available to this role');
  return `USING gin (${ident(index.trigramColumn)} ${ident(rows[0].nspname)}.gin_trgm_ops)`;
}
