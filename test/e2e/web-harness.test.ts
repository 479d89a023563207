/**
 * The web harness' door: loopback only, the token on the page and every API call (never in a
 * cookie, which every other loopback port would see), the Host, Origin and Sec-Fetch-Site
 * checked, the Electron CSP on the page, files only from the renderer folder, tRPC over HTTP
 * and SSE against the real router, and whatever malformed request arrives, a 4xx and the
 * harness still serving. No browser needed: plain HTTP requests.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import superjson from 'superjson';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWebHarness, type WebHarness } from '../../src/main/web/harness.js';
import { buildContentSecurityPolicy } from '../../src/main/electron/window-policy.js';
import { silentLogger } from '../../src/main/core/log.js';
import { createMigratedDatabase, type ScratchDatabase } from '../fixtures/databases.js';
import { createTestServices } from '../fixtures/services.js';
import { rawRequest } from '../fixtures/hostile-requests.js';

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** node:http, because fetch() may not set Host. */
function get(harness: WebHarness, path: string, headers: Record<string, string> = {}, method = 'GET', body?: string): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: harness.port, path, method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

describe('the web harness', () => {
  let scratch: ScratchDatabase;
  let harness: WebHarness;
  let rendererDir: string;

  beforeAll(async () => {
    scratch = await createMigratedDatabase('pglite');
    rendererDir = mkdtempSync(join(tmpdir(), 'aurora-renderer-'));
    writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Aurora Desk</title>');
    mkdirSync(join(rendererDir, 'assets'));
    writeFileSync(join(rendererDir, 'assets', 'app.js'), 'console.log("hi")');
    writeFileSync(join(rendererDir, '..', 'aurora-secret-neighbour.txt'), 'not for the browser');
    harness = await startWebHarness({ services: createTestServices(scratch.database), rendererDir, build: false, log: silentLogger });
  });

  afterAll(async () => {
    await harness?.close();
    await scratch?.drop();
    rmSync(rendererDir, { recursive: true, force: true });
    rmSync(join(rendererDir, '..', 'aurora-secret-neighbour.txt'), { force: true });
  });

  it('listens on 127.0.0.1 and prints a URL carrying a random token', () => {
    expect(harness.url).toBe(`http://127.0.0.1:${harness.port}/?token=${encodeURIComponent(harness.token)}`);
    expect(harness.token.length).toBeGreaterThanOrEqual(32);
  });

  it('refuses requests without the token or with a wrong one', async () => {
    expect((await get(harness, '/')).status).toBe(403);
    expect((await get(harness, '/?token=wrong')).status).toBe(403);
    expect((await get(harness, '/trpc/system.ping', { 'x-aurora-desk-token': `${harness.token}x` })).status).toBe(403);
    const refused = await get(harness, '/trpc/system.ping');
    expect(refused.status).toBe(403);
    expect(refused.body).not.toContain('pong');
  });

  it('refuses a foreign Host header (DNS rebinding) and a foreign Origin, even with the token', async () => {
    const path = `/?token=${harness.token}`;
    expect((await get(harness, path, { Host: `evil.example:${harness.port}` })).status).toBe(403);
    expect((await get(harness, path, { Host: `127.0.0.1:${harness.port + 1}` })).status).toBe(403);
    expect((await get(harness, path, { Host: `localhost:${harness.port}` })).status).toBe(200);
    expect((await get(harness, path, { Origin: 'http://evil.example' })).status).toBe(403);
    expect((await get(harness, path, { Origin: `http://127.0.0.1:${harness.port}` })).status).toBe(200);
  });

  it('serves the page with the Electron CSP for the token in its URL, and sets no cookie', async () => {
    const page = await get(harness, `/?token=${harness.token}`);
    expect(page.status).toBe(200);
    expect(page.body).toContain('<title>Aurora Desk</title>');
    expect(page.headers['content-security-policy']).toBe(`${buildContentSecurityPolicy({ imageHosts: [] })}; frame-ancestors 'none'`);
    expect(page.headers['content-security-policy']).toContain("img-src 'self' https://cdn.discordapp.com https://media.discordapp.net data:");
    expect(page.headers['referrer-policy']).toBe('no-referrer');
    // Cookies ignore ports: one would be sent to (and by) every other server on 127.0.0.1.
    expect(page.headers['set-cookie']).toBeUndefined();
    expect((await get(harness, '/index.html')).status).toBe(403);
    // The built scripts are the public bundle, and a module script cannot carry a header.
    const asset = await get(harness, '/assets/app.js');
    expect(asset.status).toBe(200);
    expect(asset.headers['content-type']).toContain('text/javascript');
  });

  it('takes the token only from the header (or, for EventSource, tRPC\'s connectionParams), never from a cookie', async () => {
    for (const cookie of [`aurora_desk_token_${harness.port}=${harness.token}`, `aurora_desk_token=${harness.token}`]) {
      expect((await get(harness, '/trpc/system.ping', { Cookie: cookie })).status).toBe(403);
    }
    expect((await get(harness, `/trpc/system.ping?token=${harness.token}`)).status).toBe(403);
    const params = encodeURIComponent(JSON.stringify({ token: harness.token }));
    expect((await get(harness, `/trpc/system.ping?connectionParams=${params}`)).status).toBe(200);
    expect((await get(harness, `/trpc/system.ping?connectionParams=${encodeURIComponent('{"token":')}`)).status).toBe(403);
  });

  it('refuses pages on another loopback port (same-site, never same-origin), even with the token', async () => {
    const auth = { 'x-aurora-desk-token': harness.token };
    for (const site of ['same-site', 'cross-site', 'none']) {
      expect((await get(harness, '/trpc/system.ping', { ...auth, 'Sec-Fetch-Site': site })).status, site).toBe(403);
    }
    expect((await get(harness, '/trpc/system.ping', { ...auth, 'Sec-Fetch-Site': 'same-origin' })).status).toBe(200);
    expect((await get(harness, '/assets/app.js', { 'Sec-Fetch-Site': 'same-site' })).status).toBe(403);
    expect((await get(harness, `/?token=${harness.token}`, { 'Sec-Fetch-Site': 'none' })).status).toBe(200);
    expect((await get(harness, '/trpc/system.ping', { ...auth, Origin: `http://127.0.0.1:${harness.port + 1}` })).status).toBe(403);
  });

  it('answers malformed requests with 400 and keeps serving', async () => {
    // A cookie decodeURIComponent refuses, as a page on another port could plant for this one.
    expect((await get(harness, '/assets/app.js', { Cookie: `aurora_desk_token_${harness.port}=%E0%A4%A` })).status).toBe(200);
    expect((await get(harness, '/trpc/system.ping', { Cookie: `aurora_desk_token_${harness.port}=%E0%A4%A` })).status).toBe(403);
    for (const target of ['http://[/', 'http://127.0.0.1/trpc/system.ping', '*', '//evil.example/x']) {
      const reply = await rawRequest(harness.port, `GET ${target} HTTP/1.1\r\nHost: 127.0.0.1:${harness.port}\r\nConnection: close\r\n\r\n`);
      expect(reply, target).toMatch(/^HTTP\/1\.1 400 /);
    }
    expect((await get(harness, '/%E0%A4%A')).status).toBe(404);
    expect((await get(harness, '/trpc/system.ping', { 'x-aurora-desk-token': harness.token })).status).toBe(200);
  });

  it('refuses a body over its budget before reading it, a streamed one once it passes it, and batches over ten calls', async () => {
    const auth = { 'x-aurora-desk-token': harness.token, 'content-type': 'application/json' };
    // Declared 64 MB: refused on the header, the body never read.
    const declared = await rawRequest(
      harness.port,
      `POST /trpc/settings.setTheme HTTP/1.1\r\nHost: 127.0.0.1:${harness.port}\r\nx-aurora-desk-token: ${harness.token}\r\n` +
        `Content-Type: application/json\r\nContent-Length: ${64 * 1024 * 1024}\r\n\r\n{"json":`,
    );
    expect(declared).toMatch(/^HTTP\/1\.1 413 /);
    // Streamed without a length: cut off at the budget.
    const streamed = await get(harness, '/trpc/settings.setTheme', { ...auth, 'Transfer-Encoding': 'chunked' }, 'POST', JSON.stringify({ json: { theme: 'x'.repeat(2 * 1024 * 1024) } }));
    expect(streamed.status).toBe(413);
    const eleven = Array.from({ length: 11 }, () => 'system.ping').join(',');
    expect((await get(harness, `/trpc/${eleven}?batch=1`, auth)).status).toBe(400);
    const ten = Array.from({ length: 10 }, () => 'system.ping').join(',');
    expect((await get(harness, `/trpc/${ten}?batch=1`, auth)).status).toBe(200);
  });

  it('never serves a file outside the renderer folder', async () => {
    const auth = { 'x-aurora-desk-token': harness.token };
    for (const path of ['/../aurora-secret-neighbour.txt', '/%2e%2e/aurora-secret-neighbour.txt', '/assets/..%2f..%2faurora-secret-neighbour.txt', '/nope.js']) {
      const reply = await get(harness, path, auth);
      expect(reply.status, path).toBe(404);
      expect(reply.body).not.toContain('not for the browser');
    }
  });

  it('answers tRPC queries and mutations of the real router with the token header', async () => {
    const auth = { 'x-aurora-desk-token': harness.token };
    const input = encodeURIComponent(JSON.stringify(superjson.serialize({ echo: 'over http' })));
    const ping = await get(harness, `/trpc/system.ping?input=${input}`, auth);
    expect(ping.status).toBe(200);
    const data = superjson.deserialize<{ pong: boolean; echo: string; at: Date }>((JSON.parse(ping.body) as { result: { data: never } }).result.data);
    expect(data.pong).toBe(true);
    expect(data.echo).toBe('over http');
    expect(data.at).toBeInstanceOf(Date);

    const status = await get(harness, '/trpc/system.status', auth);
    const view = superjson.deserialize<{ identity: { id: bigint } | null }>((JSON.parse(status.body) as { result: { data: never } }).result.data);
    expect(typeof view.identity?.id).toBe('bigint');

    // Errors keep their code (an unknown procedure: NOT_FOUND).
    const missing = await get(harness, '/trpc/system.nothing', auth);
    expect(missing.status).toBe(404);
  });

  it('streams subscriptions as server-sent events', async () => {
    const events = await new Promise<string>((resolve, reject) => {
      const req = request(
        // As EventSource sends it: no headers of its own, the token in tRPC's connectionParams.
        {
          host: '127.0.0.1',
          port: harness.port,
          path: `/trpc/live.changes?connectionParams=${encodeURIComponent(JSON.stringify({ token: harness.token }))}`,
          headers: { Accept: 'text/event-stream' },
        },
        (res) => {
          expect(res.headers['content-type']).toContain('text/event-stream');
          let text = '';
          res.on('data', (chunk: Buffer) => {
            text += chunk.toString('utf8');
            if (text.includes('offline')) {
              req.destroy();
              resolve(text);
            }
          });
        },
      );
      req.on('error', (error) => (error.message.includes('aborted') || error.message.includes('socket hang up') ? undefined : reject(error)));
      req.end();
    });
    // The test desk's idle hub reports itself offline first.
    expect(events).toContain('"kind":"status"');
  });

  it('closes even while a subscription stream is open', async () => {
    const other = await startWebHarness({ services: createTestServices(scratch.database), rendererDir, build: false, log: silentLogger });
    await new Promise<void>((resolve) => {
      const req = request({ host: '127.0.0.1', port: other.port, path: '/trpc/live.changes', headers: { 'x-aurora-desk-token': other.token } }, () => resolve());
      req.on('error', () => {});
      req.end();
    });
    await other.close();
    await expect(get(other, '/')).rejects.toThrow();
  });
});
