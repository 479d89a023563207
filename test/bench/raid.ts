/**
 * A raid with the Active queue open: the bot, on its own connections in a child process (so
 * its work is not counted as the desk's), inserts 200 cases a second for 10 s, then 1,000 a
 * second for 5 s, with a balance update every 100 ms beside it. Measured twice, one after the
 * other, on a scratch database seeded with a few thousand cases:
 *
 * - Chromium through the web harness (the built renderer, the real router and host): router
 *   requests per second of burst (target at most 15), failed requests (target 0), the time
 *   from the last insert until the Active tab shows the database's count (target at most 1 s),
 *   the longest gap between two animation frames during the burst (target at most 100 ms; its
 *   baseline is the same page's longest gap over 5 s idle just before, what the machine alone costs), and
 *   the main side's CPU time during the burst (this process hosts the router, the live hub and
 *   the harness; the bot and Chromium are other processes).
 * - The renderer's live logic in Node (lib/live-invalidation.ts and lib/live-refresh.ts, the
 *   arrivals read per window) with its tRPC client over a MessageChannel to the router, as in
 *   Electron, where the port has no request limit: requests per second, failed, settle time.
 *
 * Needs a real PostgreSQL (the bot is a second connection); without Chromium only the port half runs.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { MessageChannel } from 'node:worker_threads';
import { QueryClient, QueryObserver } from '@tanstack/react-query';
import { createTRPCClient, type TRPCLink } from '@trpc/client';
import { observable } from '@trpc/server/observable';
import { createTRPCOptionsProxy } from '@trpc/tanstack-react-query';
import type { Request } from 'playwright-core';
import superjson from 'superjson';
import { appRouter, type AppRouter } from '../../src/main/api/root.js';
import { createContext } from '../../src/main/api/trpc.js';
import { silentLogger } from '../../src/main/core/log.js';
import { createKeyFileCipher } from '../../src/main/core/settings-store/key-file-cipher.js';
import { createDeskHost, type DeskHost } from '../../src/main/host.js';
import { servePort } from '../../src/main/rpc/serve-port.js';
import { startWebHarness } from '../../src/main/web/harness.js';
import { staleFilters } from '../../src/renderer/src/lib/live-invalidation.js';
import { LIVE_WINDOW_MS, LiveRefresh } from '../../src/renderer/src/lib/live-refresh.js';
import { messagePortLink } from '../../src/renderer/src/lib/port-link.js';
import { hashQueryKey } from '../../src/renderer/src/lib/query-key-hash.js';
import type { DeskTRPC } from '../../src/renderer/src/lib/trpc.js';
import type { CaseCounts } from '../../src/shared/domain/moderation.js';
import { liveRows } from '../../src/shared/live.js';
import { launchChromium, saveScreenshot } from '../fixtures/browser.js';
import { hasChromium, noChromiumReason } from '../fixtures/environment.js';
import type { RaidBurst, RaidPhase } from '../fixtures/raid-bot.js';
import { testStaff } from '../fixtures/services.js';
import { openBenchDatabase } from './database.js';
import { round, type BenchEntry, type BenchModule, type BenchOptions } from './stats.js';

export const raidBench: BenchModule = { name: 'raid', run: benchRaid };

const PHASES: RaidPhase[] = [
  { perSecond: 200, seconds: 10 },
  { perSecond: 1000, seconds: 5 },
];
const BURST_SECONDS = PHASES.reduce((s, p) => s + p.seconds, 0);
const SEED_CASES = Number(process.env.AURORA_BENCH_RAID_CASES ?? 3000);
/** Give up waiting for the count after this long (the figure then says so). */
const SETTLE_LIMIT_MS = 30_000;

/** The bot in a child process: its own event loop and CPU, its own connections. */
async function burstApart(url: string, prefix: string): Promise<RaidBurst> {
  const module = pathToFileURL(join(import.meta.dirname, '../fixtures/raid-bot.ts')).href;
  const script = `const { openRaidBot } = await import(${JSON.stringify(module)});
const bot = await openRaidBot(${JSON.stringify(url)});
const { rows } = await bot.client.query('SELECT id FROM users ORDER BY id LIMIT 1');
const burst = await bot.burst(${JSON.stringify(PHASES)}, { prefix: ${JSON.stringify(prefix)}, balanceUserId: rows[0] ? BigInt(rows[0].id) : null });
await bot.close();
process.stdout.write(JSON.stringify(burst));`;
  const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { maxBuffer: 16 << 20 });
  return JSON.parse(stdout.slice(stdout.lastIndexOf('{'))) as RaidBurst;
}

