/**
 * Hostile bytes below the router: what the MessagePort server and the web harness decode before
 * any schema sees it. A request small on the wire must not become a huge value once decoded
 * (superjson's referentialEqualities alias one object under many keys; a structured clone keeps
 * shared references), a message has a byte budget, and a body that is not JSON, or a value
 * type no input uses, is a 400 saying so. After each refusal the same process answers the next
 * call: nothing here may stop the main process.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MessageChannel, type MessagePort } from 'node:worker_threads';
import superjson from 'superjson';
import { afterAll, afterEach, beforeAll, beforeEach, expect, it } from 'vitest';
import { appRouter } from '../../src/main/api/root.js';
import { createContext } from '../../src/main/api/trpc.js';
import { silentLogger } from '../../src/main/core/log.js';
import { seedDatabase } from '../../src/main/db/seed.js';
import { servePort } from '../../src/main/rpc/serve-port.js';
import { startWebHarness, type WebHarness } from '../../src/main/web/harness.js';
import { MAX_INPUT_BYTES } from '../../src/shared/wire-budget.js';
import { describeOnBothDrivers, SMALL_WORLD } from '../fixtures/databases.js';
import { explodingInput, httpRequest } from '../fixtures/hostile-requests.js';
import { callerFor, createTestServices, testStaff } from '../fixtures/services.js';

interface ErrorShape {
  message: string;
  data: { code: string; httpStatus: number; fieldErrors?: Record<string, string[]>; formErrors?: string[] };
}

/** A raw port client: sends exactly the message given, answers the first reply with its id. */
function rawPort(services: ReturnType<typeof createTestServices>) {
  const { port1, port2 } = new MessageChannel();
  const stop = servePort(port1, { router: appRouter, createContext: () => createContext(services) });
  let next = 1;
  const send = (message: Record<string, unknown>): Promise<{ data?: unknown; error?: ErrorShape }> => {
    const id = next++;
    return new Promise((resolve) => {
      const onMessage = (reply: { id: number; result?: { data: unknown }; error?: unknown }) => {
        if (reply.id !== id) return;
        port2.off('message', onMessage);
        if (reply.error) resolve({ error: superjson.deserialize<ErrorShape>(reply.error as never) });
        else resolve({ data: superjson.deserialize(reply.result!.data as never) });
      };
      port2.on('message', onMessage);
      port2.postMessage({ id, ...message });
    });
  };
  return { send, close: () => (stop(), (port2 as MessagePort).close()) };
}

const ping = { type: 'query', path: 'system.ping', input: superjson.serialize({ echo: 'still here' }) };

let rendererDir: string;
beforeAll(() => {
  rendererDir = mkdtempSync(join(tmpdir(), 'aurora-renderer-'));
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Aurora Desk</title>');
});
afterAll(() => rmSync(rendererDir, { recursive: true, force: true }));

