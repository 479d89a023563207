/**
 * The transport's own cost: a trivial query (system.ping) round trip from the renderer's tRPC
 * client over a MessageChannel to the port server and back, against the same call through a
 * direct createCaller (no transport, no serialisation). A bare echo over a second
 * MessageChannel, measured beside them, shows how much of the difference is the port itself
 * (two hops through the event loop) rather than tRPC and superjson.
 */
import { MessageChannel } from 'node:worker_threads';
import { createTRPCClient } from '@trpc/client';
import superjson from 'superjson';
import { appRouter, createCaller, type AppRouter } from '../../src/main/api/root.js';
import { createContext } from '../../src/main/api/trpc.js';
import { servePort } from '../../src/main/rpc/serve-port.js';
import { messagePortLink } from '../../src/renderer/src/lib/port-link.js';
import { createTestServices } from '../fixtures/services.js';
import { openBenchDatabase } from './database.js';
import { sampleAlternating, summarize, type BenchEntry, type BenchModule, type BenchOptions } from './stats.js';

/** A round trip with nothing on the other side but `postMessage` back. */
function bareEcho(): { roundTrip(): Promise<void>; close(): void } {
  const { port1, port2 } = new MessageChannel();
  port1.on('message', (message: unknown) => port1.postMessage(message));
  let waiting: (() => void) | undefined;
  port2.on('message', () => waiting?.());
  return {
    roundTrip: () =>
      new Promise<void>((resolve) => {
        waiting = resolve;
        port2.postMessage({ id: 1, type: 'query', path: 'system.ping', input: { json: { echo: 'aurora' } } });
      }),
    close: () => port1.close(),
  };
}

export async function benchTransport(options: BenchOptions): Promise<BenchEntry[]> {
  const samples = options.samples ?? 3000;
  const warmup = options.warmup ?? 300;
  const bench = await openBenchDatabase(options.databaseUrl);
  const desk = createTestServices(bench.database);
  const { port1, port2 } = new MessageChannel();
  const stop = servePort(port1, { router: appRouter, createContext: () => createContext(desk) });
  const echo = bareEcho();
  try {
    const client = createTRPCClient<AppRouter>({ links: [messagePortLink<AppRouter>({ port: port2, transformer: superjson })] });
    const caller = createCaller(createContext(desk));
    const input = { echo: 'aurora' };
    const times = await sampleAlternating(
      {
        transport: () => client.system.ping.query(input),
        direct: () => caller.system.ping(input),
        echo: () => echo.roundTrip(),
      },
      { samples, warmup },
    );
    options.print(`transport: ${samples} calls each after ${warmup} warm-up, interleaved; database ${bench.database.label}`);
    return [
      summarize('transport: system.ping over MessageChannel (vs direct createCaller)', times.transport, 'us', times.direct),
      summarize('transport: system.ping direct createCaller', times.direct, 'us'),
      summarize('transport: system.ping over MessageChannel (vs bare port echo)', times.transport, 'us', times.echo),
      summarize('transport: bare MessageChannel echo round trip', times.echo, 'us'),
    ];
  } finally {
    stop();
    port2.close();
    echo.close();
    await bench.close();
  }
}

export const transportBench: BenchModule = { name: 'transport', run: benchTransport };