interface Figures {
  /** How long the bot took for the burst (longer than planned when the machine cannot keep the rate). */
  burstMs: number;
  requests: number;
  /** Requests during the burst by procedure. */
  byPath: Record<string, number>;
  requestsAfter: number;
  failed: number;
  settleMs: number;
  cpuMs?: number;
  frameGapMs?: number;
  /** The same page's longest frame gap over IDLE_MS before the burst: what the machine alone costs. */
  idleFrameGapMs?: number;
}

/** How long the page is watched, open and idle, before the burst. */
const IDLE_MS = 5_000;

async function activeCount(host: DeskHost): Promise<number> {
  const { rows } = await host.database().query<{ n: string }>('SELECT count(*) AS n FROM moderation_cases WHERE active');
  return Number(rows[0]!.n);
}

/** Polls `shown()` until it equals the database's Active count; ms after the last insert (wall clock). */
async function settle(host: DeskHost, burst: RaidBurst, shown: () => Promise<number | null>): Promise<number> {
  const want = await activeCount(host);
  const deadline = Date.now() + SETTLE_LIMIT_MS;
  for (;;) {
    if ((await shown()) === want) return Math.max(0, Date.now() - burst.lastInsertWall);
    if (Date.now() > deadline) return Infinity;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/**
 * The longest gap between two animation frames, from `start()` to `stop()`, measured in the page.
 * A string: tsx would wrap named helpers in `__name`, which the page lacks.
 */
const FRAME_PROBE = `(() => {
  let running = false, last = 0, longest = 0;
  const tick = (t) => {
    if (!running) return;
    if (last) longest = Math.max(longest, t - last);
    last = t;
    requestAnimationFrame(tick);
  };
  window.__raidFrames = {
    start() { running = true; last = 0; longest = 0; requestAnimationFrame(tick); },
    stop() { running = false; return longest; },
  };
})();`;

async function throughChromium(host: DeskHost, url: string, print: (line: string) => void): Promise<Figures> {
  const harness = await startWebHarness({ services: host, build: true, log: silentLogger });
  const browser = await launchChromium();
  try {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, colorScheme: 'dark' });
    await context.addInitScript(FRAME_PROBE);
    const page = await context.newPage();
    await page.goto(`${harness.url}#/moderation/active`);
    await page.getByTestId('case-row').first().waitFor({ timeout: 60_000 });
    const badge = page.getByTestId('queue-count-active');
    const shownCount = async () => {
      const text = await badge.innerText().catch(() => '');
      return /^[\d,]+$/.test(text) ? Number(text.replaceAll(',', '')) : null;
    };
    const before = await activeCount(host);
    while ((await shownCount()) !== before) await new Promise((resolve) => setTimeout(resolve, 50));

    let counting = true;
    let requests = 0;
    let requestsAfter = 0;
    let failed = 0;
    const byPath: Record<string, number> = {};
    const onRequest = (request: Request) => {
      if (!request.url().includes('/trpc/') || request.url().includes('live.changes')) return;
      if (!counting) return void requestsAfter++;
      requests++;
      const path = new URL(request.url()).pathname.split('/').pop()!;
      byPath[path] = (byPath[path] ?? 0) + 1;
    };
    const onFailed = () => failed++;
    await page.evaluate('window.__raidFrames.start()');
    await new Promise((resolve) => setTimeout(resolve, IDLE_MS));
    const idleFrameGapMs = (await page.evaluate('window.__raidFrames.stop()')) as number;
    page.on('request', onRequest);
    page.on('requestfailed', onFailed);
    // AURORA_BENCH_PROFILE=path.cpuprofile: the page's CPU profile during the burst (open it in DevTools).
    const profile = process.env.AURORA_BENCH_PROFILE;
    const cdp = profile ? await context.newCDPSession(page) : null;
    if (cdp) await cdp.send('Profiler.enable').then(() => cdp.send('Profiler.start'));
    await page.evaluate('window.__raidFrames.start()');
    const cpu = process.cpuUsage();
    const burst = await burstApart(url, 'RAIDC');
    const used = process.cpuUsage(cpu);
    if (cdp && profile) await writeFile(profile, JSON.stringify((await cdp.send('Profiler.stop')).profile));
    counting = false;
    const frameGapMs = (await page.evaluate('window.__raidFrames.stop()')) as number;
    const settleMs = await settle(host, burst, shownCount);
    await new Promise((resolve) => setTimeout(resolve, 2 * LIVE_WINDOW_MS));
    page.off('request', onRequest);
    page.off('requestfailed', onFailed);
    print(`raid: Chromium: ${burst.inserted.toLocaleString('en-US')} cases inserted; screenshot ${await saveScreenshot(page, 'bench-raid-queue')}`);
    return { burstMs: burst.lastInsertAt - burst.startedAt, requests, byPath, requestsAfter, failed, settleMs, cpuMs: (used.user + used.system) / 1000, frameGapMs, idleFrameGapMs };
  } finally {
    await browser.close();
    await harness.close();
  }
}

