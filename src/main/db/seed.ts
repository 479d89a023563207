/**
 * Fills the bot's tables with a deterministic, plausible Aurora world: the same seed always gives
 * the same rows, byte for byte, on either driver. No Math.random and no clock: randomness comes
 * from a seeded sfc32 stream per table, and every timestamp is placed relative to a fixed anchor
 * (the dataset's "now", 2026-01-01 UTC unless told otherwise).
 *
 * Sizes: `demoSeedOptions` for the embedded demo, `scaleSeedOptions` for the production-size
 * database the bench runs on. On a real PostgreSQL the tables stream through COPY on two
 * connections at once (seed/copy-load.ts: frozen rows, foreign keys verified set-wise, secondary
 * indexes rebuilt in the same transaction); PGlite gets multi-row INSERTs in one transaction.
 */
import { getTableConfig, type PgTable } from 'drizzle-orm/pg-core';
import type { AuroraDatabase } from '../core/database.js';
import { botTableNames, botTables, type BotTableName } from './schema.js';
import { lootdropRows, itemTransactionRows, questProgressRows, transactionRows } from './seed/rows-history.js';
import { moderationCaseRows } from './seed/rows-moderation.js';
import { classRows, inventoryRows, itemRows, questRows, timerRows, userRows } from './seed/rows-world.js';
import type { TableStream } from './seed/rows.js';
import { findForeignKeyViolations, seedWithCopy, type CopyMode, type Report } from './seed/copy-load.js';
import { insertStatements } from './seed/writers.js';
import { buildWorld, type SeedCounts, type World } from './seed/world.js';

export { BOT_CASE_PREFIX, botCaseId } from './seed/rows-moderation.js';
export { buildWorld, type World } from './seed/world.js';
export { findForeignKeyViolations, type CopyMode } from './seed/copy-load.js';

export interface SeedOptions {
  /** Same seed, same world. Numbers and strings both work ("42" and 42 are the same seed). */
  seed?: number | string;
  users?: number;
  cases?: number;
  transactions?: number;
  itemTransactions?: number;
  quests?: number;
  questProgress?: number;
  lootdrops?: number;
  /** Item definitions (the first 25 cover every type x rarity). */
  items?: number;
  /** The dataset's "now". Active timers, timeouts and lootdrops run past it. */
  anchor?: Date;
  /**
   * Seeding refuses a database whose bot tables hold rows. With force it first empties them
   * (TRUNCATE ... RESTART IDENTITY): only ever for a demo or scratch database.
   */
  force?: boolean;
  /** Parallel COPY streams on PostgreSQL (default 2: one per core of the reference machine). */
  concurrency?: number;
  onProgress?: (event: SeedProgress) => void;
}

export interface SeedProgress {
  table: BotTableName;
  rows: number;
  elapsedMs: number;
}

export interface SeedSummary {
  seed: string;
  driver: AuroraDatabase['driver'];
  method: 'copy' | 'insert';
  /** pg only: whether rows were frozen and foreign keys verified after the load. */
  copyMode?: CopyMode;
  rows: Record<BotTableName, number>;
  /** load: generating and writing rows; verify: set-wise foreign key check (COPY path); finish: sequences and ANALYZE. */
  phaseMs: { load: number; verify: number; finish: number };
  /** Milliseconds per table, as loaded (tables load in parallel, so these overlap). */
  tableMs: Partial<Record<BotTableName, number>>;
  elapsedMs: number;
}

export const DEFAULT_SEED = 'aurora';
export const DEFAULT_ANCHOR = new Date('2026-01-01T00:00:00.000Z');

export const demoSeedOptions = {
  seed: DEFAULT_SEED,
  users: 500,
  cases: 3000,
  transactions: 6000,
  itemTransactions: 2000,
  quests: 60,
  questProgress: 1500,
  lootdrops: 150,
  items: 120,
} as const satisfies SeedOptions;

export const scaleSeedOptions = {
  seed: DEFAULT_SEED,
  users: 200_000,
  cases: 1_000_000,
  transactions: 2_000_000,
  itemTransactions: 500_000,
  quests: 5_000,
  questProgress: 1_000_000,
  lootdrops: 10_000,
  items: 400,
} as const satisfies SeedOptions;

/** Thrown when the target already holds data and `force` was not given. */
export class SeedRefusedError extends Error {
  constructor(readonly occupied: Partial<Record<BotTableName, boolean>>, label: string) {
    super(
      `Refusing to seed (${label}): the bot tables already hold data (${Object.keys(occupied).join(', ')}). ` +
        'Seeding is for an empty database; pass --force to empty the bot tables first (this deletes their rows).',
    );
    this.name = 'SeedRefusedError';
  }
}

function resolveCounts(options: SeedOptions): SeedCounts {
  const count = (name: keyof SeedCounts) => {
    const value = options[name] ?? demoSeedOptions[name];
    if (!Number.isSafeInteger(value) || value < 0) throw new RangeError(`${name} must be a whole number >= 0 (got ${value}).`);
    return value;
  };
  const users = count('users');
  const items = Math.max(count('items'), 25);
  const quests = count('quests');
  // Nothing can happen in a world without players.
  const needsPlayers = (n: number) => (users === 0 ? 0 : n);
  return {
    users,
    items,
    quests,
    cases: count('cases'),
    transactions: needsPlayers(count('transactions')),
    itemTransactions: needsPlayers(count('itemTransactions')),
    questProgress: Math.min(needsPlayers(count('questProgress')), users * quests),
    lootdrops: count('lootdrops'),
  };
}

