/**
 * What the kept queue counts cost the bot: a single-row INSERT into moderation_cases, as the bot
 * writes a case, with the counting triggers enabled and disabled in turn (everything else the
 * same, the live triggers included), on a scratch database beside the given server (or PGlite).
 * Measured one client at a time and with four clients writing at once, where a counter updated
 * in place would make each INSERT wait for the previous one's commit.
 *
 * Target: the INSERT with the counters at most 1.2× its cost without them. The counts' own read
 * cost at 10k, 100k and 1M cases is in the growth module.
 */
import pg from 'pg';
import { CASE_COUNT_TRIGGERS } from '../../src/main/db/desk/0014_case_counters.js';
import { openBenchDatabase, seedModerationCases } from './database.js';
import { summarize, type BenchEntry, type BenchModule, type BenchOptions } from './stats.js';

const CLIENTS = 4;
let serial = 0;

const insertCase = (query: (text: string, params: unknown[]) => Promise<unknown>) =>
  query(
    `INSERT INTO moderation_cases (case_id, type, user_id, username, moderator_id, moderator_name, reason, active)
     VALUES ($1, 'warn', 100000000000000001, 'raider', 1, 'AutoMod', 'spam', true)`,
    [`B${process.pid}-${serial++}`],
  );

export async function benchCounters(options: BenchOptions): Promise<BenchEntry[]> {
  const samples = options.samples ?? 400;
  const warmup = options.warmup ?? 40;
  const bench = await openBenchDatabase(options.databaseUrl);
  const pool = bench.url ? new pg.Pool({ connectionString: bench.url, max: CLIENTS }) : undefined;
  try {
    await seedModerationCases(bench.database, 10_000);
    const query = pool ? (text: string, params: unknown[]) => pool.query(text, params) : (text: string, params: unknown[]) => bench.database.query(text, params);
    const triggers = Object.values(CASE_COUNT_TRIGGERS);
    const setTriggers = async (on: boolean) => {
      for (const name of triggers) await bench.database.query(`ALTER TABLE moderation_cases ${on ? 'ENABLE' : 'DISABLE'} TRIGGER ${name}`);
    };
    /** Blocks of calls with the triggers on, then off, in turn (toggling is not timed), each call timed. */
    const sampleBlocks = async (work: () => Promise<unknown>, total: number) => {
      const times = { with: [] as number[], without: [] as number[] };
      const block = 20;
      for (let round = 0; round * block < total * 2 + warmup * 2; round++) {
        const on = round % 2 === 0;
        await setTriggers(on);
        for (let k = 0; k < block; k++) {
          const started = performance.now();
          await work();
          if (round >= 2) (on ? times.with : times.without).push(performance.now() - started);
        }
      }
      return times;
    };
    const single = await sampleBlocks(() => insertCase(query), samples);
    const entries = [summarize('counters: bot INSERT of one case, with the count triggers (vs without)', single.with, 'ms', single.without)];
    if (pool) {
      const parallel = await sampleBlocks(() => Promise.all(Array.from({ length: CLIENTS }, () => insertCase(query))), Math.floor(samples / 2));
      entries.push(summarize(`counters: ${CLIENTS} bot INSERTs at once, with the count triggers (vs without)`, parallel.with, 'ms', parallel.without));
    }
    await setTriggers(true);
    return entries;
  } finally {
    await pool?.end();
    await bench.close();
  }
}

export const countersBench: BenchModule = { name: 'counters', run: benchCounters };
