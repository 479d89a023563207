import { MessageChannel } from 'node:worker_threads';
import { createTRPCClient, TRPCClientError } from '@trpc/client';
import superjson from 'superjson';
import { describe, expect, it } from 'vitest';
import type { AppRouter } from '../../src/main/api/root.js';
import { messagePortLink, waitForDeskPort } from '../../src/renderer/src/lib/port-link.js';
import { DESK_PORT_MESSAGE } from '../../src/shared/rpc-protocol.js';

function portEvent(data: unknown, ports: unknown[], source: unknown): Event {
  return Object.assign(new Event('message'), { data, ports, source });
}

describe('waitForDeskPort', () => {
  it('takes the port the preload posts from this window, and ignores anything else', async () => {
    const win = new EventTarget();
    const stranger = new EventTarget();
    const { port1: real } = new MessageChannel();
    const { port1: forged } = new MessageChannel();
    const waiting = waitForDeskPort(win);
    win.dispatchEvent(portEvent('something else', [forged], win));
    win.dispatchEvent(portEvent(DESK_PORT_MESSAGE, [forged], stranger));
    win.dispatchEvent(portEvent(DESK_PORT_MESSAGE, [], win));
    win.dispatchEvent(portEvent(DESK_PORT_MESSAGE, [real], win));
    expect(await waiting).toBe(real);
    real.close();
    forged.close();
  });
});

describe('messagePortLink', () => {
  it('sends requests in the wire format and decodes superjson answers', async () => {
    const { port1: main, port2: renderer } = new MessageChannel();
    const client = createTRPCClient<AppRouter>({ links: [messagePortLink<AppRouter>({ port: renderer, transformer: superjson })] });
    main.on('message', (request: { id: number; type: string; path: string; input: unknown }) => {
      expect(request.type).toBe('query');
      expect(request.path).toBe('audit.list');
      expect(superjson.deserialize(request.input as never)).toEqual({ actorId: 5n, limit: 1 });
      const data = { entries: [], nextCursor: 2n ** 62n };
      main.postMessage({ id: request.id, result: { type: 'data', data: superjson.serialize(data) } });
    });
    const answer = await client.audit.list.query({ actorId: 5n, limit: 1 });
    expect(answer.nextCursor).toBe(2n ** 62n);
    main.close();
  });

  it('fails calls made after the port closed with a readable error', async () => {
    const { port1: main, port2: renderer } = new MessageChannel();
    const client = createTRPCClient<AppRouter>({ links: [messagePortLink<AppRouter>({ port: renderer, transformer: superjson })] });
    main.close();
    await new Promise<void>((resolve) => renderer.once('close', () => resolve()));
    const error = await client.system.ping.query().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TRPCClientError);
    expect((error as Error).message).toMatch(/lost the connection/);
  });
  it('refuses an input too deep for the port before sending it, instead of waiting forever', async () => {
    const { port1: main, port2: renderer } = new MessageChannel();
    const client = createTRPCClient<AppRouter>({ links: [messagePortLink<AppRouter>({ port: renderer, transformer: superjson })] });
    const received: unknown[] = [];
    main.on('message', (request: unknown) => received.push(request));
    // Past the main process' depth budget; a few thousand levels would fail the structured clone
    // on the receiving side ('messageerror', naming no call) and the call would never be answered.
    let deep: unknown = 'Aurora';
    for (let i = 0; i < 500; i++) deep = { a: deep };
    const error = await client.system.ping.query(deep as never).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TRPCClientError);
    expect((error as Error).message).toMatch(/deeper than|nested/);
    // A call within the budget still goes out on the same port.
    void client.system.ping.query({ echo: 'still here' }).catch(() => undefined);
    await expect.poll(() => received.length).toBe(1);
    main.close();
  });
});
