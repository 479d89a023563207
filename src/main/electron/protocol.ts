/**
 * The app's own scheme, `aurora-desk://app/`, which serves the built renderer (out/renderer)
 * instead of file://. A file:// page may read any file the user can and shares one opaque
 * origin with every other local file; this scheme answers only for files inside the renderer
 * folder, gives the page a real origin for the CSP, permission checks and postMessage, and
 * sends the policy as a header.
 *
 * No Electron import: window.ts hands `handleAppRequest` to `protocol.handle`, and the tests
 * call it with plain fetch Requests.
 */
import { realpath, readFile, stat } from 'node:fs/promises';
import { extname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { buildContentSecurityPolicy } from './window-policy.js';

export const APP_SCHEME = 'aurora-desk';
export const APP_HOST = 'app';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
/** What the window loads. */
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/**
 * How the scheme is registered (before the app is ready): standard, so relative URLs and the
 * origin work like https; secure, so the page is a secure context; fetch-capable, because
 * Vite's `<script type="module" crossorigin>` loads through the fetch machinery. No CORS
 * (nobody else may read these files), no service workers, no CSP bypass.
 */
export const APP_SCHEME_PRIVILEGES = {
  standard: true,
  secure: true,
  supportFetchAPI: true,
  codeCache: true,
  corsEnabled: false,
  allowServiceWorkers: false,
  bypassCSP: false,
  stream: false,
} as const;

/** Only these kinds of file are served; anything else in the folder is answered 404. */
export const APP_CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.map': 'application/json; charset=utf-8',
};

export type AppPathResolution =
  | { ok: true; file: string; contentType: string }
  | { ok: false; status: 400 | 403 | 404 | 405; reason: string };

const WINDOWS_DRIVE = /^[a-zA-Z]:/;

/**
 * Maps an `aurora-desk://app/...` URL to a file inside `root`, or says why not. Pure: it does
 * not touch the disk (the handler checks the file exists and that no symlink leads out).
 * Every path segment is decoded on its own, so an encoded `..%2F` or `%5C` cannot smuggle a
 * separator past the check; the result must still lie inside `root`.
 */
export function resolveAppPath(rawUrl: string, root: string): AppPathResolution {
  let url: URL;
  try {
    url = new URL(rawUrl);
  } catch {
    return { ok: false, status: 400, reason: 'not a URL' };
  }
  if (url.protocol !== `${APP_SCHEME}:`) return { ok: false, status: 400, reason: `not an ${APP_SCHEME}: URL` };
  if (url.host.toLowerCase() !== APP_HOST || url.username || url.password || url.port) {
    return { ok: false, status: 403, reason: `only ${APP_ORIGIN} is served` };
  }
  return resolveRendererPath(url.pathname, root);
}

/**
 * The path half of resolveAppPath, shared with the web harness (web/static.ts) so the app
 * scheme and the harness refuse exactly the same paths: maps a URL pathname to a file inside
 * `root`, or says why not.
 */
export function resolveRendererPath(pathname: string, root: string): AppPathResolution {
  // A leading "//" would make the rest look like a host to some parsers: refuse it.
  if (pathname.startsWith('//')) return { ok: false, status: 403, reason: 'empty path segment' };
  const rawSegments = (pathname || '/').split('/').slice(1);
  if (rawSegments.length === 1 && rawSegments[0] === '') rawSegments[0] = 'index.html';
  const segments: string[] = [];
  for (const raw of rawSegments) {
    let segment: string;
    try {
      segment = decodeURIComponent(raw);
    } catch {
      return { ok: false, status: 400, reason: 'bad percent-encoding' };
    }
    if (segment === '' || segment === '.' || segment === '..') return { ok: false, status: 403, reason: 'path traversal' };
    if (/[\\/\0]/.test(segment) || WINDOWS_DRIVE.test(segment)) return { ok: false, status: 403, reason: 'path traversal' };
    segments.push(segment);
  }
  const base = resolve(root);
  const file = resolve(base, join(...segments));
  const inside = relative(base, file);
  if (inside === '' || inside.startsWith(`..${sep}`) || inside === '..' || isAbsolute(inside)) {
    return { ok: false, status: 403, reason: 'outside the renderer folder' };
  }
  const contentType = APP_CONTENT_TYPES[extname(file).toLowerCase()];
  if (!contentType) return { ok: false, status: 404, reason: 'not a kind of file the app serves' };
  return { ok: true, file, contentType };
}

/** Whether `file` (after following symlinks) still lies inside `root` (after following its own). */
export async function staysInside(file: string, root: string): Promise<boolean> {
  try {
    const [realFile, realRoot] = await Promise.all([realpath(file), realpath(root)]);
    const inside = relative(realRoot, realFile);
    return inside !== '' && !inside.startsWith(`..${sep}`) && inside !== '..' && !isAbsolute(inside);
  } catch {
    return false;
  }
}

/** The headers every answer of the scheme carries; the page gets the policy as a real header. */
export function appResponseHeaders(contentType: string, imageHosts: readonly string[] = []): Record<string, string> {
  return {
    'Content-Type': contentType,
    'Content-Security-Policy': buildContentSecurityPolicy({ imageHosts }),
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Opener-Policy': 'same-origin',
    // Hashed asset names never change; the page itself always comes fresh (a new build).
    'Cache-Control': contentType.startsWith('text/html') ? 'no-store' : 'private, max-age=31536000, immutable',
  };
}

function refusal(status: number, reason: string): Response {
  return new Response(reason, { status, headers: { 'Content-Type': 'text/plain; charset=utf-8', 'X-Content-Type-Options': 'nosniff' } });
}

export interface AppProtocolOptions {
  /** out/renderer. */
  root: string;
  /** Image hosts staff allow besides Discord's CDN, read at each page load. */
  imageHosts?: () => readonly string[];
  /** Told about refused requests (a traversal attempt is worth a line in the log). */
  onRefused?: (url: string, status: number, reason: string) => void;
}

/** The handler `protocol.handle(APP_SCHEME, …)` is given. GET and HEAD only. */
export function createAppProtocolHandler(options: AppProtocolOptions): (request: Request) => Promise<Response> {
  const refuse = (url: string, status: number, reason: string) => {
    options.onRefused?.(url, status, reason);
    return refusal(status, reason);
  };
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return refuse(request.url, 405, 'method not allowed');
    const resolved = resolveAppPath(request.url, options.root);
    if (!resolved.ok) return refuse(request.url, resolved.status, resolved.reason);
    try {
      if (!(await stat(resolved.file)).isFile()) return refuse(request.url, 404, 'not found');
    } catch {
      return refuse(request.url, 404, 'not found');
    }
    if (!(await staysInside(resolved.file, options.root))) return refuse(request.url, 403, 'outside the renderer folder');
    const headers = appResponseHeaders(resolved.contentType, options.imageHosts?.() ?? []);
    if (request.method === 'HEAD') return new Response(null, { status: 200, headers });
    const body = await readFile(resolved.file);
    return new Response(new Uint8Array(body), { status: 200, headers });
  };
}
