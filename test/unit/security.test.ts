/**
 * The Electron shell's security decisions with the page on its own scheme (aurora-desk://app),
 * as the packaged app runs: navigation guard, window-open handler, permission handler, the
 * sender check for the tRPC port hand-off, and the CSP header. Each is a plain function that
 * window.ts and index.ts call from Electron's hooks (docs/SECURITY.md, points 5, 7, 13-15, 17).
 */
import { describe, expect, it } from 'vitest';
import { APP_ENTRY_URL, APP_ORIGIN, appResponseHeaders } from '../../src/main/electron/protocol.js';
import {
  buildContentSecurityPolicy,
  decideFrameNavigation,
  decideNavigation,
  decidePermission,
  decideWindowOpen,
  isAppFrame,
} from '../../src/main/electron/window-policy.js';

const APP = APP_ENTRY_URL;
const DEV = 'http://localhost:5173/';

describe('navigation guard on the app scheme', () => {
  it('allows only hash changes of the app page itself', () => {
    expect(decideNavigation(`${APP}#/moderation`, APP)).toBe('allow');
    expect(decideNavigation(APP, APP)).toBe('allow');
  });

  it('blocks other documents of the scheme, lookalike hosts and local files', () => {
    for (const target of [
      `${APP_ORIGIN}/other.html`,
      `${APP_ORIGIN}/assets/index.js`,
      `${APP}?inject=1`,
      'aurora-desk://evil/index.html',
      'aurora-desk://app.evil.example/index.html',
      'file:///etc/passwd',
      'file:///C:/Windows/System32/calc.exe',
      'javascript:window.__pwned=1',
      'data:text/html,<script>window.__pwned=1</script>',
      'chrome://settings',
      'devtools://devtools/bundled/inspector.html',
    ]) {
      expect(decideNavigation(target, APP), target).toBe('block');
    }
  });

  it('hands web links to the system browser instead of navigating', () => {
    expect(decideNavigation('https://discord.com/channels/1/2', APP)).toBe('open-external');
    expect(decideNavigation('https://user:pw@discord.com/', APP)).toBe('block');
  });

  it('never lets a sub-frame navigate, not even to the web', () => {
    expect(decideFrameNavigation('https://discord.com/', APP, false)).toBe('block');
    expect(decideFrameNavigation(`${APP}#/x`, APP, false)).toBe('block');
    expect(decideFrameNavigation(`${APP}#/x`, APP, true)).toBe('allow');
    expect(decideFrameNavigation('https://discord.com/', APP, true)).toBe('open-external');
  });
});

describe('window-open handler', () => {
  it('always denies the new window', () => {
    for (const url of ['https://discord.com/', APP, 'about:blank', 'javascript:1', '', 'file:///etc/passwd']) {
      expect(decideWindowOpen(url).action, url).toBe('deny');
    }
  });

  it('sends only plain http(s) links to the browser', () => {
    expect(decideWindowOpen('https://discord.com/users/1').openExternal).toBe(true);
    expect(decideWindowOpen('http://wiki.example.org/').openExternal).toBe(true);
    for (const url of [
      'file:///etc/passwd',
      'smb://attacker/share',
      'ms-msdt:/id PCWDiagnostic',
      'search-ms:query=x',
      'javascript:alert(1)',
      'aurora-desk://app/index.html',
      'https://a:b@evil.example/',
      'about:blank',
      'not a url',
    ]) {
      expect(decideWindowOpen(url).openExternal, url).toBe(false);
    }
  });
});

describe('permission request handler', () => {
  it('grants the clipboard write to the app page and nothing else to anyone (notices come from the main process)', () => {
    expect(decidePermission('notifications', APP, APP)).toBe(false);
    expect(decidePermission('notifications', 'https://evil.example/', APP)).toBe(false);
    expect(decidePermission('clipboard-sanitized-write', APP, APP)).toBe(true);
    expect(decidePermission('clipboard-sanitized-write', `${APP_ORIGIN}/`, APP)).toBe(true);
    expect(decidePermission('clipboard-sanitized-write', 'aurora-desk://evil/', APP)).toBe(false);
    expect(decidePermission('clipboard-sanitized-write', 'https://app/', APP)).toBe(false);
    for (const permission of ['media', 'display-capture', 'geolocation', 'clipboard-read', 'openExternal', 'pointerLock', 'fileSystem', 'midiSysex']) {
      expect(decidePermission(permission, APP, APP), permission).toBe(false);
    }
  });
});

describe('sender validation for the port hand-off', () => {
  it('hands the port to the app page, whatever its hash', () => {
    expect(isAppFrame(APP, APP)).toBe(true);
    expect(isAppFrame(`${APP}#/lootdrops`, APP)).toBe(true);
    expect(isAppFrame(`${DEV}#/players`, DEV)).toBe(true);
  });

  it('withholds it from any other page or an unknown frame', () => {
    for (const url of [
      '',
      null,
      undefined,
      'about:blank',
      `${APP_ORIGIN}/evil.html`,
      `${APP}?x=1`,
      'aurora-desk://other/index.html',
      'https://evil.example/index.html',
      'file:///opt/aurora-desk/resources/app.asar/out/renderer/index.html',
      'garbage',
    ]) {
      expect(isAppFrame(url, APP), String(url)).toBe(false);
    }
    // In development the dev server's other pages are not the app either.
    expect(isAppFrame('http://localhost:5173/other.html', DEV)).toBe(false);
    expect(isAppFrame('http://localhost:5174/', DEV)).toBe(false);
  });
});

describe('CSP header', () => {
  it('is sent with every page the scheme serves, and is strict', () => {
    const headers = appResponseHeaders('text/html; charset=utf-8', ['images.example.com']);
    expect(headers['Content-Security-Policy']).toBe(buildContentSecurityPolicy({ imageHosts: ['images.example.com'] }));
    const policy = new Map(
      headers['Content-Security-Policy']!.split(';').map((part) => {
        const [name, ...sources] = part.trim().split(/\s+/);
        return [name!, sources];
      }),
    );
    expect(policy.get('default-src')).toEqual(["'self'"]);
    expect(policy.get('script-src')).toEqual(["'self'"]);
    expect(policy.get('object-src')).toEqual(["'none'"]);
    expect(policy.get('frame-src')).toEqual(["'none'"]);
    expect(policy.get('base-uri')).toEqual(["'none'"]);
    expect(policy.get('form-action')).toEqual(["'none'"]);
    // Images: Discord's CDN and the hosts staff allowed, not any https host.
    expect(policy.get('img-src')).toEqual(["'self'", 'https://cdn.discordapp.com', 'https://media.discordapp.net', 'https://images.example.com', 'data:']);
    expect(headers['X-Content-Type-Options']).toBe('nosniff');
    expect(headers['Referrer-Policy']).toBe('no-referrer');
  });
});
