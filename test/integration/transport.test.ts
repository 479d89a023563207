/**
 * The tRPC transport end to end: the renderer's link and the main process' port server talking
 * over a worker_threads MessageChannel (which structured-clones messages as Electron's ports do),
 * with the real appRouter plus a small test-only area for what the app has no procedure for yet.
 */
import { MessageChannel, type MessagePort } from 'node:worker_threads';
import { createTRPCClient, TRPCClientError } from '@trpc/client';
import superjson from 'superjson';
import { afterEach, expect, it } from 'vitest';
import { z } from 'zod';
import { appRouter } from '../../src/main/api/root.js';
import { createContext, mergeRouters, readProcedure, router, writeProcedure } from '../../src/main/api/trpc.js';
import { ERRORS } from '../../src/main/core/errors.js';
import { servePort, type RpcErrorEvent } from '../../src/main/rpc/serve-port.js';
import type { DeskServices } from '../../src/main/core/services.js';
import { messagePortLink } from '../../src/renderer/src/lib/port-link.js';
import type { DeskErrorData } from '../../src/shared/errors.js';
import { describeOnBothDrivers } from '../fixtures/databases.js';
import { createTestServices, testStaff } from '../fixtures/services.js';
import { rejectionOf } from '../fixtures/rejection.js';

const BIG = 9223372036854775807n; // int8 max: a JS number would round it

function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

function pause(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => (clearTimeout(timer), resolve()), { once: true });
  });
}

/** How each subscription generator ended, by label: 'aborted' when its signal fired. */
const endings = new Map<string, ReturnType<typeof deferred<'aborted' | 'ran out'>>>();
const ending = (label: string) => {
  if (!endings.has(label)) endings.set(label, deferred());
  return endings.get(label)!;
};
const slowQueries = new Map<string, ReturnType<typeof deferred<'aborted'>>>();

const testArea = router({
  echo: readProcedure
    .input(z.object({ id: z.bigint(), at: z.date(), note: z.string().min(1, 'Write a note') }))
    .query(({ input }) => ({ ...input, next: input.id - 1n, later: new Date(input.at.getTime() + 1000) })),
  missing: readProcedure.input(z.object({ questId: z.bigint() })).query(({ input }): never => {
    throw ERRORS.notFound(`Quest ${input.questId}`);
  }),
  grant: writeProcedure
    .input(z.object({ amount: z.bigint(), token: z.string() }))
    .mutation(({ ctx, input }) => ({ grantedBy: ctx.actor.id, amount: input.amount })),
  waitForever: readProcedure.input(z.object({ label: z.string() })).query(async ({ input, signal }) => {
    const done = deferred<'aborted'>();
    slowQueries.set(input.label, done);
    await new Promise<void>((resolve) => signal?.addEventListener('abort', () => resolve(), { once: true }));
    done.resolve('aborted');
    return 'never seen';
  }),
  ticks: readProcedure
    .input(z.object({ label: z.string(), limit: z.number().int().optional() }))
    .subscription(async function* ({ input, signal }) {
      try {
        for (let i = 0; !signal?.aborted && (input.limit === undefined || i < input.limit); i++) {
          yield { i, coins: BIG - BigInt(i), at: new Date(Date.UTC(2026, 0, 1, 0, 0, i)) };
          await pause(2, signal);
        }
      } finally {
        ending(input.label).resolve(signal?.aborted ? 'aborted' : 'ran out');
      }
    }),
  brokenTicks: readProcedure.subscription(async function* () {
    yield 1;
    throw ERRORS.conflict('The lootdrop was claimed meanwhile.', { changedBy: 'Nyx' });
  }),
});

const testRouter = mergeRouters(appRouter, router({ test: testArea }));
type TestRouter = typeof testRouter;

interface Connection {
  client: ReturnType<typeof createTRPCClient<TestRouter>>;
  clientPort: MessagePort;
  stop: () => void;
  errors: RpcErrorEvent<unknown>[];
}

const open: Connection[] = [];
afterEach(() => {
  endings.clear();
  slowQueries.clear();
  for (const connection of open.splice(0)) {
    connection.stop();
    connection.clientPort.close();
  }
});

function connect(desk: DeskServices): Connection {
  const { port1, port2 } = new MessageChannel();
  const errors: RpcErrorEvent<unknown>[] = [];
  const stop = servePort(port1, { router: testRouter, createContext: () => createContext(desk), onError: (e) => errors.push(e) });
  const client = createTRPCClient<TestRouter>({ links: [messagePortLink<TestRouter>({ port: port2, transformer: superjson })] });
  const connection = { client, clientPort: port2, stop, errors };
  open.push(connection);
  return connection;
}

