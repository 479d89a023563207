/**
 * The real-PostgreSQL load path: COPY in one transaction per table group, two groups at a time.
 * Everything it changes besides rows happens inside that transaction, so a failure or a killed
 * process leaves the tables as they were.
 */
import { getTableConfig, type PgTable } from 'drizzle-orm/pg-core';
import type pg from 'pg';
import type { AuroraDatabase } from '../../core/database.js';
import { botTables, type BotTableName } from '../schema.js';
import type { TableStream } from './rows.js';
import { copyRows } from './writers.js';

export type Report = (table: BotTableName, rows: number, since: number) => void;

/** How the COPY path could run on this server and role (each part falls back when not permitted). */
export interface CopyMode {
  /**
   * Truncated in the loading transaction, so COPY ... FREEZE writes rows already frozen and
   * visible to all: no hint-bit rewrite on first read, index-only scans work without a VACUUM.
   */
  freeze: boolean;
  /**
   * session_replication_role = replica skips the row-by-row foreign key triggers and the
   * aurora_desk notify triggers (a seed must not flood live listeners with a million events).
   * The keys are then verified over whole tables after the load. Needs a superuser.
   */
  deferredForeignKeys: boolean;
  /**
   * Secondary (non-constraint) indexes were dropped before the COPY and re-created from their
   * saved definitions before COMMIT: one sorted build instead of a million insertions (the
   * trigram GIN indexes especially). Same names and definitions afterwards; constraint indexes
   * (primary keys, uniques) are never touched.
   */
  rebuiltIndexes: number;
}

/** Runs `sql` in a savepoint; a failure (typically a missing privilege) rolls back only that step. */
async function attempt(client: pg.PoolClient, sql: string): Promise<boolean> {
  await client.query('SAVEPOINT seed_attempt');
  try {
    await client.query(sql);
    await client.query('RELEASE SAVEPOINT seed_attempt');
    return true;
  } catch {
    await client.query('ROLLBACK TO SAVEPOINT seed_attempt');
    return false;
  }
}

const tableList = (tables: readonly string[]) => tables.map((t) => `"${t}"`).join(', ');

async function setAsideIndexes(client: pg.PoolClient, tables: readonly string[]): Promise<string[]> {
  const { rows } = await client.query<{ name: string; definition: string }>(
    `SELECT format('%I.%I', n.nspname, ic.relname) AS name, pg_get_indexdef(i.indexrelid) AS definition
       FROM pg_index i
       JOIN pg_class c ON c.oid = i.indrelid
       JOIN pg_class ic ON ic.oid = i.indexrelid
       JOIN pg_namespace n ON n.oid = ic.relnamespace
      WHERE c.relnamespace = current_schema()::regnamespace AND c.relname = ANY($1::text[])
        AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid)`,
    [tables],
  );
  if (rows.length === 0) return [];
  const dropped = await attempt(client, `DROP INDEX ${rows.map((r) => r.name).join(', ')}`);
  return dropped ? rows.map((r) => r.definition) : [];
}

async function loadInTransaction(
  pool: pg.Pool,
  streams: TableStream[],
  truncate: readonly string[],
  report: Report,
): Promise<CopyMode> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    // Seed data is reproducible: losing the last commit in a crash costs nothing, waiting on fsync does.
    await client.query('SET LOCAL synchronous_commit = off');
    // Index builds at the end of the load: the trigram GIN builds run a third faster with room.
    await client.query(`SET LOCAL maintenance_work_mem = '1GB'`);
    const deferredForeignKeys = await attempt(client, 'SET LOCAL session_replication_role = replica');
    // The tables are known to be empty here (seedDatabase refused or emptied them first).
    const freeze = await attempt(client, `TRUNCATE ${tableList(truncate)}`);
    const indexes = await setAsideIndexes(client, streams.map((s) => s.table));
    for (const stream of streams) {
      const since = performance.now();
      const rows = await copyRows(client, stream, freeze);
      if (stream === streams[streams.length - 1]) for (const definition of indexes) await client.query(definition);
      report(stream.table, rows, since);
    }
    await client.query('COMMIT');
    return { freeze, deferredForeignKeys, rebuiltIndexes: indexes.length };
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}

/** Tables joined to others by a foreign key, either way: they load after the foundation. */
function linkedTables(): Set<string> {
  const linked = new Set<string>();
  for (const table of Object.values(botTables)) {
    const config = getTableConfig(table as PgTable);
    for (const fk of config.foreignKeys) {
      linked.add(config.name);
      linked.add(getTableConfig(fk.reference().foreignTable).name);
    }
  }
  return linked;
}

/**
 * Loads the foundation (referenced by everything) on one connection while tables without any
 * foreign key (moderation_cases, the longest load) start at once on the others; then every
 * remaining table, largest first, on whichever connection is free.
 */
export async function seedWithCopy(
  pool: pg.Pool,
  foundation: TableStream[],
  history: TableStream[],
  concurrency: number,
  report: Report,
): Promise<CopyMode> {
  const linked = linkedTables();
  const independent = history.filter((s) => !linked.has(s.table));
  const dependent = history.filter((s) => linked.has(s.table));
  const modes: CopyMode[] = [];
  const loadOne = async (stream: TableStream) => modes.push(await loadInTransaction(pool, [stream], [stream.table], report));
  const drain = async (queue: TableStream[]) => {
    for (let next = queue.shift(); next; next = queue.shift()) await loadOne(next);
  };
  // TRUNCATE of a referenced table must name every table referencing it, hence the whole linked set.
  const loadFoundation = async () => {
    modes.push(await loadInTransaction(pool, foundation, [...linked], report));
  };
  const connections = Math.max(1, concurrency);
  if (connections === 1) {
    await loadFoundation();
    await drain(independent);
    await drain(dependent);
  } else {
    // The foundation holds one connection; the others start on the independent tables meanwhile.
    const foundationDone = loadFoundation();
    const workers = Array.from({ length: connections }, async (_, index) => {
      if (index > 0) await drain(independent);
      await foundationDone;
      await drain(dependent);
    });
    await Promise.all([foundationDone, ...workers]);
  }
  return {
    freeze: modes.every((m) => m.freeze),
    deferredForeignKeys: modes.some((m) => m.deferredForeignKeys),
    rebuiltIndexes: modes.reduce((n, m) => n + m.rebuiltIndexes, 0),
  };
}

/** Every foreign key of the bot schema, checked over whole tables (one anti-join per key). */
export async function findForeignKeyViolations(database: AuroraDatabase): Promise<string[]> {
  const problems: string[] = [];
  for (const table of Object.values(botTables)) {
    const config = getTableConfig(table as PgTable);
    for (const fk of config.foreignKeys) {
      const ref = fk.reference();
      const parent = getTableConfig(ref.foreignTable).name;
      const columns = ref.columns.map((c) => c.name);
      const match = columns.map((c, i) => `p."${ref.foreignColumns[i]!.name}" = c."${c}"`).join(' AND ');
      const present = columns.map((c) => `c."${c}" IS NOT NULL`).join(' AND ');
      const { rows } = await database.query<{ n: string }>(
        `SELECT count(*)::text AS n FROM "${config.name}" c WHERE ${present} AND NOT EXISTS (SELECT 1 FROM "${parent}" p WHERE ${match})`,
      );
      if (rows[0]?.n !== '0') problems.push(`${rows[0]?.n} rows of ${config.name}(${columns.join(', ')}) point at no ${parent}`);
    }
  }
  return problems;
}
