/**
 * What a hostile request costs the main process now that inputs are decoded within budgets:
 * the 14 KB items.update whose superjson referentialEqualities would make its usage JSON a tree
 * of trillions of nodes (it used to block the event loop, then run the process out of heap),
 * sent over the MessagePort and over the web harness' HTTP, each beside a system.ping on the
 * same transport. Prints how long the refusal took and how much the RSS grew over all of them.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MessageChannel } from 'node:worker_threads';
import superjson from 'superjson';
import { appRouter } from '../../src/main/api/root.js';
import { createContext } from '../../src/main/api/trpc.js';
import { silentLogger } from '../../src/main/core/log.js';
import { seedDatabase } from '../../src/main/db/seed.js';
import { servePort } from '../../src/main/rpc/serve-port.js';
import { startWebHarness } from '../../src/main/web/harness.js';
import { SMALL_WORLD } from '../fixtures/databases.js';
import { explodingInput, httpRequest } from '../fixtures/hostile-requests.js';
import { callerFor, createTestServices, testStaff } from '../fixtures/services.js';
import { openBenchDatabase } from './database.js';
import { sampleAlternating, summarize, type BenchEntry, type BenchModule, type BenchOptions } from './stats.js';

export async function benchHostileInput(options: BenchOptions): Promise<BenchEntry[]> {
  const samples = options.samples ?? 40;
  const warmup = options.warmup ?? 5;
  const bench = await openBenchDatabase(options.databaseUrl);
  const rendererDir = mkdtempSync(join(tmpdir(), 'aurora-bench-renderer-'));
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Aurora Desk</title>');
  const { port1, port2 } = new MessageChannel();
  let stop = () => {};
  let closeHarness = async () => {};
  try {
    await seedDatabase(bench.database, SMALL_WORLD);
    const desk = createTestServices(bench.database, { identity: testStaff });
    stop = servePort(port1, { router: appRouter, createContext: () => createContext(desk) });
    const harness = await startWebHarness({ services: desk, rendererDir, build: false, log: silentLogger });
    closeHarness = () => harness.close();

    const item = await callerFor(desk).items.get({ id: 1 });
    const encoded = explodingInput({ base: { id: item.id, version: item.version, changes: { usageData: { kind: 'typed' } } }, at: ['changes', 'usageData', 'value'] });
    const body = JSON.stringify(encoded);
    const depth = Object.keys(encoded.meta.referentialEqualities).length;

    let next = 1;
    const overPort = (message: Record<string, unknown>) =>
      new Promise<{ error?: unknown }>((resolve) => {
        const id = next++;
        const onMessage = (reply: { id: number; error?: unknown }) => {
          if (reply.id !== id) return;
          port2.off('message', onMessage);
          resolve(reply);
        };
        port2.on('message', onMessage);
        port2.postMessage({ id, ...message });
      });
    const refusedOnPort = async () => {
      const reply = await overPort({ type: 'mutation', path: 'items.update', input: encoded });
      if (!reply.error) throw new Error('the hostile request was not refused over the port');
    };
    const pingOnPort = () => overPort({ type: 'query', path: 'system.ping', input: superjson.serialize({ echo: 'aurora' }) });
    const auth = { 'x-aurora-desk-token': harness.token };
    const refusedOverHttp = async () => {
      const reply = await httpRequest(harness.port, '/trpc/items.update', { method: 'POST', headers: { ...auth, 'content-type': 'application/json' }, body });
      if (reply.status !== 400) throw new Error(`the hostile request answered ${reply.status} over HTTP`);
    };
    const pingInput = encodeURIComponent(JSON.stringify(superjson.serialize({ echo: 'aurora' })));
    const pingOverHttp = () => httpRequest(harness.port, `/trpc/system.ping?input=${pingInput}`, { headers: auth });

    const rssBefore = process.memoryUsage().rss;
    let rssPeak = rssBefore;
    const watch = setInterval(() => (rssPeak = Math.max(rssPeak, process.memoryUsage().rss)), 20);
    const times = await sampleAlternating({ refusedOnPort, pingOnPort, refusedOverHttp, pingOverHttp }, { samples, warmup });
    clearInterval(watch);
    rssPeak = Math.max(rssPeak, process.memoryUsage().rss);
    const growthMb = (rssPeak - rssBefore) / 2 ** 20;

    const p50 = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
    options.print(
      `hostile input: a ${(body.length / 1024).toFixed(1)} KB items.update decoding to 12^${depth} nodes, refused BAD_REQUEST ` +
        `in ${p50(times.refusedOnPort).toFixed(2)} ms over MessagePort and ${p50(times.refusedOverHttp).toFixed(2)} ms over HTTP (p50 of ${samples} each); ` +
        `RSS grew ${growthMb.toFixed(1)} MB over all ${2 * (samples + warmup)} of them`,
    );
    return [
      summarize('hostile input: 14 KB exploding request refused over MessagePort (vs system.ping)', times.refusedOnPort, 'ms', times.pingOnPort),
      summarize('hostile input: 14 KB exploding request refused over HTTP (vs system.ping)', times.refusedOverHttp, 'ms', times.pingOverHttp),
      { name: 'hostile input: RSS growth over all refused requests', unit: 'MB', p50: Math.round(growthMb * 10) / 10, p95: Math.round(growthMb * 10) / 10 },
    ];
  } finally {
    stop();
    port2.close();
    await closeHarness();
    await bench.close();
    rmSync(rendererDir, { recursive: true, force: true });
  }
}

export const hostileInputBench: BenchModule = { name: 'hostile-input', run: benchHostileInput };