/** The streams in load order: the first group is referenced by everything after it. */
export function seedStreams(world: World): { foundation: TableStream[]; history: TableStream[] } {
  return {
    foundation: [classRows(world), itemRows(world), questRows(world), userRows(world)],
    // Longest load first (cases carry the most indexes), so two parallel workers finish together.
    history: [
      moderationCaseRows(world),
      transactionRows(world),
      questProgressRows(world),
      inventoryRows(world),
      itemTransactionRows(world),
      timerRows(world),
      lootdropRows(world),
    ],
  };
}

async function occupiedTables(database: AuroraDatabase): Promise<Partial<Record<BotTableName, boolean>>> {
  const probes = botTableNames.map((t) => `SELECT '${t}' AS t WHERE EXISTS (SELECT 1 FROM "${t}")`).join(' UNION ALL ');
  const { rows } = await database.query<{ t: BotTableName }>(probes);
  return Object.fromEntries(rows.map((r) => [r.t, true]));
}

/** Serial columns get their sequences moved past the explicit IDs the seed wrote. */
function serialColumns(): { table: string; column: string }[] {
  return Object.values(botTables).flatMap((table) => {
    const config = getTableConfig(table as PgTable);
    return config.columns
      .filter((c) => c.columnType === 'PgSerial' || c.columnType.startsWith('PgBigSerial'))
      .map((c) => ({ table: config.name, column: c.name }));
  });
}

const resetSequenceSql = ({ table, column }: { table: string; column: string }) =>
  `SELECT setval(pg_get_serial_sequence('"${table}"', '${column}'), coalesce((SELECT max("${column}") FROM "${table}"), 0) + 1, false)`;

export async function seedDatabase(database: AuroraDatabase, options: SeedOptions = {}): Promise<SeedSummary> {
  const started = performance.now();
  const seed = String(options.seed ?? DEFAULT_SEED);
  const counts = resolveCounts(options);
  const anchor = options.anchor ?? DEFAULT_ANCHOR;
  if (Number.isNaN(anchor.getTime())) throw new RangeError('anchor must be a valid date.');

  const occupied = await occupiedTables(database);
  if (Object.keys(occupied).length > 0) {
    if (!options.force) throw new SeedRefusedError(occupied, database.label);
    await database.query(`TRUNCATE ${botTableNames.map((t) => `"${t}"`).join(', ')} RESTART IDENTITY CASCADE`);
  }

  const world = buildWorld(seed, counts, anchor.getTime());
  const streams = seedStreams(world);
  const rows = Object.fromEntries(botTableNames.map((t) => [t, 0])) as Record<BotTableName, number>;
  const tableMs: SeedSummary['tableMs'] = {};
  const report = (table: BotTableName, n: number, since: number) => {
    rows[table] = n;
    tableMs[table] = Math.round(performance.now() - since);
    options.onProgress?.({ table, rows: n, elapsedMs: Math.round(performance.now() - started) });
  };

  let copyMode: CopyMode | undefined;
  const phaseMs = { load: 0, verify: 0, finish: 0 };
  let phaseStart = performance.now();
  const endPhase = (phase: keyof typeof phaseMs) => {
    phaseMs[phase] = Math.round(performance.now() - phaseStart);
    phaseStart = performance.now();
  };
  if (database.driver === 'pg' && database.pool) {
    copyMode = await seedWithCopy(database.pool, streams.foundation, streams.history, options.concurrency ?? 2, report);
    endPhase('load');
    if (copyMode.deferredForeignKeys) {
      const problems = await findForeignKeyViolations(database);
      if (problems.length) throw new Error(`The seed broke foreign keys (a generator bug): ${problems.join('; ')}`);
    }
    endPhase('verify');
  } else {
    await seedWithInserts(database, [...streams.foundation, ...streams.history], report);
    endPhase('load');
  }
  for (const serial of serialColumns()) await database.query(resetSequenceSql(serial));
  // Fresh statistics, so the first queries on a big seed get good plans.
  await database.query(`ANALYZE ${botTableNames.map((t) => `"${t}"`).join(', ')}`);
  endPhase('finish');
  return {
    phaseMs,
    seed,
    driver: database.driver,
    method: database.driver === 'pg' ? 'copy' : 'insert',
    copyMode,
    rows,
    tableMs,
    elapsedMs: Math.round(performance.now() - started),
  };
}

async function seedWithInserts(database: AuroraDatabase, streams: TableStream[], report: Report): Promise<void> {
  const run = async (exec: (sql: string) => Promise<unknown>) => {
    for (const stream of streams) {
      const since = performance.now();
      let n = 0;
      for (const statement of insertStatements(stream)) {
        await exec(statement.sql);
        n += statement.rows;
      }
      report(stream.table, n, since);
    }
  };
  if (database.pglite) {
    // One transaction: an interrupted demo seed leaves the database empty, not half-filled.
    await database.pglite.transaction((tx) => run((sql) => tx.exec(sql)));
  } else {
    await run((sql) => database.query(sql));
  }
}
