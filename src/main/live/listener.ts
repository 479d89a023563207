/**
 * Where notifications come from. On PostgreSQL: ONE dedicated connection outside the pool (a
 * pooled client would be handed back and lose its LISTEN). On PGlite: the instance's own
 * listen(), which cannot be lost (same process).
 */
import pg from 'pg';
import { LIVE_CHANNEL } from '../db/desk/0003_live_notify.js';
import type { AuroraDatabase } from '../core/database.js';
import type { QueryFn } from './triggers.js';

/** The name the LISTEN connection shows in pg_stat_activity (for DBAs and tests). */
export const LISTEN_APPLICATION_NAME = 'aurora-desk live';

export interface ListenConnection {
  /** A query on the listening connection itself: the heartbeat goes here, so a dead socket shows. */
  query: QueryFn;
  close(): Promise<void>;
}

export interface ListenHandlers {
  onPayload(payload: string): void;
  /** The connection is gone (killed, network, server restart). Called at most once. */
  onLost(reason: string): void;
}

export async function openListenConnection(database: AuroraDatabase, handlers: ListenHandlers): Promise<ListenConnection> {
  if (database.pglite) {
    const pglite = database.pglite;
    const unlisten = await pglite.listen(LIVE_CHANNEL, handlers.onPayload);
    return {
      query: (text, params) => database.query(text, params),
      close: () => unlisten(),
    };
  }
  if (!database.url) throw new Error('The database handle has no URL to open a LISTEN connection with.');
  return openPgListenConnection(database.url, handlers);
}

async function openPgListenConnection(url: string, handlers: ListenHandlers): Promise<ListenConnection> {
  const client = new pg.Client({
    connectionString: url,
    application_name: LISTEN_APPLICATION_NAME,
    // A half-open socket (laptop sleep, NAT timeout) would otherwise look alive forever.
    keepAlive: true,
    connectionTimeoutMillis: 10_000,
    query_timeout: 15_000,
  });
  let done = false;
  const lose = (reason: string) => {
    if (done) return;
    done = true;
    handlers.onLost(reason);
  };
  // Without an 'error' listener a killed connection would crash the main process.
  client.on('error', (error) => lose(describeError(error)));
  client.on('end', () => lose('the connection closed'));
  client.on('notification', (message) => {
    if (message.channel === LIVE_CHANNEL && message.payload) handlers.onPayload(message.payload);
  });
  try {
    await client.connect();
    await client.query(`LISTEN ${LIVE_CHANNEL}`);
  } catch (error) {
    done = true;
    await client.end().catch(() => {});
    throw error;
  }
  return {
    async query(text, params) {
      const result = await client.query(text, params);
      return { rows: result.rows };
    },
    async close() {
      done = true;
      await client.end().catch(() => {});
    },
  };
}

export function describeError(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && !message.includes(code) ? `${message} [${code}]` : message;
}
