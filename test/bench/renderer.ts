/**
 * The renderer at scale, in headless Chromium through the web harness (the built renderer, the
 * real router and host): how long the Moderation page takes to paint its first rows, and what
 * the windowed case list costs once a moderator has scrolled 5,000 cases deep (row elements in
 * the DOM, JS heap before and after).
 *
 * With --database-url pointing at a database that already holds at least LARGE_ENOUGH cases,
 * the host reads it as it is: the connection is opened with default_transaction_read_only, so
 * the host's start-up sees a read-only database and neither migrates nor seeds it, and anything
 * that tried to write would be refused by PostgreSQL itself. Settings (identity, theme) live in
 * a temporary data folder. Otherwise a scratch database is seeded (AURORA_BENCH_CASES cases).
 * Without Chromium the module skips with a note.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { BrowserContext, Page } from 'playwright-core';
import type { AuroraDatabase } from '../../src/main/core/database.js';
import { createDeskHost, type DeskHost } from '../../src/main/host.js';
import { silentLogger } from '../../src/main/core/log.js';
import { createKeyFileCipher } from '../../src/main/core/settings-store/key-file-cipher.js';
import { startWebHarness } from '../../src/main/web/harness.js';
import { launchChromium, saveScreenshot } from '../fixtures/browser.js';
import { hasChromium, noChromiumReason } from '../fixtures/environment.js';
import { testStaff } from '../fixtures/services.js';
import { countCases, openBenchDatabase, seedModerationCases } from './database.js';
import { percentile, round, summarize, type BenchEntry, type BenchModule, type BenchOptions } from './stats.js';

/**
 * Builds out/renderer when it is missing or stale, in a child process: a Vite build in this
 * process would stay in its peak RSS, which the memory module reports as the main side's.
 */
async function buildRendererApart(): Promise<boolean> {
  const module = pathToFileURL(join(import.meta.dirname, '../../src/main/web/renderer-build.ts')).href;
  const script = `const { ensureRendererBuilt } = await import(${JSON.stringify(module)}); process.stdout.write(JSON.stringify(await ensureRendererBuilt()));`;
  const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { maxBuffer: 16 << 20 });
  return (JSON.parse(stdout.slice(stdout.lastIndexOf('{'))) as { built: boolean }).built;
}

const LARGE_ENOUGH = 100_000;
/** How deep the moderator scrolls: the "5,000 rows loaded into a queue". */
const DEEP = 5_000;
/** Pages timed one by one past DEEP (each is 50 cases). */
const DEEPER_PAGES = 10;
const QUEUE = 'active';
const ROW = '[data-testid="case-row"]';
const LIST = '[data-testid="case-list"]';

export const rendererBench: BenchModule = { name: 'renderer', run: benchRenderer };

/** Where the host connects, and how to let go of it afterwards. */
interface Target {
  /** postgres:// URL for the host; absent = the host's own embedded PGlite. */
  url?: string;
  /** Fills the host's database (scratch only). */
  fill?: (database: AuroraDatabase) => Promise<void>;
  note: string;
  close(): Promise<void>;
}

/**
 * The same database, but every transaction read-only. The URL's options replace the pool's own
 * (pg lets the connection string win), so the UTC time zone the desk relies on is repeated here.
 */
export function readOnlyUrl(url: string): string {
  const u = new URL(url);
  u.searchParams.set('options', '-c TimeZone=UTC -c default_transaction_read_only=on');
  return u.toString();
}

async function openTarget(options: BenchOptions): Promise<Target> {
  const url = options.databaseUrl;
  if (url && (await countCases(url)) >= LARGE_ENOUGH) {
    return { url: readOnlyUrl(url), note: 'the given database, read-only', close: async () => {} };
  }
  // About 40 % of seeded cases are active: enough for a 5,000-row Active queue either way.
  const cases = Number(process.env.AURORA_BENCH_CASES ?? (url ? 100_000 : 20_000));
  const note = `a scratch database with ${cases.toLocaleString('en-US')} seeded cases`;
  if (!url) return { fill: (database) => seedModerationCases(database, cases), note, close: async () => {} };
  const bench = await openBenchDatabase(url);
  await seedModerationCases(bench.database, cases);
  return { url: bench.url!, note, close: () => bench.close() };
}

/** Timestamps (ms since navigation start) the page records about itself; see FIRST_ROWS_PROBE. */
interface FirstRows {
  domContentLoaded: number;
  /** When the moderation.list request left the page, and when its answer was in. */
  listStart: number | null;
  listResponse: number | null;
  inDom: number;
  /** The requestAnimationFrame callback of the frame that shows it. */
  frame: number;
  painted: number;
}

/**
 * Installed before any of the app's scripts: a MutationObserver notes when the first case row
 * enters the DOM, then waits for the frame that shows it (requestAnimationFrame, then a task
 * after that frame) and checks the row has a box. performance.now() counts from navigation
 * start, so no Playwright round trip is inside the figure.
 */
