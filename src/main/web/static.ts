/** Serves the built renderer's files, and nothing outside its folder. */
import { createReadStream, statSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import { APP_CONTENT_TYPES } from '../protocol.js';

/** The file for a URL path, or null when it is outside `root` or not a file. */
export function resolveStaticFile(root: string, pathname: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const relativePath = decoded === '/' || decoded === '' ? 'index.html' : decoded.replace(/^\/+/, '');
  const full = normalize(join(root, relativePath));
  if (full !== root && !full.startsWith(root.endsWith(sep) ? root : root + sep)) return null;
  try {
    return statSync(full).isFile() ? full : null;
  } catch {
    return null;
  }
}

export function sendStaticFile(res: ServerResponse, file: string, headers: Record<string, string> = {}): void {
  // One list of servable file kinds for the app scheme and the harness.
  const type = APP_CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
  const html = type.startsWith('text/html');
  res.writeHead(200, {
    'Content-Type': type,
    // Hashed asset names may be cached; the page itself always comes fresh (new builds).
    'Cache-Control': html ? 'no-store' : 'private, max-age=3600',
    ...headers,
  });
  createReadStream(file).pipe(res);
}
