/**
 * The fallback when the notify triggers are absent (the role may not create them, or someone
 * dropped them): compare a cheap fingerprint per table every interval and report the tables
 * that changed. Polling knows THAT a table changed, not which row or how, so its events carry
 * op 'UPDATE' and an empty key: "refetch what shows this table".
 *
 * Fingerprints, cheapest reliable one first:
 *  - small tables (on-disk size <= exactScanMaxBytes, 4 MB by default): `count(*)` and the sum of
 *    the rows' `xmin`. Every INSERT, UPDATE or DELETE that commits gives a row a new xmin or
 *    changes the count, so this sees every committed change, on both drivers, at the cost of a
 *    scan of the table's tuple headers. A sum (not a max) survives xid wraparound.
 *  - larger tables on PostgreSQL with track_counts on: pg_stat_user_tables' insert/update/delete
 *    counters. No scan at all, but a writer's counts become visible only when it flushes them:
 *    in PostgreSQL 15+ when its connection goes idle, or up to 10 s later if it flushed less
 *    than a second before (a busy bot connection). Rolled-back writes count too (a harmless
 *    extra refetch).
 *  - larger tables with no usable counters (track_counts off, or PGlite, whose counters stay 0):
 *    nothing cheap can tell, so the table is reported as changed every blindRefreshMs (30 s).
 * Limits: the latency is the interval (plus the counter flush for large tables); two changes
 * within one interval arrive as one event; keys and operations are unknown.
 */
import type { LiveTable } from './types.js';
import { liveTables, type QueryFn } from './triggers.js';

export interface PollerOptions {
  query: QueryFn;
  driver: 'pg' | 'pglite';
  intervalMs: number;
  exactScanMaxBytes: number;
  blindRefreshMs: number;
  onChange(table: LiveTable): void;
  /** A poll failed (connection lost): the poller has stopped itself. */
  onLost(error: unknown): void;
}

export interface Poller {
  /** Stops polling; resolves once a poll in flight has finished. */
  stop(): Promise<void>;
}

interface TableSize {
  table_name: LiveTable;
  bytes: string;
  writes: string | null;
}

const quoteIdent = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** Takes the baseline (throws if the database does not answer), then polls until stopped. */
export async function startPoller(options: PollerOptions): Promise<Poller> {
  const { query } = options;
  let last = new Map<LiveTable, string>();
  const blindSince = new Map<LiveTable, number>();
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let inflight: Promise<void> = Promise.resolve();

  async function fingerprints(): Promise<Map<LiveTable, string | null>> {
    const sizes = await query<TableSize>(
      `SELECT n.name AS table_name,
              pg_relation_size(c.oid)::text AS bytes,
              CASE WHEN current_setting('track_counts') = 'on'
                   THEN (s.n_tup_ins + s.n_tup_upd + s.n_tup_del)::text END AS writes
         FROM unnest($1::text[]) AS n(name)
         JOIN pg_class c ON c.oid = to_regclass(n.name)
         LEFT JOIN pg_stat_user_tables s ON s.relid = c.oid`,
      [liveTables],
    );
    const result = new Map<LiveTable, string | null>();
    const small: LiveTable[] = [];
    for (const row of sizes.rows) {
      if (BigInt(row.bytes) <= BigInt(options.exactScanMaxBytes)) small.push(row.table_name);
      else if (options.driver === 'pg' && row.writes !== null) result.set(row.table_name, `stat:${row.writes}`);
      else result.set(row.table_name, null);
    }
    if (small.length > 0) {
      // Table names come from the fixed list, never from input.
      const scans = small.map(
        (table) =>
          `SELECT '${table}' AS table_name, count(*)::text || '/' || coalesce(sum(xmin::text::bigint), 0)::text AS fp FROM ${quoteIdent(table)}`,
      );
      const exact = await query<{ table_name: LiveTable; fp: string }>(scans.join(' UNION ALL '));
      for (const row of exact.rows) result.set(row.table_name, `rows:${row.fp}`);
    }
    return result;
  }

  function compare(next: Map<LiveTable, string | null>): void {
    const now = Date.now();
    for (const [table, fingerprint] of next) {
      if (fingerprint === null) {
        const since = blindSince.get(table);
        if (since === undefined) blindSince.set(table, now);
        else if (now - since >= options.blindRefreshMs) {
          blindSince.set(table, now);
          options.onChange(table);
        }
        continue;
      }
      blindSince.delete(table);
      const before = last.get(table);
      if (before !== undefined && before !== fingerprint) options.onChange(table);
    }
    last = new Map([...next].filter((entry): entry is [LiveTable, string] => entry[1] !== null));
  }

  function schedule(): void {
    timer = setTimeout(() => {
      inflight = fingerprints().then(
        (next) => {
          if (stopped) return;
          compare(next);
          schedule();
        },
        (error: unknown) => {
          if (stopped) return;
          stopped = true;
          options.onLost(error);
        },
      );
    }, options.intervalMs);
    timer.unref?.();
  }

  compare(await fingerprints());
  schedule();
  return {
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await inflight;
    },
  };
}