const FIRST_ROWS_PROBE = `(() => {
  window.__firstRows = new Promise((resolve) => {
    const found = () => document.querySelector(${JSON.stringify(ROW)});
    const observer = new MutationObserver(() => {
      const row = found();
      if (!row) return;
      observer.disconnect();
      const inDom = performance.now();
      requestAnimationFrame(() => {
        const frame = performance.now();
        setTimeout(() => {
          const painted = performance.now();
          const box = row.getBoundingClientRect();
          const nav = performance.getEntriesByType('navigation')[0];
          const list = performance.getEntriesByType('resource').find((r) => r.name.includes('moderation.list'));
          resolve({
            domContentLoaded: nav ? nav.domContentLoadedEventEnd : NaN,
            listStart: list ? list.startTime : null,
            listResponse: list ? list.responseEnd : null,
            inDom,
            frame,
            painted: box.height > 0 && box.width > 0 ? painted : NaN,
          });
        }, 0);
      });
    });
    observer.observe(document, { childList: true, subtree: true });
  });
})();`;

async function openModeration(context: BrowserContext, pageUrl: string): Promise<{ page: Page; firstRows: FirstRows }> {
  const page = await context.newPage();
  await page.goto(pageUrl);
  const firstRows = await page.waitForFunction(() => (window as unknown as { __firstRows?: Promise<FirstRows> }).__firstRows, undefined, { timeout: 60_000 });
  return { page, firstRows: (await firstRows.jsonValue()) as FirstRows };
}

/** JS heap in use after a full collection, in MB (CDP Performance.getMetrics). */
async function heapAfterGc(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('Performance.enable');
    const { metrics } = await cdp.send('Performance.getMetrics');
    const used = metrics.find((m) => m.name === 'JSHeapUsedSize')?.value;
    if (used === undefined) throw new Error('Performance.getMetrics gave no JSHeapUsedSize');
    return used / (1024 * 1024);
  } finally {
    await cdp.detach();
  }
}

/**
 * Scrolls the list to its end again and again, as a moderator would, until it holds at least
 * `rows` cases (the list's data-loaded is the number loaded), and stays at the end. Runs in
 * the page: one round trip. A string, like the probe: tsx would wrap named helpers of a function body in `__name`,
 * which does not exist in the page.
 */
const SCROLL_UNTIL_LOADED = `async ({ list, rows }) => {
  const scroller = document.querySelector(list);
  const loaded = () => Number(scroller.getAttribute('data-loaded'));
  const frame = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
  const started = performance.now();
  let pages = 0;
  while (loaded() < rows) {
    const before = loaded();
    scroller.scrollTop = scroller.scrollHeight;
    const deadline = performance.now() + 30000;
    while (loaded() === before) {
      if (performance.now() > deadline) throw new Error('the list stopped growing at ' + before + ' rows');
      await frame();
    }
    pages++;
  }
  // The end of what is loaded: being there asks for one more page (it is an endless list), so
  // wait until the count has stood still for half a second and report what it settled at.
  scroller.scrollTop = scroller.scrollHeight;
  let last = loaded();
  let still = performance.now();
  while (performance.now() - still < 500) {
    await frame();
    if (loaded() !== last) {
      last = loaded();
      still = performance.now();
      pages++;
    }
  }
  return { loaded: last, ms: still - started, pages };
}`;

function scrollUntilLoaded(page: Page, rows: number): Promise<{ loaded: number; ms: number; pages: number }> {
  return page.evaluate(`(${SCROLL_UNTIL_LOADED})(${JSON.stringify({ list: LIST, rows })})`);
}

/** One more page at depth, as the page itself timed it (ms since the scroll). */
interface NextPage {
  /** The moderation.list request left the page (React rendered the scroll and its effect asked). */
  requested: number | null;
  /** Its response was in. */
  responded: number | null;
  /** data-loaded grew: the rows are in the DOM. */
  inDom: number;
  /** A task after the next frame, with a new row laid out (a box). */
  painted: number;
}

/**
 * From the end of the loaded list: scroll to the end, and time until the next page's first row
 * is painted, `pages` times over. Like the first-rows probe, all inside the page: a
 * MutationObserver sees data-loaded grow (no polling in between), then requestAnimationFrame
 * and a task after that frame; resource timing splits off the request. Between pages it waits
 * for two quiet frames so one page's tail does not land in the next one's figure.
 */
