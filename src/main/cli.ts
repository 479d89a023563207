/**
 * The db:* commands, in plain Node (no Electron): `npm run db:migrate`, `npm run db:check`,
 * `npm run db:seed -- --users N --cases M --seed S`. Exit codes: 0 success, 1 a mismatch or a
 * failure (with a readable report), 2 bad arguments (with usage).
 *
 * The database comes from --database-url, else AURORA_DATABASE_URL, else an embedded PGlite in
 * ./.aurora-data/pglite. Only `database.label` is ever printed: a URL may carry a password.
 */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { checkSchema, formatSchemaReport } from './db/check.js';
import { migrateDatabase, type MigrationReport } from './db/migrate.js';
import { openDatabase, type AuroraDatabase, type DatabaseConfig } from './core/database.js';
import { demoSeedOptions, scaleSeedOptions, seedDatabase, SeedRefusedError, type SeedOptions, type SeedSummary } from './db/seed.js';

export const DEFAULT_DATA_DIR = './.aurora-data/pglite';

export const USAGE = `Usage: tsx src/main/cli.ts <command> [options]

Commands:
  migrate   create the bot tables on an empty database, apply Aurora Desk's own migrations, then check
  check     compare the live schema with the one Aurora Desk expects (changes nothing)
  seed      migrate if needed, then fill an empty database with deterministic demo data

Connection (every command):
  --database-url URL     postgres://user:password@host:5432/database (or env AURORA_DATABASE_URL)
  --data-dir DIR         embedded PGlite folder when no URL is given (default ${DEFAULT_DATA_DIR})

check:
  --json                 print the report as JSON

seed (defaults: a small demo; --scale: the production-size set the bench uses):
  --seed S               same seed, same data (default "${demoSeedOptions.seed}")
  --users N              players (demo ${demoSeedOptions.users}, scale ${scaleSeedOptions.users})
  --cases N              moderation cases (demo ${demoSeedOptions.cases}, scale ${scaleSeedOptions.cases})
  --transactions N       currency transactions (demo ${demoSeedOptions.transactions}, scale ${scaleSeedOptions.transactions})
  --item-transactions N  item transactions (demo ${demoSeedOptions.itemTransactions}, scale ${scaleSeedOptions.itemTransactions})
  --quests N             quests (demo ${demoSeedOptions.quests}, scale ${scaleSeedOptions.quests})
  --quest-progress N     user_quests rows (demo ${demoSeedOptions.questProgress}, scale ${scaleSeedOptions.questProgress})
  --lootdrops N          lootdrops (demo ${demoSeedOptions.lootdrops}, scale ${scaleSeedOptions.lootdrops})
  --items N              item definitions, at least 25 (demo ${demoSeedOptions.items}, scale ${scaleSeedOptions.items})
  --anchor ISO           the dataset's "now" (default 2026-01-01T00:00:00Z)
  --scale                use the production-size counts (explicit counts still win)
  --force                empty the bot tables first when they hold rows (deletes them!)
  --concurrency N        parallel COPY streams on PostgreSQL (default 2)

Examples:
  npm run db:check -- --database-url postgres://aurora@db.example:5432/aurora
  npm run db:seed -- --users 2000 --cases 20000 --seed 7
  AURORA_DATABASE_URL=postgres://postgres@127.0.0.1/aurora_scale npm run db:seed -- --scale`;

export interface CliIo {
  out(line: string): void;
  err(line: string): void;
  env: Record<string, string | undefined>;
}

class UsageError extends Error {}

const COUNT_FLAGS = {
  users: 'users',
  cases: 'cases',
  transactions: 'transactions',
  'item-transactions': 'itemTransactions',
  quests: 'quests',
  'quest-progress': 'questProgress',
  lootdrops: 'lootdrops',
  items: 'items',
} as const;

const OPTIONS = {
  'database-url': { type: 'string' },
  'data-dir': { type: 'string' },
  json: { type: 'boolean' },
  seed: { type: 'string' },
  anchor: { type: 'string' },
  scale: { type: 'boolean' },
  force: { type: 'boolean' },
  concurrency: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
  ...Object.fromEntries(Object.keys(COUNT_FLAGS).map((flag) => [flag, { type: 'string' }])),
} as const satisfies NonNullable<ParseArgsConfig['options']>;

type Values = Record<string, string | boolean | undefined>;

function wholeNumber(flag: string, text: string): number {
  const cleaned = text.replace(/_/g, '');
  if (!/^\d+$/.test(cleaned) || !Number.isSafeInteger(Number(cleaned))) throw new UsageError(`--${flag} must be a whole number (got "${text}").`);
  return Number(cleaned);
}

