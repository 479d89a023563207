/**
 * The app's own scheme (aurora-desk://app/) that replaces file://: which URLs map to which
 * files, that nothing outside the renderer folder is ever served (dot segments, encoded
 * separators, symlinks), and the headers every answer carries. Real files in a temp folder,
 * real fetch Requests; Electron's protocol.handle only forwards to this handler.
 */
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  APP_ENTRY_URL,
  APP_ORIGIN,
  APP_SCHEME_PRIVILEGES,
  createAppProtocolHandler,
  resolveAppPath,
} from '../../src/main/electron/protocol.js';
import { resolveStaticFile } from '../../src/main/web/static.js';
import { buildContentSecurityPolicy } from '../../src/main/electron/window-policy.js';

let base: string;
let root: string;

beforeAll(() => {
  base = mkdtempSync(join(tmpdir(), 'aurora-protocol-'));
  root = join(base, 'renderer');
  mkdirSync(join(root, 'assets'), { recursive: true });
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>Aurora Desk</title>');
  writeFileSync(join(root, 'assets', 'index-abc.js'), 'console.log("desk")');
  writeFileSync(join(root, 'assets', 'index-abc.css'), 'body{}');
  writeFileSync(join(root, 'assets', 'notes.txt'), 'not served');
  writeFileSync(join(base, 'secret.json'), '{"token":"outside"}');
  mkdirSync(join(root, 'folder.js'));
  // A symlink inside the folder that points out of it must not be followed.
  symlinkSync(join(base, 'secret.json'), join(root, 'assets', 'escape.json'));
});

afterAll(() => rmSync(base, { recursive: true, force: true }));

describe('resolveAppPath', () => {
  it('maps the entry, the root and assets to files inside the renderer folder', () => {
    expect(resolveAppPath(APP_ENTRY_URL, root)).toEqual({ ok: true, file: join(root, 'index.html'), contentType: 'text/html; charset=utf-8' });
    expect(resolveAppPath(`${APP_ORIGIN}/`, root)).toMatchObject({ ok: true, file: join(root, 'index.html') });
    expect(resolveAppPath(`${APP_ORIGIN}`, root)).toMatchObject({ ok: true, file: join(root, 'index.html') });
    expect(resolveAppPath(`${APP_ORIGIN}/assets/index-abc.js?v=1#x`, root)).toMatchObject({
      ok: true,
      file: join(root, 'assets', 'index-abc.js'),
      contentType: 'text/javascript; charset=utf-8',
    });
    expect(resolveAppPath(`${APP_ORIGIN}/assets/a%20b.css`, root)).toMatchObject({ ok: true, file: join(root, 'assets', 'a b.css') });
  });

  it('refuses every way out of the folder', () => {
    const attempts = [
      `${APP_ORIGIN}/..%2f..%2fsecret.json`,
      `${APP_ORIGIN}/assets/..%2F..%2F..%2Fetc%2Fpasswd.json`,
      `${APP_ORIGIN}/..%5c..%5csecret.json`,
      `${APP_ORIGIN}/assets/%5C..%5Csecret.json`,
      `${APP_ORIGIN}//etc/passwd.json`,
      `${APP_ORIGIN}/C:%5CWindows%5Cwin.ini.json`,
      `${APP_ORIGIN}/c:/secret.json`,
      `${APP_ORIGIN}/index.html%00.js`,
      `${APP_ORIGIN}/assets//index-abc.js`,
      `${APP_ORIGIN}/assets/./index-abc.js%2F`,
    ];
    for (const url of attempts) {
      const result = resolveAppPath(url, root);
      expect(result.ok, url).toBe(false);
      if (!result.ok) expect(result.status, url).toBe(403);
    }
  });

  it('normalises dot segments the way the URL parser does, and never lands outside', () => {
    // WHATWG URL parsing removes literal dot segments before we see the path.
    for (const url of [`${APP_ORIGIN}/assets/../../../secret.json`, `${APP_ORIGIN}/%2e%2e/secret.json`, `${APP_ORIGIN}/assets/%2E%2E/%2E%2E/secret.json`]) {
      expect(resolveAppPath(url, root), url).toMatchObject({ ok: true, file: join(root, 'secret.json') });
    }
  });

  it('answers only for its own scheme and host', () => {
    expect(resolveAppPath('file:///etc/passwd', root)).toMatchObject({ ok: false, status: 400 });
    expect(resolveAppPath('https://app/index.html', root)).toMatchObject({ ok: false, status: 400 });
    expect(resolveAppPath('aurora-desk://evil/index.html', root)).toMatchObject({ ok: false, status: 403 });
    expect(resolveAppPath('aurora-desk://user:pw@app/index.html', root)).toMatchObject({ ok: false, status: 403 });
    expect(resolveAppPath('aurora-desk://app:8080/index.html', root)).toMatchObject({ ok: false, status: 403 });
    expect(resolveAppPath('not a url', root)).toMatchObject({ ok: false, status: 400 });
    expect(resolveAppPath(`${APP_ORIGIN}/%E0%A4%A`, root)).toMatchObject({ ok: false, status: 400 });
  });

  it('serves only the kinds of file a page needs', () => {
    expect(resolveAppPath(`${APP_ORIGIN}/assets/notes.txt`, root)).toMatchObject({ ok: false, status: 404 });
    expect(resolveAppPath(`${APP_ORIGIN}/assets/script.sh`, root)).toMatchObject({ ok: false, status: 404 });
    expect(resolveAppPath(`${APP_ORIGIN}/assets/noextension`, root)).toMatchObject({ ok: false, status: 404 });
  });
});

