/**
 * Each desk window has its own port and its own subscriptions: closing a pop-out ends its live
 * feed in the main process and leaves the main window's running. The real appRouter and the
 * renderer's real port link over worker_threads ports (which clone messages as Electron's do),
 * with a live hub made of the real fan-out the desk uses.
 */
import { MessageChannel, type MessagePort } from 'node:worker_threads';
import { createTRPCClient } from '@trpc/client';
import superjson from 'superjson';
import { afterEach, describe, expect, it } from 'vitest';
import { appRouter, type AppRouter } from '../../src/main/api/root.js';
import { createContext } from '../../src/main/api/trpc.js';
import type { LiveHub } from '../../src/main/core/services.js';
import { WindowPorts } from '../../src/main/desktop/window-ports.js';
import { LiveFanout } from '../../src/main/live/fanout.js';
import { servePort } from '../../src/main/rpc/serve-port.js';
import { messagePortLink } from '../../src/renderer/src/lib/port-link.js';
import type { LiveEvent, LiveStatus } from '../../src/shared/live.js';
import { createScratchDatabase, type ScratchDatabase } from '../fixtures/databases.js';
import { createTestServices } from '../fixtures/services.js';

async function until(what: string, condition: () => boolean): Promise<void> {
  await expect.poll(condition, { message: what }).toBe(true);
}

describe('window ports', () => {
  const cleanups: (() => unknown)[] = [];
  afterEach(async () => {
    for (const step of cleanups.splice(0).reverse()) await step();
  });

  it('closing one window ends its subscriptions and no other window’s', async () => {
    // The procedures here read no table; the services still want a database (PGlite, in memory).
    const scratch: ScratchDatabase = await createScratchDatabase('pglite');
    cleanups.push(() => scratch.drop());
    const status: LiveStatus = { mode: 'live', since: new Date() };
    const fanout = new LiveFanout(100, () => status);
    const hub: LiveHub = { status: () => status, events: (signal) => fanout.subscribe(signal), close: async () => fanout.endAll() };
    const services = createTestServices(scratch.database, { live: hub });
    const ports = new WindowPorts<MessagePort>((port) => servePort(port, { router: appRouter, createContext: () => createContext(services) }));
    cleanups.push(() => ports.detachAll());

    // Two windows, as the shell opens them: the main one and a pop-out, each with its own channel.
    const windows = [1, 2].map((id) => {
      const { port1, port2 } = new MessageChannel();
      cleanups.push(() => port2.close());
      ports.attach(id, port1);
      const client = createTRPCClient<AppRouter>({ links: [messagePortLink<AppRouter>({ port: port2, transformer: superjson })] });
      const events: LiveEvent[] = [];
      const subscription = client.live.changes.subscribe(undefined, { onData: (event) => void events.push(event as LiveEvent) });
      cleanups.push(() => subscription.unsubscribe());
      return { id, events };
    });
    await until('both windows subscribed', () => fanout.size === 2 && windows.every((w) => w.events.length > 0));
    expect(ports.windows()).toEqual([1, 2]);

    ports.detach(2);
    await until('the closed window’s subscription ended', () => fanout.size === 1);
    expect(ports.windows()).toEqual([1]);

    const change: LiveEvent = { kind: 'change', table: 'moderation_cases', op: 'INSERT', key: { id: '77' } };
    fanout.publish(change);
    await until('the main window still hears the hub', () => windows[0]!.events.some((e) => e.kind === 'change'));
    expect(windows[1]!.events.some((e) => e.kind === 'change')).toBe(false);
    // PGlite's first start is slow on a busy two-core machine.
  }, 120_000);

  it('a reload of a window replaces its port and ends the old subscriptions', async () => {
    const stopped: string[] = [];
    const ports = new WindowPorts<string>((port) => () => void stopped.push(port));
    ports.attach(1, 'first load');
    ports.attach(1, 'reload');
    ports.attach(2, 'pop-out');
    expect(stopped).toEqual(['first load']);
    ports.detach(1);
    ports.detach(1);
    expect(stopped).toEqual(['first load', 'reload']);
    ports.detachAll();
    expect(stopped).toEqual(['first load', 'reload', 'pop-out']);
  });
});