describeOnBothDrivers('the tRPC transport over a MessageChannel', (current) => {
  it('answers a query of the real app router (system.ping)', async () => {
    const { client } = connect(createTestServices(current().database));
    const pong = await client.system.ping.query({ echo: 'hello' });
    expect(pong.pong).toBe(true);
    expect(pong.echo).toBe('hello');
    expect(pong.at).toBeInstanceOf(Date);
    expect(await client.system.ping.query()).toMatchObject({ pong: true, echo: null });
  });

  it('carries bigint and Date both ways, intact above 2^53', async () => {
    const { client } = connect(createTestServices(current().database));
    const at = new Date('2026-03-04T05:06:07.089Z');
    const echoed = await client.test.echo.query({ id: BIG, at, note: 'loot' });
    expect(echoed.id).toBe(BIG);
    expect(echoed.next).toBe(BIG - 1n);
    expect(echoed.at).toEqual(at);
    expect(echoed.later.getTime()).toBe(at.getTime() + 1000);

    const status = await client.system.status.query();
    expect(status.identity?.id).toBe(testStaff.id);
    expect(status.live.since).toBeInstanceOf(Date);
    expect(status.connection.driver).toBe(current().database.driver);
  });

  it('runs a write mutation with the actor from the services and audits it', async () => {
    const { client } = connect(createTestServices(current().database));
    const granted = await client.test.grant.mutate({ amount: 250n, token: 'hunter2-transport' });
    expect(granted).toEqual({ grantedBy: testStaff.id, amount: 250n });
    const { entries } = await client.audit.list.query({ procedure: 'test.grant', actorId: testStaff.id });
    expect(entries[0]).toMatchObject({ actorId: testStaff.id, procedure: 'test.grant', outcome: 'ok' });
    expect(entries[0]?.input).toEqual({ amount: '250', token: '[redacted]' });
  });

  it('keeps error codes: NOT_FOUND from a DeskError, BAD_REQUEST with zod field errors, unknown paths', async () => {
    const { client, errors } = connect(createTestServices(current().database));
    const notFound = await rejectionOf(client.test.missing.query({ questId: 42n }));
    expect(notFound.data.code).toBe('NOT_FOUND');
    expect(notFound.message).toMatch(/Quest 42 was not found/);

    const badNote = await rejectionOf(client.test.echo.query({ id: 1n, at: new Date(), note: '' }));
    expect(badNote.data.code).toBe('BAD_REQUEST');
    expect(badNote.data.fieldErrors).toEqual({ note: ['Write a note'] });

    const badLimit = await rejectionOf(client.audit.list.query({ limit: 0 }));
    expect(badLimit.data.code).toBe('BAD_REQUEST');
    expect(Object.keys(badLimit.data.fieldErrors ?? {})).toEqual(['limit']);

    const noSuch = await rejectionOf((client.system as unknown as { nope: { query(): Promise<unknown> } }).nope.query());
    expect(noSuch.data.code).toBe('NOT_FOUND');
    expect(errors.map((e) => e.error.code)).toEqual(['NOT_FOUND', 'BAD_REQUEST', 'BAD_REQUEST', 'NOT_FOUND']);
  });

  it('refuses a write without staff identity with PRECONDITION_FAILED (identity)', async () => {
    const { client } = connect(createTestServices(current().database, { identity: null }));
    const error = await rejectionOf(client.test.grant.mutate({ amount: 1n, token: 'x' }));
    expect(error.data.code).toBe('PRECONDITION_FAILED');
    expect(error.data.precondition).toBe('identity');
    expect(error.message).toMatch(/staff identity/);
  });

  it('streams a subscription and, when the client unsubscribes, aborts the generator', async () => {
    const { client } = connect(createTestServices(current().database));
    const received: { i: number; coins: bigint; at: Date }[] = [];
    const third = deferred<void>();
    const started = deferred<void>();
    const subscription = client.test.ticks.subscribe(
      { label: 'unsubscribe' },
      {
        onStarted: () => started.resolve(),
        onData(tick) {
          received.push(tick);
          if (received.length === 3) third.resolve();
        },
      },
    );
    await started.promise;
    await third.promise;
    subscription.unsubscribe();
    expect(await ending('unsubscribe').promise).toBe('aborted');
    expect(received.slice(0, 3).map((t) => t.i)).toEqual([0, 1, 2]);
    expect(received[2]?.coins).toBe(BIG - 2n);
    expect(received[1]?.at).toEqual(new Date('2026-01-01T00:00:01Z'));
  });

  it('completes a subscription whose generator runs out', async () => {
    const { client } = connect(createTestServices(current().database));
    const done = deferred<void>();
    const seen: number[] = [];
    let stopped = false;
    client.test.ticks.subscribe(
      { label: 'runs-out', limit: 3 },
      { onData: (tick) => seen.push(tick.i), onStopped: () => (stopped = true), onComplete: () => done.resolve() },
    );
    await done.promise;
    expect(seen).toEqual([0, 1, 2]);
    expect(stopped).toBe(true);
    expect(await ending('runs-out').promise).toBe('ran out');
  });

  it('delivers an error thrown inside a subscription with its code and extra data', async () => {
    const { client } = connect(createTestServices(current().database));
    const failed = deferred<unknown>();
    const seen: number[] = [];
    client.test.brokenTicks.subscribe(undefined, { onData: (n) => seen.push(n), onError: (e) => failed.resolve(e) });
    const error = (await failed.promise) as TRPCClientError<TestRouter> & { data: DeskErrorData };
    expect(seen).toEqual([1]);
    expect(error).toBeInstanceOf(TRPCClientError);
    expect(error.data.code).toBe('CONFLICT');
    expect(error.data.conflict?.changedBy).toBe('Nyx');
  });

  it('aborts subscriptions and in-flight queries when the window side of the port closes', async () => {
    const { client, clientPort } = connect(createTestServices(current().database));
    const first = deferred<void>();
    const lost = deferred<unknown>();
    client.test.ticks.subscribe({ label: 'port-closed' }, { onData: () => first.resolve(), onError: (e) => lost.resolve(e) });
    const slow = client.test.waitForever.query({ label: 'port-closed' }).catch((e: unknown) => e);
    await first.promise;
    while (!slowQueries.has('port-closed')) await pause(5);
    clientPort.close();
    expect(await ending('port-closed').promise).toBe('aborted');
    expect(await slowQueries.get('port-closed')!.promise).toBe('aborted');
    expect(((await lost.promise) as Error).message).toMatch(/lost the connection/);
    expect(((await slow) as Error).message).toMatch(/lost the connection/);
  });

  it('aborts every subscription when the server is stopped', async () => {
    const { client, stop } = connect(createTestServices(current().database));
    const firsts = ['stop-a', 'stop-b'].map((label) => {
      const first = deferred<void>();
      client.test.ticks.subscribe({ label }, { onData: () => first.resolve(), onError: () => {} });
      return first.promise;
    });
    await Promise.all(firsts);
    stop();
    expect(await ending('stop-a').promise).toBe('aborted');
    expect(await ending('stop-b').promise).toBe('aborted');
  });

  it('keeps many concurrent requests apart', async () => {
    const { client } = connect(createTestServices(current().database));
    const ids = Array.from({ length: 300 }, (_, i) => BIG - BigInt(i) * 7919n);
    const answers = await Promise.all(ids.map((id, i) => client.test.echo.query({ id, at: new Date(i), note: `n${i}` })));
    answers.forEach((answer, i) => {
      expect(answer.id).toBe(ids[i]);
      expect(answer.note).toBe(`n${i}`);
      expect(answer.at.getTime()).toBe(i);
    });
    const pings = await Promise.all(Array.from({ length: 50 }, (_, i) => client.system.ping.query({ echo: String(i) })));
    expect(pings.map((p) => p.echo)).toEqual(Array.from({ length: 50 }, (_, i) => String(i)));
  });

  it('answers a malformed message with PARSE_ERROR and keeps serving', async () => {
    const { client, clientPort, errors } = connect(createTestServices(current().database));
    const reply = deferred<unknown>();
    clientPort.on('message', (message: { id?: number }) => {
      if (message.id === 999_999) reply.resolve(message);
    });
    clientPort.postMessage({ id: 999_999, type: 'drop table', path: 7 });
    const answer = (await reply.promise) as { error: { json: { data: { code: string } } } };
    expect(answer.error.json.data.code).toBe('PARSE_ERROR');
    expect(errors.at(-1)?.error.code).toBe('PARSE_ERROR');
    expect((await client.system.ping.query()).pong).toBe(true);
  });
});