function connectionFrom(values: Values, env: CliIo['env']): DatabaseConfig {
  const url = (values['database-url'] as string | undefined) || env.AURORA_DATABASE_URL || undefined;
  if (url) {
    if (!/^postgres(ql)?:\/\//.test(url)) throw new UsageError('--database-url must start with postgres:// or postgresql://');
    return { kind: 'postgres', url, applicationName: 'aurora-desk-cli' };
  }
  const dataDir = resolve((values['data-dir'] as string | undefined) ?? DEFAULT_DATA_DIR);
  mkdirSync(dataDir, { recursive: true });
  return { kind: 'embedded', dataDir };
}

function seedOptionsFrom(values: Values): SeedOptions {
  const options: SeedOptions = values.scale ? { ...scaleSeedOptions } : { ...demoSeedOptions };
  for (const [flag, key] of Object.entries(COUNT_FLAGS)) {
    const text = values[flag];
    if (typeof text === 'string') options[key] = wholeNumber(flag, text);
  }
  if (typeof values.seed === 'string') {
    if (!values.seed.trim()) throw new UsageError('--seed must not be empty.');
    options.seed = values.seed;
  }
  if (typeof values.anchor === 'string') {
    const anchor = new Date(values.anchor);
    if (Number.isNaN(anchor.getTime())) throw new UsageError(`--anchor must be an ISO date (got "${values.anchor}").`);
    options.anchor = anchor;
  }
  if (typeof values.concurrency === 'string') options.concurrency = Math.max(1, wholeNumber('concurrency', values.concurrency));
  options.force = values.force === true;
  return options;
}

function describeMigration(report: MigrationReport): string[] {
  const bot = {
    created: 'Bot tables: created (the database was empty).',
    present: 'Bot tables: already present, left untouched.',
    partial: `Bot tables: only ${report.botTablesFound.length} of 11 present (${report.botTablesFound.join(', ')}); nothing was created, see the check below.`,
  }[report.botSchema];
  const desk = report.desk.available
    ? `Aurora Desk objects: version ${report.desk.version}${report.desk.applied.length ? ` (applied ${report.desk.applied.join(', ')})` : ' (up to date)'}.`
    : `Aurora Desk objects: not available. ${report.desk.reason ?? ''}`;
  const concurrent = report.desk.builtConcurrently?.length
    ? [`Built without blocking the bot's writes (CREATE INDEX CONCURRENTLY): ${report.desk.builtConcurrently.join(', ')}.`]
    : [];
  return [bot, desk, ...concurrent];
}

function describeSeed(summary: SeedSummary): string[] {
  const width = Math.max(...Object.keys(summary.rows).map((t) => t.length));
  const lines = Object.entries(summary.rows).map(([table, n]) => `  ${table.padEnd(width)}  ${n.toLocaleString('en-US').padStart(11)}`);
  const total = Object.values(summary.rows).reduce((a, b) => a + b, 0);
  const how = summary.copyMode
    ? `COPY${summary.copyMode.freeze ? ' FREEZE' : ''}, foreign keys ${summary.copyMode.deferredForeignKeys ? 'verified after the load' : 'checked per row'}, ${summary.copyMode.rebuiltIndexes} secondary indexes rebuilt`
    : 'multi-row INSERT in one transaction';
  return [
    `Seeded "${summary.seed}" (${how}):`,
    ...lines,
    `  ${'total'.padEnd(width)}  ${total.toLocaleString('en-US').padStart(11)}`,
    `Took ${(summary.elapsedMs / 1000).toFixed(1)} s (load ${(summary.phaseMs.load / 1000).toFixed(1)} s, verify ${(summary.phaseMs.verify / 1000).toFixed(1)} s, finish ${(summary.phaseMs.finish / 1000).toFixed(1)} s).`,
  ];
}

async function run(command: string, values: Values, database: AuroraDatabase, io: CliIo): Promise<number> {
  io.out(`Database: ${database.label}`);
  if (command === 'check') {
    const report = await checkSchema(database);
    io.out(values.json ? JSON.stringify(report, null, 2) : formatSchemaReport(report));
    return report.ok ? 0 : 1;
  }
  const migration = await migrateDatabase(database);
  for (const line of describeMigration(migration)) io.out(line);
  const report = await checkSchema(database);
  if (command === 'migrate' || !report.ok) {
    io.out(formatSchemaReport(report));
    if (!report.ok && command === 'seed') io.err('Not seeding: the schema differs from what Aurora Desk expects.');
    return report.ok ? 0 : 1;
  }
  const options = seedOptionsFrom(values);
  options.onProgress = (event) => io.out(`  ${event.table}: ${event.rows.toLocaleString('en-US')} rows (${(event.elapsedMs / 1000).toFixed(1)} s)`);
  for (const line of describeSeed(await seedDatabase(database, options))) io.out(line);
  return 0;
}

/** Runs one command; returns the exit code. Never throws. */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  let command: string | undefined;
  let values: Values;
  let config: DatabaseConfig;
  try {
    const parsed = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
    values = parsed.values as Values;
    if (values.help) {
      io.out(USAGE);
      return 0;
    }
    if (parsed.positionals.length !== 1) throw new UsageError(parsed.positionals.length ? `One command at a time (got ${parsed.positionals.join(' ')}).` : 'Missing command.');
    command = parsed.positionals[0]!;
    if (!['migrate', 'check', 'seed'].includes(command)) throw new UsageError(`Unknown command "${command}".`);
    if (command === 'seed') seedOptionsFrom(values); // validate before connecting
    config = connectionFrom(values, io.env);
  } catch (error) {
    io.err(`${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }

  let database: AuroraDatabase | undefined;
  try {
    database = await openDatabase(config);
    return await run(command, values, database, io);
  } catch (error) {
    const where = database?.label ?? (config.kind === 'embedded' ? 'the embedded database' : 'the database');
    if (error instanceof SeedRefusedError) io.err(error.message);
    else io.err(`${command} failed on ${where}: ${(error as Error).message}`);
    return 1;
  } finally {
    await database?.close().catch(() => {});
  }
}

const invokedDirectly = process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href;
if (invokedDirectly) {
  const code = await runCli(process.argv.slice(2), {
    out: (line) => console.log(line),
    err: (line) => console.error(line),
    env: process.env,
  });
  process.exit(code);
}
