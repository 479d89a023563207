/**
 * The web harness: the built renderer and the real appRouter on 127.0.0.1, tRPC over HTTP with
 * server-sent events for subscriptions. It exists for end-to-end tests and development in a
 * browser (the Electron binary is not available everywhere); it is not a product surface.
 *
 * Who may drive it: whoever holds the random token, and only from this origin.
 * - The page is served for the printed URL's ?token=; the renderer keeps the token in
 *   sessionStorage (per origin, so per port) and sends it as the x-aurora-desk-token header,
 *   or, for the SSE stream (EventSource cannot send headers), in tRPC's connectionParams query
 *   parameter. There is no cookie: cookies ignore ports, so one would reach, and be sent by,
 *   every other server on 127.0.0.1.
 * - The Host header must name this loopback port (DNS rebinding), an Origin must be this one,
 *   and a browser's Sec-Fetch-Site must say same-origin for the API (another loopback port is
 *   "same-site", never "same-origin").
 * - The built scripts and styles are served without the token: they are the public bundle, and
 *   a module script cannot carry a header.
 *
 * What it takes: a request it cannot parse is a 400 and the harness goes on; a body has a byte
 * budget (1 MiB, quest packs more: src/shared/wire-budget.ts) checked before it is read, and a
 * batch at most MAX_BATCH_CALLS calls. Decoding is the router transformer's, within its budgets.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { existsSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { createHTTPHandler } from '@trpc/server/adapters/standalone';
import { hashForPlace, parseDeskLink } from '@shared/desk-links.js';
import { inputByteLimit, MAX_BATCH_CALLS } from '@shared/wire-budget.js';
import { appRouter } from '../api/root.js';
import { createContext } from '../api/trpc.js';
import { createDeskHost } from '../host.js';
import type { Logger } from '../core/log.js';
import type { DeskServices } from '../core/services.js';
import { createKeyFileCipher } from '../core/settings-store/key-file-cipher.js';
import { buildContentSecurityPolicy } from '../electron/window-policy.js';
import { ensureRendererBuilt, projectRoot, rendererOutDir } from './renderer-build.js';
import { resolveStaticFile, sendStaticFile } from './static.js';

export const TOKEN_HEADER = 'x-aurora-desk-token';
const LOOPBACK = '127.0.0.1';

export interface WebHarnessOptions {
  /** Default: a free port. */
  port?: number;
  /** Services to serve (tests build their own); the harness then leaves closing them to the caller. */
  services?: DeskServices;
  /** postgres:// URL for this session; default: the embedded database in `dataDir`. */
  databaseUrl?: string;
  /** Settings, secrets key and embedded database; default ./.aurora-data/web. */
  dataDir?: string;
  /** The built renderer; default out/renderer. */
  rendererDir?: string;
  /** Build the renderer first when it is missing or stale (default true). */
  build?: boolean;
  /** Default: a fresh random token. */
  token?: string;
  log?: Logger;
}

export interface WebHarness {
  /** The page to open, with the token. */
  url: string;
  origin: string;
  token: string;
  port: number;
  services: DeskServices;
  close(): Promise<void>;
}

function sameSecret(given: string | undefined | null, token: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

function refuse(res: ServerResponse, status: number, message: string): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store', Connection: 'close' });
  res.end(`${message}\n`);
}

/** The request's URL, or null when it is not one this server answers (absolute-form, `*`, unparsable). */
function requestUrl(req: IncomingMessage, base: string): URL | null {
  const target = req.url ?? '';
  if (!target.startsWith('/') || target.startsWith('//')) return null;
  try {
    return new URL(target, base);
  } catch {
    return null;
  }
}

const TRPC_BASE = '/trpc/';
/** `/link?to=aurora-desk://case/42&token=…`: a desk link opened in the harness (tests, development). */
export const DESK_LINK_PATH = '/link';

/** The route a desk link opens, by the same parser the app uses; anything else refused with why. */
function deskLinkTarget(to: string | null): { ok: true; hash: string } | { ok: false; reason: string } {
  const parsed = parseDeskLink(to ?? '');
  return parsed.ok ? { ok: true, hash: hashForPlace(parsed.place) } : parsed;
}

