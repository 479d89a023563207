import { describe, expect, it } from 'vitest';
import {
  buildContentSecurityPolicy,
  decideNavigation,
  decidePermission,
  isAllowedExternalUrl,
  shouldBlockNavigation,
} from '../../src/main/electron/window-policy.js';

const APP = 'file:///opt/aurora-desk/resources/app/out/renderer/index.html';
const DEV = 'http://localhost:5173/';

function directives(csp: string): Map<string, string[]> {
  return new Map(
    csp.split(';').map((part) => {
      const [name, ...sources] = part.trim().split(/\s+/);
      return [name!, sources];
    }),
  );
}

describe('external links', () => {
  it('hands http(s) links to the system browser', () => {
    expect(isAllowedExternalUrl('https://discord.com/channels/1/2')).toBe(true);
    expect(isAllowedExternalUrl('http://wiki.example.org/quests')).toBe(true);
  });

  it('refuses every other scheme, credentials in the URL and garbage', () => {
    for (const url of [
      'file:///etc/passwd',
      'javascript:alert(1)',
      'data:text/html,<script>1</script>',
      'smb://server/share',
      'ms-settings:privacy',
      'vbscript:msgbox',
      'https://user:pass@evil.example/',
      'https://token@evil.example/',
      'not a url',
      '',
    ]) {
      expect(isAllowedExternalUrl(url), url).toBe(false);
    }
  });
});

describe('navigation guard', () => {
  it('lets the page change its own hash', () => {
    expect(decideNavigation(`${APP}#/settings`, APP)).toBe('allow');
    expect(decideNavigation(`${DEV}#/moderation`, DEV)).toBe('allow');
    expect(shouldBlockNavigation(`${APP}#x`, APP)).toBe(false);
  });

  it('sends web links to the browser instead of navigating the window', () => {
    expect(decideNavigation('https://discord.com/', APP)).toBe('open-external');
    expect(shouldBlockNavigation('https://discord.com/', APP)).toBe(true);
  });

  it('blocks other local files, other pages of the dev server and odd schemes', () => {
    expect(decideNavigation('file:///etc/passwd', APP)).toBe('block');
    expect(decideNavigation('file:///opt/aurora-desk/resources/app/out/renderer/other.html', APP)).toBe('block');
    expect(decideNavigation(`${APP}?debug=1`, APP)).toBe('block');
    expect(decideNavigation('http://localhost:5173/evil.html', DEV)).toBe('open-external');
    expect(decideNavigation('http://localhost:9999/', DEV)).toBe('open-external');
    expect(decideNavigation('javascript:alert(1)', APP)).toBe('block');
    expect(decideNavigation('garbage', APP)).toBe('block');
  });
});

describe('content security policy', () => {
  it('allows scripts only from the app, inline styles for Mantine, https and data images', () => {
    const csp = directives(buildContentSecurityPolicy());
    expect(csp.get('default-src')).toEqual(["'self'"]);
    expect(csp.get('script-src')).toEqual(["'self'"]);
    expect(csp.get('style-src')).toEqual(["'self'", "'unsafe-inline'"]);
    expect(csp.get('img-src')).toEqual(["'self'", 'https:', 'data:']);
    expect(csp.get('connect-src')).toEqual(["'self'"]);
    expect(csp.get('object-src')).toEqual(["'none'"]);
    expect(csp.get('frame-src')).toEqual(["'none'"]);
    expect(csp.get('base-uri')).toEqual(["'none'"]);
    expect(csp.get('form-action')).toEqual(["'none'"]);
  });

  it('never allows eval or remote scripts, even for the dev server', () => {
    for (const csp of [buildContentSecurityPolicy(), buildContentSecurityPolicy({ devServerUrl: DEV })]) {
      const scripts = directives(csp).get('script-src')!;
      expect(scripts).not.toContain("'unsafe-eval'");
      expect(scripts.some((s) => s.startsWith('http') || s === '*')).toBe(false);
    }
  });

  it('opens only the dev server websocket in development', () => {
    const csp = directives(buildContentSecurityPolicy({ devServerUrl: DEV }));
    expect(csp.get('connect-src')).toEqual(["'self'", 'ws://localhost:5173']);
    expect(csp.get('script-src')).toEqual(["'self'", "'unsafe-inline'"]);
  });
});

describe('permissions', () => {
  it('refuses everything a page could ask for', () => {
    for (const permission of ['media', 'geolocation', 'clipboard-read', 'openExternal', 'usb', 'hid', 'fullscreen', 'unknown']) {
      expect(decidePermission(permission, APP, APP), permission).toBe(false);
    }
  });

  it('lets the app itself write to the clipboard (copy buttons), nobody else', () => {
    expect(decidePermission('clipboard-sanitized-write', APP, APP)).toBe(true);
    expect(decidePermission('clipboard-sanitized-write', 'http://localhost:5173', DEV)).toBe(true);
    expect(decidePermission('clipboard-sanitized-write', 'https://evil.example/', APP)).toBe(false);
    expect(decidePermission('clipboard-sanitized-write', 'not a url', APP)).toBe(false);
  });
});
