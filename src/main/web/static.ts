/** Serves the built renderer's files, and nothing outside its folder. */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import { extname } from 'node:path';
import { APP_CONTENT_TYPES, resolveRendererPath, staysInside } from '../electron/protocol.js';

/**
 * The file for a URL path, or null when the app scheme would refuse it (the same rules:
 * protocol.ts resolveRendererPath), it is not a file, or a symlink leads out of `root`.
 */
export async function resolveStaticFile(root: string, pathname: string): Promise<string | null> {
  const resolved = resolveRendererPath(pathname, root);
  if (!resolved.ok) return null;
  try {
    if (!(await stat(resolved.file)).isFile()) return null;
  } catch {
    return null;
  }
  return (await staysInside(resolved.file, root)) ? resolved.file : null;
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