/** The token in tRPC's connectionParams query parameter (how httpSubscriptionLink authenticates SSE). */
function connectionParamsToken(url: URL): string | undefined {
  const text = url.searchParams.get('connectionParams');
  if (!text || text.length > 1000) return undefined;
  try {
    const params = JSON.parse(text) as unknown;
    const token = typeof params === 'object' && params !== null ? (params as Record<string, unknown>).token : undefined;
    return typeof token === 'string' ? token : undefined;
  } catch {
    return undefined;
  }
}

function headerValue(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return typeof value === 'string' ? value : undefined;
}

export async function startWebHarness(options: WebHarnessOptions = {}): Promise<WebHarness> {
  const log: Logger = options.log ?? consoleLogger();
  const rendererDir = resolve(options.rendererDir ?? rendererOutDir);
  if (options.build ?? true) await ensureRendererBuilt({ outDir: rendererDir, log });
  if (!existsSync(join(rendererDir, 'index.html'))) {
    throw new Error(`No built renderer in ${rendererDir}. Run \`npm run build\` (or start the harness without build: false).`);
  }

  const dataDir = resolve(options.dataDir ?? join(projectRoot, '.aurora-data/web'));
  // Built here, the host is ours to close; given services are the caller's.
  const host = options.services
    ? null
    : await createDeskHost({ dataDir, cipher: createKeyFileCipher(dataDir), log, databaseUrlOverride: options.databaseUrl, seedDemo: true });
  const services: DeskServices = options.services ?? host!;

  const token = options.token ?? randomBytes(24).toString('base64url');
  // Per page load: the image hosts staff allow may change while the harness runs.
  const csp = () => buildContentSecurityPolicy({ imageHosts: services.settings?.store.imageHosts() ?? [] });
  let port = 0;
  let allowedHosts = new Set<string>();
  let allowedOrigins = new Set<string>();

  // One handler per body budget: most calls get 1 MiB, quest pack imports more.
  const handlers = new Map<number, ReturnType<typeof createHTTPHandler>>();
  const trpcFor = (maxBodySize: number) => {
    let handler = handlers.get(maxBodySize);
    if (!handler) {
      handler = createHTTPHandler({
        router: appRouter,
        basePath: TRPC_BASE,
        maxBodySize,
        maxBatchSize: MAX_BATCH_CALLS,
        createContext: () => createContext(services),
        onError({ error, path }) {
          if (error.code === 'INTERNAL_SERVER_ERROR') log.error(`tRPC ${path ?? '?'} failed`, { error: error.message });
        },
      });
      handlers.set(maxBodySize, handler);
    }
    return handler;
  };

  const handle = (req: IncomingMessage, res: ServerResponse) => {
    // DNS rebinding: a foreign name resolving to 127.0.0.1 still sends its own Host.
    if (!allowedHosts.has(req.headers.host ?? '')) return refuse(res, 403, 'Forbidden: unexpected Host header.');
    const origin = req.headers.origin;
    if (origin !== undefined && !allowedOrigins.has(origin)) return refuse(res, 403, 'Forbidden: cross-origin request.');
    const url = requestUrl(req, `http://${LOOPBACK}:${port}`);
    if (!url) return refuse(res, 400, 'Bad request: the request target is not a path on this server.');
    const isApi = url.pathname.startsWith(TRPC_BASE);
    // A browser says where a request comes from; a page on another loopback port is "same-site".
    // Typing the printed URL (or a test opening it) is "none": fine for the page, never for the API.
    const site = headerValue(req, 'sec-fetch-site');
    if (site !== undefined && site !== 'same-origin' && (isApi || site !== 'none')) {
      return refuse(res, 403, 'Forbidden: the request does not come from this page.');
    }
    const noToken = () => refuse(res, 403, 'Forbidden: open the URL the web harness printed (it carries the access token).');
    if (isApi && !sameSecret(headerValue(req, TOKEN_HEADER) ?? (req.method === 'GET' ? connectionParamsToken(url) : undefined), token)) {
      return noToken();
    }
    const common = {
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
      'Cross-Origin-Opener-Policy': 'same-origin',
      'Cross-Origin-Resource-Policy': 'same-origin',
    };
    for (const [name, value] of Object.entries(common)) res.setHeader(name, value);

    if (isApi) {
      res.setHeader('Cache-Control', 'no-store');
      // A batch is held to the smallest budget among its calls.
      const limit = Math.min(...url.pathname.slice(TRPC_BASE.length).split(',').map((path) => inputByteLimit(decodeURIComponentOr(path))));
      const declared = Number(req.headers['content-length'] ?? 0);
      if (!Number.isFinite(declared) || declared > limit) return refuse(res, 413, `Payload too large: this call may send at most ${limit} bytes.`);
      return trpcFor(limit)(req, res);
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return refuse(res, 405, 'Method not allowed.');
    if (url.pathname === DESK_LINK_PATH) {
      // The harness' way in for a desk link: what the OS hands the app, here as a URL.
      if (!sameSecret(url.searchParams.get('token'), token)) return noToken();
      const link = deskLinkTarget(url.searchParams.get('to'));
      if (!link.ok) {
        log.warn('desk link refused', { link: (url.searchParams.get('to') ?? '').slice(0, 200), reason: link.reason });
        return refuse(res, 400, `Bad request: not a desk link this desk opens (${link.reason}).`);
      }
      res.writeHead(302, { Location: `/?token=${encodeURIComponent(token)}${link.hash}`, 'Cache-Control': 'no-store' });
      return void res.end();
    }
    void resolveStaticFile(rendererDir, url.pathname).then((file) => {
      if (!file) return refuse(res, 404, 'Not found.');
      const isPage = file.endsWith('.html');
      if (isPage && !sameSecret(url.searchParams.get('token') ?? headerValue(req, TOKEN_HEADER), token)) return noToken();
      sendStaticFile(res, file, {
        ...(isPage
          ? {
              'Content-Security-Policy': `${csp()}; frame-ancestors 'none'`,
              'X-Frame-Options': 'DENY',
            }
          : {}),
      });
    }).catch((error: unknown) => {
      log.warn('web harness: static file failed', { error: String(error) });
      refuse(res, 404, 'Not found.');
    });
  };

  const server = createServer((req, res) => {
    try {
      handle(req, res);
    } catch (error) {
      // Whatever a request holds, it answers and the harness goes on.
      log.warn('web harness: request refused', { error: String(error) });
      refuse(res, 400, 'Bad request.');
    }
  });

  await new Promise<void>((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, LOOPBACK, () => {
      server.off('error', reject);
      resolveListen();
    });
  });
  port = (server.address() as AddressInfo).port;
  allowedHosts = new Set([`${LOOPBACK}:${port}`, `localhost:${port}`]);
  allowedOrigins = new Set([`http://${LOOPBACK}:${port}`, `http://localhost:${port}`]);
  const origin = `http://${LOOPBACK}:${port}`;

  let closing: Promise<void> | null = null;
  return {
    url: `${origin}/?token=${encodeURIComponent(token)}`,
    origin,
    token,
    port,
    services,
    close() {
      closing ??= (async () => {
        // Open SSE streams would hold close() forever: end them.
        await new Promise<void>((resolveClose) => {
          server.close(() => resolveClose());
          server.closeAllConnections();
        });
        await host?.close();
      })();
      return closing;
    },
  };
}

function decodeURIComponentOr(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** Lines on stderr for `npm run web`; fields as JSON. */
export function consoleLogger(): Logger {
  const line = (level: string, message: string, fields?: Record<string, unknown>) =>
    console.error(`[${new Date().toISOString()}] ${level} ${message}${fields && Object.keys(fields).length ? ` ${JSON.stringify(fields)}` : ''}`);
  return {
    info: (message, fields) => line('info ', message, fields),
    warn: (message, fields) => line('warn ', message, fields),
    error: (message, fields) => line('error', message, fields),
  };
}
