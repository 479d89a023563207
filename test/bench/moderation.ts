/**
 * Moderation queues at scale: the Active queue's first page, a page filtered by user, a reason
 * text search and the uncached counts, each through the router (createCaller: zod, the service,
 * row mapping) against the very same SQL text sent through raw `pg` in the same run (ratio).
 *
 * With --database-url pointing at a database that already holds at least LARGE_ENOUGH cases
 * (e.g. one filled by `npm run db:seed -- --scale`), the module reads it as it is, read-only,
 * and says whether the aurora_desk indexes are there. Otherwise it seeds a scratch database
 * beside the given server (AURORA_BENCH_CASES cases, default 200,000; PGlite 20,000).
 */
import pg from 'pg';
import { moderationIndexStatus, forgetCounts } from '../../src/main/features/moderation/queues.js';
import { readCaseCounters } from '../../src/main/features/moderation/case-counters.js';
import { buildCaseListQuery, buildCountsQuery, buildMineCountsQuery, type SqlQuery } from '../../src/main/features/moderation/queue-sql.js';
import { openDatabase, type AuroraDatabase } from '../../src/main/core/database.js';
import { createTestServices, callerFor, testStaff } from '../fixtures/services.js';
import { countCases, openBenchDatabase, seedModerationCases } from './database.js';
import { sampleAlternating, summarize, type BenchEntry, type BenchModule, type BenchOptions } from './stats.js';

const LARGE_ENOUGH = 100_000;
const SEARCH_TERM = 'macro';
const PAGE = 50;

interface Target {
  database: AuroraDatabase;
  /** Same SQL, no Aurora Desk code on the path. */
  raw: (query: SqlQuery) => Promise<unknown>;
  close(): Promise<void>;
  note: string;
}

async function openTarget(options: BenchOptions): Promise<Target> {
  const url = options.databaseUrl;
  if (url && (await countCases(url)) >= LARGE_ENOUGH) {
    // The given database as it is: only reads, never migrated or written.
    const database = await openDatabase({ kind: 'postgres', url, poolSize: 2, applicationName: 'aurora-desk bench (read-only)' });
    const pool = new pg.Pool({ connectionString: url, max: 2, options: '-c TimeZone=UTC', application_name: 'aurora-desk bench raw pg' });
    return {
      database,
      raw: (q) => pool.query(q.text, q.params as unknown[]),
      note: 'the given database, read-only',
      async close() {
        await pool.end();
        await database.close();
      },
    };
  }
  const cases = Number(process.env.AURORA_BENCH_CASES ?? (url ? 200_000 : 20_000));
  const bench = await openBenchDatabase(url);
  const started = performance.now();
  await seedModerationCases(bench.database, cases);
  options.print(`moderation: seeded ${cases.toLocaleString('en-US')} cases in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  const pool = bench.url ? new pg.Pool({ connectionString: bench.url, max: 2, options: '-c TimeZone=UTC' }) : undefined;
  return {
    database: bench.database,
    raw: pool ? (q) => pool.query(q.text, q.params as unknown[]) : (q) => bench.database.pglite!.query(q.text, q.params),
    note: `a scratch database with ${cases.toLocaleString('en-US')} seeded cases`,
    async close() {
      await pool?.end();
      await bench.close();
    },
  };
}

export async function benchModeration(options: BenchOptions): Promise<BenchEntry[]> {
  const samples = options.samples ?? 200;
  const warmup = options.warmup ?? 20;
  const target = await openTarget(options);
  try {
    const { database } = target;
    const total = Number((await database.query<{ n: string }>('SELECT count(*) AS n FROM moderation_cases')).rows[0]!.n);
    const indexes = await moderationIndexStatus(database);
    const missing = indexes.filter((i) => !i.present).map((i) => i.name);
    options.print(
      `moderation: ${total.toLocaleString('en-US')} cases on ${database.label} (${target.note}); ` +
        (missing.length ? `indexes MISSING: ${missing.join(', ')}` : 'all aurora_desk moderation indexes present'),
    );
    const { rows } = await database.query<{ user_id: string; n: string }>(
      `SELECT user_id, count(*) AS n FROM moderation_cases GROUP BY user_id ORDER BY count(*) DESC LIMIT 1`,
    );
    const busiest = BigInt(rows[0]!.user_id);
    const caller = callerFor(createTestServices(database, { identity: testStaff }));
    const fetch = PAGE + 1;
    const scenarios = {
      'active first page': {
        router: () => caller.moderation.list({ queue: 'active', limit: PAGE }),
        sql: buildCaseListQuery({ queue: 'active', filters: { types: [] }, fetch, actorId: null }),
      },
      [`recent filtered by user (${rows[0]!.n} cases)`]: {
        router: () => caller.moderation.list({ queue: 'recent', filters: { userId: busiest }, limit: PAGE }),
        sql: buildCaseListQuery({ queue: 'recent', filters: { types: [], userId: busiest }, fetch, actorId: null }),
      },
      [`reason search "${SEARCH_TERM}"`]: {
        router: () => caller.moderation.list({ queue: 'recent', filters: { reason: SEARCH_TERM }, limit: PAGE }),
        sql: buildCaseListQuery({ queue: 'recent', filters: { types: [], reason: SEARCH_TERM }, fetch, actorId: null }),
      },
    };
    const baseline = database.driver === 'pg' ? 'raw pg' : 'raw PGlite';
    const entries: BenchEntry[] = [];
    for (const [name, scenario] of Object.entries(scenarios)) {
      const times = await sampleAlternating({ router: scenario.router, raw: () => target.raw(scenario.sql) }, { samples, warmup });
      entries.push(summarize(`moderation: ${name} (router vs ${baseline})`, times.router, 'ms', times.raw));
    }
    // Counts: the router reads the kept counts where the count triggers are installed (migration
    // 0014), the raw side counts the whole table as the desk did before them.
    const countSamples = Math.max(5, Math.floor(samples / 10));
    const counts = await sampleAlternating(
      {
        router: async () => {
          forgetCounts(database);
          await caller.moderation.counts({ queue: 'active' });
        },
        raw: async () => {
          const all = buildCountsQuery({ types: [] });
          const mine = buildMineCountsQuery({ types: [] }, testStaff.id);
          await target.raw(all);
          await target.raw(mine);
        },
      },
      { samples: countSamples, warmup: 2 },
    );
    const kept = (await readCaseCounters(database)) !== null;
    const how = kept ? 'kept counts' : 'counted, uncached';
    entries.push(summarize(`moderation: counts per queue and type, ${how} (router vs ${baseline} full count)`, counts.router, 'ms', counts.raw));
    options.print(`moderation: ${samples} samples each after ${warmup} warm-up (counts: ${countSamples}), router and raw pg interleaved`);
    return entries;
  } finally {
    await target.close();
  }
}

export const moderationBench: BenchModule = { name: 'moderation', run: benchModeration };
