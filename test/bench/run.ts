/**
 * `npm run bench [-- --database-url postgres://… ] [--json PATH] [--only NAME] [--samples N]`
 *
 * Runs every registered benchmark module in one go, prints one table (name, unit, p50, p95,
 * baseline_p50, ratio) and, with --json, writes the same entries as a JSON array.
 * Without --database-url it uses TEST_DATABASE_URL or AURORA_DATABASE_URL when set, otherwise
 * embedded PGlite in a temporary folder. Modules create scratch databases; the one named is never written.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { describeDatabaseUrl } from '../../src/main/core/database.js';
import { countersBench } from './counters.js';
import { growthBench } from './growth.js';
import { hostileInputBench } from './hostile-input.js';
import { liveBench } from './live.js';
import { moderationBench } from './moderation.js';
import { raidBench } from './raid.js';
import { rendererBench } from './renderer.js';
import { screensBench } from './screens.js';
import { formatTable, watchMemory, type BenchEntry, type BenchModule } from './stats.js';
import { checkTargets, formatTargets } from './targets.js';
import { transportBench } from './transport.js';

/** The registry: a new area appends its module here. */
const benchmarks: BenchModule[] = [transportBench, hostileInputBench, liveBench, moderationBench, rendererBench, growthBench, countersBench, screensBench, raidBench];

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      'database-url': { type: 'string' },
      json: { type: 'string' },
      only: { type: 'string', multiple: true },
      samples: { type: 'string' },
      warmup: { type: 'string' },
    },
    allowPositionals: false,
  });
  const databaseUrl = values['database-url'] ?? (process.env.TEST_DATABASE_URL || process.env.AURORA_DATABASE_URL || undefined);
  const count = (text: string | undefined, flag: string) => {
    if (text === undefined) return undefined;
    const n = Number(text);
    if (!Number.isInteger(n) || n < 0) throw new Error(`--${flag} takes a whole number, not "${text}"`);
    return n;
  };
  const samples = count(values.samples, 'samples');
  const warmup = count(values.warmup, 'warmup');
  const selected = values.only ? benchmarks.filter((b) => values.only!.includes(b.name)) : benchmarks;
  if (selected.length === 0) throw new Error(`--only matched none of: ${benchmarks.map((b) => b.name).join(', ')}`);

  console.log(`aurora-desk bench on ${databaseUrl ? describeDatabaseUrl(databaseUrl) : 'embedded PGlite (temporary folder)'}, node ${process.version}\n`);
  const entries: BenchEntry[] = [];
  let failed = 0;
  // The router and the main side run in this process: its memory is theirs (plus the bench's).
  const memory = watchMemory();
  for (const bench of selected) {
    memory.phase(bench.name);
    try {
      entries.push(...(await bench.run({ databaseUrl, samples, warmup, print: (line) => console.log(line) })));
    } catch (error) {
      failed++;
      console.error(`${bench.name}: failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    }
  }
  const rss = memory.stop();
  rss.lines.forEach((line) => console.log(line));
  entries.push(...rss.entries);
  console.log(`\n${formatTable(entries)}`);
  console.log(`\n${formatTargets(checkTargets(entries))}`);
  if (values.json) {
    const path = resolve(values.json);
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, `${JSON.stringify(entries, null, 2)}\n`);
    console.log(`\nwrote ${entries.length} entries to ${path}`);
  }
  return failed === 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(2);
  },
);