/** The renderer's live logic in Node over a MessageChannel: what Electron's main side would serve. */
async function throughPort(host: DeskHost, url: string, print: (line: string) => void): Promise<Figures> {
  const { port1, port2 } = new MessageChannel();
  const stopServing = servePort(port1, { router: appRouter, createContext: () => createContext(host) });
  let counting = true;
  let requests = 0;
  let requestsAfter = 0;
  let failed = 0;
  const byPath: Record<string, number> = {};
  // Counts every query the client sends, and the ones that fail.
  const counter: TRPCLink<AppRouter> = () => ({ op, next }) =>
    observable((observer) => {
      if (op.type === 'query' && !counting) requestsAfter++;
      if (op.type === 'query' && counting) {
        requests++;
        byPath[op.path] = (byPath[op.path] ?? 0) + 1;
      }
      return next(op).subscribe({
        next: (value) => observer.next(value),
        error: (error) => {
          if (op.type === 'query') failed++;
          observer.error(error);
        },
        complete: () => observer.complete(),
      });
    });
  const client = createTRPCClient<AppRouter>({ links: [counter, messagePortLink<AppRouter>({ port: port2, transformer: superjson })] });
  const queryClient = new QueryClient({ defaultOptions: { queries: { queryKeyHashFn: hashQueryKey, staleTime: 60_000, retry: false } } });
  const trpc = createTRPCOptionsProxy<AppRouter>({ client, queryClient }) as unknown as DeskTRPC;
  const refresh = new LiveRefresh(queryClient);
  const detach = refresh.attach();
  const list = new QueryObserver(queryClient, trpc.moderation.list.queryOptions({ queue: 'active', filters: {}, through: null, limit: 50 }));
  const counts = new QueryObserver(queryClient, trpc.moderation.counts.queryOptions({ queue: 'active', filters: {} }));
  const stops = [list.subscribe(() => {}), counts.subscribe(() => {})];
  // The arrivals read, one per window and one at a time, as features/moderation/hooks/use-arrivals.ts does.
  const pending = new Set<string>();
  let reading = false;
  let timer: NodeJS.Timeout | null = null;
  const readArrivals = async () => {
    timer = null;
    if (reading || pending.size === 0) return;
    const ids = [...pending].slice(0, 1000);
    for (const id of ids) pending.delete(id);
    reading = true;
    await client.moderation.arrivals.query({ ids: ids.map((id) => BigInt(id)) }).catch(() => {});
    reading = false;
    if (pending.size > 0) timer ??= setTimeout(() => void readArrivals(), LIVE_WINDOW_MS);
  };
  const subscription = client.live.changes.subscribe(undefined, {
    onData(event) {
      if (event.kind === 'resync') refresh.addEverything();
      else if (event.kind !== 'status') refresh.add(staleFilters(trpc, event));
      for (const row of liveRows(event)) if (row.table === 'moderation_cases' && row.op === 'INSERT' && row.key.id) pending.add(row.key.id);
      if (pending.size > 0 && !reading) timer ??= setTimeout(() => void readArrivals(), LIVE_WINDOW_MS);
    },
  });
  try {
    const shownCount = async () => (counts.getCurrentResult().data as CaseCounts | undefined)?.queues.active ?? null;
    const before = await activeCount(host);
    while ((await shownCount()) !== before) await new Promise((resolve) => setTimeout(resolve, 20));
    const burst = await burstApart(url, 'RAIDP');
    counting = false;
    const settleMs = await settle(host, burst, shownCount);
    await new Promise((resolve) => setTimeout(resolve, 2 * LIVE_WINDOW_MS));
    print(`raid: port: ${burst.inserted.toLocaleString('en-US')} cases inserted`);
    return { burstMs: burst.lastInsertAt - burst.startedAt, requests, byPath, requestsAfter, failed, settleMs };
  } finally {
    subscription.unsubscribe();
    if (timer) clearTimeout(timer);
    for (const stop of stops) stop();
    detach();
    stopServing();
    port2.close();
  }
}

