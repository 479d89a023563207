/**
 * The database handle every service takes: either a real PostgreSQL (the bot's database, through
 * `pg`) or an embedded PGlite (the demo default, and in-memory for tests). The same Drizzle code
 * runs on both (`db`); `query` gives raw SQL with the same row shape on both (int8 as decimal
 * strings). Work that must happen together runs in `db.transaction(async (tx) => …)`, and the
 * helpers that run inside one take its `AuroraTx`.
 */
import { PGlite } from '@electric-sql/pglite';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import pg from 'pg';

export type DatabaseConfig =
  | { kind: 'postgres'; url: string; poolSize?: number; applicationName?: string }
  /** dataDir undefined: in memory (tests). */
  | { kind: 'embedded'; dataDir?: string };

/**
 * Drizzle over either driver: the handle's `db`, or a transaction on it (a transaction is one
 * too), so a read helper a write also uses takes this.
 */
export type AuroraDb = PgDatabase<PgQueryResultHKT>;
/** The handle inside `database.db.transaction(async (tx) => …)`. */
export type AuroraTx = Parameters<Parameters<AuroraDb['transaction']>[0]>[0];

export interface RawResult<Row> {
  rows: Row[];
  rowCount: number;
}

export interface AuroraDatabase {
  readonly db: AuroraDb;
  readonly driver: 'pg' | 'pglite';
  /** For the status bar: "embedded" or "host:port/database". Never carries a password. */
  readonly label: string;
  readonly pool?: pg.Pool;
  readonly pglite?: PGlite;
  /** The connection URL for pg (password included: never log it, use `label`). */
  readonly url?: string;
  query<Row = Record<string, unknown>>(text: string, params?: unknown[]): Promise<RawResult<Row>>;
  close(): Promise<void>;
}

/** Timestamps in the bot's tables have no zone; every connection we open speaks UTC. */
const UTC_OPTIONS = '-c TimeZone=UTC';

export function describeDatabaseUrl(url: string): string {
  try {
    const u = new URL(url);
    const db = decodeURIComponent(u.pathname.replace(/^\//, '')) || 'postgres';
    return `${u.hostname || 'localhost'}${u.port ? `:${u.port}` : ''}/${db}`;
  } catch {
    return 'postgres (unparsable URL)';
  }
}

export function assertPostgresUrl(url: string): void {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new Error('The database URL is not a valid URL (expected postgres://user:password@host:5432/database).');
  }
  if (parsed.protocol !== 'postgres:' && parsed.protocol !== 'postgresql:') {
    throw new Error(`The database URL must start with postgres:// (got ${parsed.protocol}//).`);
  }
}

export async function openDatabase(config: DatabaseConfig): Promise<AuroraDatabase> {
  return config.kind === 'postgres' ? openPostgres(config) : openEmbedded(config);
}

async function openPostgres(config: Extract<DatabaseConfig, { kind: 'postgres' }>): Promise<AuroraDatabase> {
  assertPostgresUrl(config.url);
  const pool = new pg.Pool({
    connectionString: config.url,
    max: config.poolSize ?? 8,
    options: UTC_OPTIONS,
    application_name: config.applicationName ?? 'aurora-desk',
    connectionTimeoutMillis: 10_000,
    idleTimeoutMillis: 30_000,
  });
  // An idle client killed by the server must not crash the process; the next query reconnects.
  pool.on('error', () => {});
  // A checked-out client whose connection dies (pg_terminate_backend, a restart) emits 'error'
  // with no listener of the pool's attached, which would crash the main process; the query or
  // transaction that was running rejects on its own and the pool drops the client on release.
  pool.on('connect', (client) => client.on('error', () => {}));
  try {
    const client = await pool.connect();
    client.release();
  } catch (error) {
    await pool.end().catch(() => {});
    throw error;
  }
  const db = drizzlePg(pool) as unknown as AuroraDb;
  let closed = false;
  return {
    db,
    driver: 'pg',
    label: describeDatabaseUrl(config.url),
    pool,
    url: config.url,
    async query<Row>(text: string, params?: unknown[]) {
      const result = await pool.query(text, params as unknown[]);
      return { rows: result.rows as Row[], rowCount: result.rowCount ?? result.rows.length };
    },
    async close() {
      if (closed) return;
      closed = true;
      await pool.end();
    },
  };
}

const INT8_OID = 20;

async function openEmbedded(config: Extract<DatabaseConfig, { kind: 'embedded' }>): Promise<AuroraDatabase> {
  const pglite = config.dataDir ? new PGlite(config.dataDir) : new PGlite();
  await pglite.waitReady;
  await pglite.exec(`SET TimeZone = 'UTC'`);
  const db = drizzlePglite(pglite) as unknown as AuroraDb;
  let closed = false;
  return {
    db,
    driver: 'pglite',
    label: config.dataDir ? 'embedded' : 'embedded (in memory)',
    pglite,
    async query<Row>(text: string, params?: unknown[]) {
      const result = await pglite.query<Row>(text, params, {
        parsers: { [INT8_OID]: (value: string) => value },
      });
      return { rows: result.rows, rowCount: result.affectedRows ?? result.rows.length };
    },
    async close() {
      if (closed) return;
      closed = true;
      await pglite.close();
    },
  };
}