describeOnBothDrivers('hostile requests below the router', (current) => {
  let services: ReturnType<typeof createTestServices>;
  let harness: WebHarness;
  let port: ReturnType<typeof rawPort>;
  /** An item to aim the request at: items.update copies free-form usage JSON, so a decoded giant would be walked. */
  let item: { id: number; version: string };

  beforeAll(async () => {
    await seedDatabase(current().database, SMALL_WORLD);
    services = createTestServices(current().database, { identity: testStaff });
    harness = await startWebHarness({ services, rendererDir, build: false, log: silentLogger });
    const stored = await callerFor(services).items.get({ id: 1 });
    item = { id: stored.id, version: stored.version };
  }, 120_000);
  afterAll(() => harness?.close());
  beforeEach(() => {
    port = rawPort(services);
  });
  afterEach(() => port.close());

  const updateWith = (value: Record<string, unknown> = {}) => ({ id: item.id, version: item.version, changes: { usageData: { kind: 'typed', ...value } } });
  const api = (path: string, body?: string, headers: Record<string, string> = {}) =>
    httpRequest(harness.port, `/trpc/${path}`, {
      method: body === undefined ? 'GET' : 'POST',
      headers: { 'x-aurora-desk-token': harness.token, ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
      body,
    });
  const errorOf = (body: string) => superjson.deserialize<ErrorShape>((JSON.parse(body) as { error: never }).error);

  it('refuses a 14 KB request that decodes to a giant, over the port, and answers the next call', async () => {
    const encoded = explodingInput({ base: updateWith(), at: ['changes', 'usageData', 'value'] });
    expect(JSON.stringify(encoded).length).toBeGreaterThan(13 * 1024);
    expect(JSON.stringify(encoded).length).toBeLessThan(15 * 1024);
    const answer = await port.send({ type: 'mutation', path: 'items.update', input: encoded });
    expect(answer.error?.data.code, answer.error?.message).toBe('BAD_REQUEST');
    expect(answer.error?.data.formErrors?.join(' ')).toMatch(/too large once decoded/);
    expect((await port.send(ping)).data).toMatchObject({ pong: true, echo: 'still here' });
    expect((await callerFor(services).items.get({ id: item.id })).version).toBe(item.version);
  });

  it('refuses the same request over the web harness, and answers the next call', async () => {
    const body = JSON.stringify(explodingInput({ base: updateWith(), at: ['changes', 'usageData', 'value'] }));
    const reply = await api('items.update', body);
    expect(reply.status).toBe(400);
    expect(errorOf(reply.body).data.code).toBe('BAD_REQUEST');
    const pong = await api(`system.ping?input=${encodeURIComponent(JSON.stringify(superjson.serialize({ echo: 'still here' })))}`);
    expect(pong.status).toBe(200);
    expect((await callerFor(services).items.get({ id: item.id })).version).toBe(item.version);
  });

  it('refuses shared references a structured clone carries (no superjson meta at all)', async () => {
    // Thirty levels of two references to one object: 2^30 leaves as a tree, a few hundred bytes as a graph.
    let shared: unknown = { leaf: 'x' };
    for (let i = 0; i < 30; i++) shared = { a: shared, b: shared };
    const answer = await port.send({ type: 'mutation', path: 'items.update', input: { json: updateWith({ value: shared }) } });
    // Weighed as the tree it becomes, it is far over the message's byte budget.
    expect(answer.error?.data.code, answer.error?.message).toBe('PAYLOAD_TOO_LARGE');
    expect((await port.send(ping)).data).toMatchObject({ pong: true });
  });

  it('holds each message to its byte budget, and gives quest packs a larger one', async () => {
    const big = await port.send({ type: 'query', path: 'system.ping', input: { json: { echo: 'x'.repeat(MAX_INPUT_BYTES) } } });
    expect(big.error?.data.code).toBe('PAYLOAD_TOO_LARGE');
    const pack = await port.send({ type: 'mutation', path: 'quests.previewImport', input: { json: { text: ' '.repeat(2 * MAX_INPUT_BYTES) } } });
    expect(pack.error, pack.error?.message).toBeUndefined();
    expect((await port.send(ping)).data).toMatchObject({ pong: true });
  });

  it('refuses value types no input uses (Set, Map, RegExp, classes) and over-long bigints', async () => {
    for (const type of ['set', 'map', 'regexp', 'Error', 'URL']) {
      const answer = await port.send({ type: 'query', path: 'system.ping', input: { json: { echo: [] }, meta: { values: { echo: [type] }, v: 1 } } });
      expect(answer.error?.data.code, type).toBe('BAD_REQUEST');
    }
    const classy = await port.send({ type: 'query', path: 'system.ping', input: { json: { echo: {} }, meta: { values: { echo: [['class', 'Thing']] }, v: 1 } } });
    expect(classy.error?.data.code).toBe('BAD_REQUEST');
    const longBigint = await port.send({ type: 'query', path: 'moderation.detail', input: { json: { id: '9'.repeat(5000) }, meta: { values: { id: ['bigint'] }, v: 1 } } });
    expect(longBigint.error?.data.code).toBe('BAD_REQUEST');
    expect((await port.send(ping)).data).toMatchObject({ pong: true });
  });

  it('answers a body or a query string that is not JSON with a 400 that says so', async () => {
    for (const reply of [
      await api('items.update', '{"json": {"id": 1,'),
      await api('items.update', 'not json at all'),
      await api('system.ping?input=%7Bnope'),
      await api('system.ping?input=%E0%A4%A'),
    ]) {
      expect(reply.status, reply.body).toBe(400);
      const error = errorOf(reply.body);
      expect(error.data.code).toBe('BAD_REQUEST');
      expect(error.data.formErrors?.join(' ')).toMatch(/not valid JSON/);
    }
    expect((await api('system.ping')).status).toBe(200);
  });
});