const NEXT_PAGES = `async ({ list, row, pages }) => {
  const scroller = document.querySelector(list);
  const loaded = () => Number(scroller.getAttribute('data-loaded'));
  const frame = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
  performance.setResourceTimingBufferSize(100000);
  const results = [];
  for (let i = 0; i < pages; i++) {
    await frame();
    await frame();
    const before = loaded();
    performance.clearResourceTimings();
    const grown = new Promise((resolve, reject) => {
      const timeout = setTimeout(() => reject(new Error('no next page after ' + before + ' rows')), 30000);
      const observer = new MutationObserver(() => {
        if (loaded() <= before) return;
        observer.disconnect();
        clearTimeout(timeout);
        resolve(performance.now());
      });
      observer.observe(scroller, { attributes: true, attributeFilter: ['data-loaded'] });
    });
    const t0 = performance.now();
    scroller.scrollTop = scroller.scrollHeight;
    const inDom = await grown;
    await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
    const painted = performance.now();
    const rows = [...document.querySelectorAll(row)];
    const rowHeight = rows.length > 0 ? parseFloat(rows[0].style.height) : NaN;
    const fresh = rows.find((r) => parseFloat(r.style.top) >= before * rowHeight);
    const box = fresh ? fresh.getBoundingClientRect() : null;
    const request = performance.getEntriesByType('resource').find((r) => r.name.includes('moderation.list') && r.startTime >= t0);
    results.push({
      requested: request ? request.startTime - t0 : null,
      responded: request ? request.responseEnd - t0 : null,
      inDom: inDom - t0,
      painted: box && box.height > 0 ? painted - t0 : NaN,
    });
  }
  return results;
}`;

/** Cumulative main-thread time by kind (CDP Performance.getMetrics), in ms. */
const THREAD_METRICS = ['TaskDuration', 'ScriptDuration', 'LayoutDuration', 'RecalcStyleDuration'] as const;

async function nextPages(page: Page, pages: number): Promise<{ pages: NextPage[]; thread: Record<(typeof THREAD_METRICS)[number], number> }> {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('Performance.enable');
    const read = async () => {
      const { metrics } = await cdp.send('Performance.getMetrics');
      return Object.fromEntries(THREAD_METRICS.map((name) => [name, (metrics.find((m) => m.name === name)?.value ?? NaN) * 1000])) as Record<(typeof THREAD_METRICS)[number], number>;
    };
    // AURORA_BENCH_PROFILE=path.cpuprofile: a CPU profile of these pages (open it in DevTools).
    const profile = process.env.AURORA_BENCH_PROFILE;
    if (profile) await cdp.send('Profiler.enable').then(() => cdp.send('Profiler.start'));
    const start = await read();
    const timed = (await page.evaluate(`(${NEXT_PAGES})(${JSON.stringify({ list: LIST, row: ROW, pages })})`)) as NextPage[];
    const end = await read();
    if (profile) await writeFile(profile, JSON.stringify((await cdp.send('Profiler.stop')).profile));
    const thread = Object.fromEntries(THREAD_METRICS.map((name) => [name, (end[name] - start[name]) / pages])) as Record<(typeof THREAD_METRICS)[number], number>;
    return { pages: timed, thread };
  } finally {
    await cdp.detach();
  }
}