export async function benchRaid(options: BenchOptions): Promise<BenchEntry[]> {
  if (!options.databaseUrl) {
    options.print('raid: skipped (needs a real PostgreSQL: pass --database-url; the bot writes on its own connection).');
    return [];
  }
  const cleanups: (() => Promise<unknown>)[] = [];
  try {
    const bench = await openBenchDatabase(options.databaseUrl);
    cleanups.push(() => bench.close());
    const { seedModerationCases } = await import('./database.js');
    await seedModerationCases(bench.database, SEED_CASES);
    const dataDir = await mkdtemp(join(tmpdir(), 'aurora-bench-raid-'));
    cleanups.push(() => rm(dataDir, { recursive: true, force: true }));
    const host = await createDeskHost({ dataDir, cipher: createKeyFileCipher(dataDir), log: silentLogger, databaseUrlOverride: bench.url, seedDemo: false });
    cleanups.push(() => host.close());
    await host.store.setIdentity(testStaff);
    await host.store.setTheme('dark');
    const burstCases = PHASES.reduce((s, p) => s + p.perSecond * p.seconds, 0);
    options.print(
      `raid: ${SEED_CASES.toLocaleString('en-US')} seeded cases on ${host.database().label} (live: ${host.live().status().mode}); the bot inserts ` +
        `${PHASES.map((p) => `${p.perSecond}/s for ${p.seconds} s`).join(', then ')} (${burstCases.toLocaleString('en-US')} cases) in a child process`,
    );
    const fixed = (name: string, unit: string, value: number): BenchEntry => ({ name, unit, p50: round(value, 1), p95: round(value, 1) });
    const entries: BenchEntry[] = [];
    const report = (where: string, f: Figures) => {
      const perSecond = f.requests / (f.burstMs / 1000);
      const settled = Number.isFinite(f.settleMs) ? `${Math.round(f.settleMs)} ms` : `not within ${SETTLE_LIMIT_MS / 1000} s`;
      options.print(
        `raid: ${where}: ${f.requests} router requests during the burst (${(f.burstMs / 1000).toFixed(1)} s for the planned ${BURST_SECONDS} s) = ${perSecond.toFixed(1)}/s (target ≤ 15) ${JSON.stringify(f.byPath)}, ${f.requestsAfter} after it; ` +
          `failed ${f.failed} (target 0); last insert -> Active count right ${settled} (target ≤ 1,000 ms)` +
          (f.frameGapMs !== undefined ? `; longest frame gap ${Math.round(f.frameGapMs)} ms (target ≤ 100 ms; ${Math.round(f.idleFrameGapMs ?? NaN)} ms on the idle page before)` : '') +
          (f.cpuMs !== undefined ? `; main-side CPU during the burst ${Math.round(f.cpuMs)} ms (${((f.cpuMs / f.burstMs) * 100).toFixed(0)} % of one core)` : ''),
      );
      entries.push(fixed(`raid: ${where}: router requests per second of burst (target ≤ 15)`, 'req/s', perSecond));
      entries.push(fixed(`raid: ${where}: failed requests (target 0)`, 'count', f.failed));
      entries.push(fixed(`raid: ${where}: last insert -> Active count right (target ≤ 1000)`, 'ms', Number.isFinite(f.settleMs) ? f.settleMs : SETTLE_LIMIT_MS));
      if (f.frameGapMs !== undefined) {
        entries.push({ ...fixed(`raid: ${where}: longest frame gap during the burst (target ≤ 100) (vs the idle page)`, 'ms', f.frameGapMs), baseline_p50: round(f.idleFrameGapMs ?? NaN, 1), ratio: round(f.frameGapMs / (f.idleFrameGapMs ?? NaN), 2) });
      }
      if (f.cpuMs !== undefined) entries.push(fixed(`raid: ${where}: main-side CPU time during the burst`, 'ms', f.cpuMs));
    };
    if (!hasChromium) options.print(`raid: Chromium half skipped (${noChromiumReason})`);
    else if (process.env.AURORA_BENCH_RAID_PORT_ONLY === '1') options.print('raid: Chromium half skipped (AURORA_BENCH_RAID_PORT_ONLY=1)');
    else report('Chromium', await throughChromium(host, bench.url!, options.print));
    report('port', await throughPort(host, bench.url!, options.print));
    return entries;
  } finally {
    for (const step of cleanups.reverse()) await step().catch(() => {});
  }
}

// `tsx test/bench/raid.ts --database-url postgres://...` runs this module alone.
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const at = process.argv.indexOf('--database-url');
  await benchRaid({ databaseUrl: at > 0 ? process.argv[at + 1] : process.env.TEST_DATABASE_URL, print: console.log });
}