describe('the scheme handler', () => {
  const refused: [string, number, string][] = [];
  const handle = () => createAppProtocolHandler({ root, onRefused: (url, status, reason) => refused.push([url, status, reason]) });

  it('serves the page with the CSP as a header and no sniffing', async () => {
    const response = await handle()(new Request(APP_ENTRY_URL));
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('<title>Aurora Desk</title>');
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe(buildContentSecurityPolicy({ imageHosts: [] }));
    expect(response.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('cache-control')).toBe('no-store');
  });

  it('serves assets, and HEAD without a body', async () => {
    const js = await handle()(new Request(`${APP_ORIGIN}/assets/index-abc.js`));
    expect(js.status).toBe(200);
    expect(await js.text()).toBe('console.log("desk")');
    const head = await handle()(new Request(`${APP_ORIGIN}/assets/index-abc.css`, { method: 'HEAD' }));
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });

  it('refuses writes, traversal, symlinks out of the folder, folders and missing files', async () => {
    refused.length = 0;
    const post = await handle()(new Request(APP_ENTRY_URL, { method: 'POST', body: 'x' }));
    expect(post.status).toBe(405);
    const traversal = await handle()(new Request(`${APP_ORIGIN}/..%2fsecret.json`));
    expect(traversal.status).toBe(403);
    expect(await traversal.text()).not.toContain('outside"');
    const symlink = await handle()(new Request(`${APP_ORIGIN}/assets/escape.json`));
    expect(symlink.status).toBe(403);
    expect(await symlink.text()).not.toContain('token');
    expect((await handle()(new Request(`${APP_ORIGIN}/folder.js`))).status).toBe(404);
    expect((await handle()(new Request(`${APP_ORIGIN}/assets/missing.js`))).status).toBe(404);
    expect(refused.map(([, status]) => status)).toEqual([405, 403, 403, 404, 404]);
  });
});

describe('the web harness serves by the same rules', () => {
  it('finds the page and assets, and refuses what the app scheme refuses', async () => {
    expect(await resolveStaticFile(root, '/')).toBe(join(root, 'index.html'));
    expect(await resolveStaticFile(root, '/assets/index-abc.js')).toBe(join(root, 'assets', 'index-abc.js'));
    const refusedPaths = [
      '/..%2f..%2fsecret.json',
      '/..%5c..%5csecret.json',
      '//etc/passwd.json',
      '/assets/escape.json', // symlink out of the folder
      '/assets/notes.txt', // a kind of file the app does not serve
      '/folder.js', // a folder
      '/assets/missing.js',
      '/%E0%A4%A.js', // bad percent-encoding
    ];
    for (const path of refusedPaths) expect(await resolveStaticFile(root, path), path).toBeNull();
  });
});

describe('scheme privileges', () => {
  it('is standard and secure, but grants no CORS, service workers or CSP bypass', () => {
    expect(APP_SCHEME_PRIVILEGES).toMatchObject({ standard: true, secure: true, corsEnabled: false, allowServiceWorkers: false, bypassCSP: false });
  });
});