export async function benchRenderer(options: BenchOptions): Promise<BenchEntry[]> {
  if (!hasChromium) {
    options.print(`renderer: skipped (${noChromiumReason})`);
    return [];
  }
  const samples = options.samples ?? 15;
  const warmup = options.warmup ?? 2;
  const cleanups: (() => Promise<unknown>)[] = [];
  try {
    if (await buildRendererApart()) options.print('renderer: built out/renderer first (in a child process)');
    const target = await openTarget(options);
    cleanups.push(() => target.close());
    const dataDir = await mkdtemp(join(tmpdir(), 'aurora-bench-renderer-'));
    cleanups.push(() => rm(dataDir, { recursive: true, force: true }));
    const host: DeskHost = await createDeskHost({
      dataDir,
      cipher: createKeyFileCipher(dataDir),
      log: silentLogger,
      databaseUrlOverride: target.url,
      seedDemo: false,
    });
    cleanups.push(() => host.close());
    const database = host.database();
    if (target.fill) await target.fill(database);
    // Settings are the temporary folder's file, not the database.
    await host.store.setIdentity(testStaff);
    await host.store.setTheme('dark');
    const total = Number((await database.query<{ n: string }>('SELECT count(*) AS n FROM moderation_cases')).rows[0]!.n);
    options.print(
      `renderer: ${total.toLocaleString('en-US')} cases on ${database.label} (${target.note}; host ${host.readOnlyReason() ? 'read-only' : 'read-write'}, live: ${host.live().status().mode})`,
    );

    const harness = await startWebHarness({ services: host, build: false, log: silentLogger });
    cleanups.push(() => harness.close());
    const browser = await launchChromium();
    cleanups.push(() => browser.close());
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, colorScheme: 'dark' });
    await context.addInitScript(FIRST_ROWS_PROBE);
    const pageUrl = `${harness.url}#/moderation/${QUEUE}`;

    // 1. Fresh page loads straight onto the Active queue, each in a new tab of the same
    //    context (so scripts come from the HTTP cache, as the app's come from disk).
    const loads: FirstRows[] = [];
    for (let i = 0; i < warmup + samples; i++) {
      const { page, firstRows } = await openModeration(context, pageUrl);
      await page.close();
      if (Number.isNaN(firstRows.painted)) throw new Error('the first case row was in the DOM but had no box when painted');
      if (i >= warmup) loads.push(firstRows);
    }
    const p50 = (pick: (f: FirstRows) => number | null) => round(percentile(loads.map(pick).filter((v): v is number => v !== null), 0.5), 1);
    options.print(
      `renderer: page load of #/moderation/${QUEUE}, ${samples} loads after ${warmup} warm-up; p50 ms after navigation start: ` +
        `DOMContentLoaded ${p50((f) => f.domContentLoaded)}, moderation.list sent ${p50((f) => f.listStart)}, answered ${p50((f) => f.listResponse)}, ` +
        `first row in DOM ${p50((f) => f.inDom)}, its frame ${p50((f) => f.frame)}, painted ${p50((f) => f.painted)}`,
    );
    const entries: BenchEntry[] = [
      summarize(`renderer: Moderation page load (#/moderation/${QUEUE}) -> first rows painted`, loads.map((f) => f.painted)),
    ];

    // 2. One moderator scrolling 5,000 cases deep.
    const { page } = await openModeration(context, pageUrl);
    await page.waitForLoadState('networkidle').catch(() => {});
    const before = await heapAfterGc(page);
    const rowsBefore = await page.locator(ROW).count();
    const scrolled = await scrollUntilLoaded(page, DEEP);
    const dom = await page.evaluate((row) => ({ rows: document.querySelectorAll(row).length, elements: document.getElementsByTagName('*').length }), ROW);
    const after = await heapAfterGc(page);
    // 3. One more page at that depth, ten times over: what a moderator waits for at the end.
    const deeper = await nextPages(page, DEEPER_PAGES);
    if (deeper.pages.some((p) => Number.isNaN(p.painted))) throw new Error('a next page was in the DOM but its first row had no box when painted');
    const p50Of = (pick: (p: NextPage) => number | null) => round(percentile(deeper.pages.map(pick).filter((v): v is number => v !== null), 0.5), 1);
    const perPage = (name: (typeof THREAD_METRICS)[number]) => deeper.thread[name].toFixed(1);
    options.print(
      `renderer: ${DEEPER_PAGES} more pages from ${scrolled.loaded.toLocaleString('en-US')} loaded; p50 ms after the scroll: moderation.list sent ${p50Of((p) => p.requested)}, ` +
        `answered ${p50Of((p) => p.responded)}, rows in DOM ${p50Of((p) => p.inDom)}, painted ${p50Of((p) => p.painted)}; main thread per page (mean): ` +
        `tasks ${perPage('TaskDuration')}, script ${perPage('ScriptDuration')}, layout ${perPage('LayoutDuration')}, style ${perPage('RecalcStyleDuration')}`,
    );
    const shot = await saveScreenshot(page, 'bench-renderer-queue');
    options.print(
      `renderer: scrolled to ${scrolled.loaded.toLocaleString('en-US')} loaded cases in ${scrolled.pages} pages, ${(scrolled.ms / 1000).toFixed(1)} s; ` +
        `row elements ${rowsBefore} at the top, ${dom.rows} at the end (${dom.elements.toLocaleString('en-US')} elements in the document); ` +
        `JS heap ${before.toFixed(1)} MB -> ${after.toFixed(1)} MB; screenshot ${shot}`,
    );
    const fixed = (name: string, unit: string, value: number): BenchEntry => ({ name, unit, p50: round(value, 1), p95: round(value, 1) });
    entries.push(
      summarize(`renderer: one more page at ${scrolled.loaded.toLocaleString('en-US')} loaded (scroll -> rows painted)`, deeper.pages.map((p) => p.painted)),
      fixed(`renderer: queue row elements in DOM with ${scrolled.loaded.toLocaleString('en-US')} loaded`, 'rows', dom.rows),
      fixed('renderer: JS heap after first page (after GC)', 'MB', before),
      fixed(`renderer: JS heap after scrolling to the end of ${scrolled.loaded.toLocaleString('en-US')} (after GC)`, 'MB', after),
    );
    await page.close();
    return entries;
  } finally {
    for (const step of cleanups.reverse()) await step().catch(() => {});
  }
}

// `tsx test/bench/renderer.ts --database-url postgres://...` runs this module alone.
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const at = process.argv.indexOf('--database-url');
  await benchRenderer({ databaseUrl: at > 0 ? process.argv[at + 1] : process.env.TEST_DATABASE_URL, print: console.log });
}
