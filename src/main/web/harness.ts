/**
 * The web harness: the built renderer and the real appRouter on 127.0.0.1, tRPC over HTTP with
 * server-sent events for subscriptions. It exists for end-to-end tests and development in a
 * browser (the Electron binary is not available everywhere); it is not a product surface.
 *
 * Every request must carry the random token (the printed URL's ?token=, then a cookie the page
 * gets, or the x-aurora-desk-token header) and a Host header naming this loopback port, so
 * neither another local user's page nor a DNS-rebinding site can drive it.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { existsSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { createHTTPHandler } from '@trpc/server/adapters/standalone';
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

function cookie(req: IncomingMessage, name: string): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) return decodeURIComponent(value.join('='));
  }
  return undefined;
}

function refuse(res: ServerResponse, status: number, message: string): void {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(`${message}\n`);
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
  const cookieName = () => `aurora_desk_token_${port}`;

  const trpc = createHTTPHandler({
    router: appRouter,
    basePath: '/trpc/',
    createContext: () => createContext(services),
    onError({ error, path }) {
      if (error.code === 'INTERNAL_SERVER_ERROR') log.error(`tRPC ${path ?? '?'} failed`, { error: error.message });
    },
  });

  const server = createServer((req, res) => {
    // DNS rebinding: a foreign name resolving to 127.0.0.1 still sends its own Host.
    if (!allowedHosts.has(req.headers.host ?? '')) return refuse(res, 403, 'Forbidden: unexpected Host header.');
    const origin = req.headers.origin;
    if (origin !== undefined && !allowedOrigins.has(origin)) return refuse(res, 403, 'Forbidden: cross-origin request.');
    const url = new URL(req.url ?? '/', `http://${LOOPBACK}:${port}`);
    const given = url.searchParams.get('token') ?? (req.headers[TOKEN_HEADER] as string | undefined) ?? cookie(req, cookieName());
    if (!sameSecret(given, token)) {
      return refuse(res, 403, 'Forbidden: open the URL the web harness printed (it carries the access token).');
    }
    const common = {
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
      'Cross-Origin-Opener-Policy': 'same-origin',
      'Cross-Origin-Resource-Policy': 'same-origin',
    };
    for (const [name, value] of Object.entries(common)) res.setHeader(name, value);

    if (url.pathname.startsWith('/trpc/')) {
      res.setHeader('Cache-Control', 'no-store');
      return trpc(req, res);
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return refuse(res, 405, 'Method not allowed.');
    void resolveStaticFile(rendererDir, url.pathname).then((file) => {
      if (!file) return refuse(res, 404, 'Not found.');
      const isPage = file.endsWith('.html');
      sendStaticFile(res, file, {
        ...(isPage
          ? {
              'Content-Security-Policy': `${csp()}; frame-ancestors 'none'`,
              'X-Frame-Options': 'DENY',
              // The page's later requests (scripts, styles, /trpc, the SSE stream) carry the token this way.
              'Set-Cookie': `${cookieName()}=${encodeURIComponent(token)}; Path=/; HttpOnly; SameSite=Strict`,
            }
          : {}),
      });
    });
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
