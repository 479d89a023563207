/**
 * The window's security decisions as plain functions (no Electron import), so they can be
 * unit-tested: which links may open in the system browser, which navigations are blocked,
 * the Content-Security-Policy, and which permission requests are granted.
 */
// Relative, not @shared: the build configs load this file (through web/csp-meta.ts) before any alias exists.
import { DISCORD_IMAGE_HOSTS } from '../../shared/domain/images.js';
import { popOutPlaceFromHash, type DeskPlace } from '../../shared/desk-links.js';

/** Links the desk may hand to the system browser: http(s) only, no credentials in the URL. */
export function isAllowedExternalUrl(raw: string): boolean {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return false;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return false;
  if (url.username || url.password) return false;
  return url.hostname.length > 0;
}

export type NavigationDecision = 'allow' | 'block' | 'open-external';

function sameDocument(a: URL, b: URL): boolean {
  return a.protocol === b.protocol && a.host === b.host && a.pathname === b.pathname && a.search === b.search;
}

/**
 * The window shows one page, ever. A navigation to the same document (a hash change) is
 * harmless; a link to the web goes to the system browser; anything else is stopped.
 */
export function decideNavigation(target: string, appUrl: string): NavigationDecision {
  let to: URL;
  let app: URL;
  try {
    to = new URL(target);
    app = new URL(appUrl);
  } catch {
    return 'block';
  }
  if (sameDocument(to, app)) return 'allow';
  return isAllowedExternalUrl(target) ? 'open-external' : 'block';
}

export function shouldBlockNavigation(target: string, appUrl: string): boolean {
  return decideNavigation(target, appUrl) !== 'allow';
}

/**
 * Navigation of a frame inside the page (`will-frame-navigate`): the CSP allows no frames, so a
 * sub-frame that navigates anyway is stopped and never handed to the system browser.
 */
export function decideFrameNavigation(target: string, appUrl: string, isMainFrame: boolean): NavigationDecision {
  return isMainFrame ? decideNavigation(target, appUrl) : 'block';
}

export interface WindowOpenDecision {
  /** Electron's answer: the page never opens a window itself. */
  action: 'deny';
  /** Whether the link goes to the system browser instead. */
  openExternal: boolean;
  /**
   * The app's own page with a pop-out route (a case, a player, the lootdrop board): the desktop
   * shell opens its own hardened window for that place instead, with its own port.
   */
  popOut?: DeskPlace;
}

/**
 * `window.open`, `target=_blank` and friends: the page never opens a window; web links go to the
 * system browser, and a pop-out route of the app's own page becomes a pop-out the shell opens.
 */
export function decideWindowOpen(url: string, appUrl?: string): WindowOpenDecision {
  if (appUrl !== undefined) {
    try {
      const to = new URL(url);
      if (sameDocument(to, new URL(appUrl))) {
        const place = popOutPlaceFromHash(to.hash);
        if (place) return { action: 'deny', openExternal: false, popOut: place };
      }
    } catch {
      // not a URL: refused below
    }
  }
  return { action: 'deny', openExternal: isAllowedExternalUrl(url) };
}

/**
 * Sender validation for the one channel between main and renderer: the tRPC port is handed
 * only to a frame that shows the app's own page (the same document as `appUrl`, any hash).
 * A frame that navigated elsewhere (which the guard should already have stopped), a sub-frame
 * or an unknown frame gets nothing.
 */
export function isAppFrame(frameUrl: string | null | undefined, appUrl: string): boolean {
  if (!frameUrl) return false;
  try {
    return sameDocument(new URL(frameUrl), new URL(appUrl));
  } catch {
    return false;
  }
}

export interface CspOptions {
  /** electron-vite's dev server (http://localhost:5173): HMR needs its websocket and inline preamble. */
  devServerUrl?: string;
  /** Image hosts staff allow besides Discord's CDN; absent: any https image (the page's built-in policy). */
  imageHosts?: readonly string[];
}

/**
 * Scripts only from the app itself; styles may be inline because Mantine injects them; images
 * from Discord's CDN, the hosts staff allow in Settings and data: URLs (with no hosts given, the
 * policy built into the page allows https images and the page's header narrows it); no plugins,
 * no frames, no form posts elsewhere, no network but the app's own origin.
 */
export function buildContentSecurityPolicy(options: CspOptions = {}): string {
  const images = options.imageHosts
    ? [...DISCORD_IMAGE_HOSTS, ...options.imageHosts].map((host) => `https://${host}`)
    : ['https:'];
  const dev = options.devServerUrl ? new URL(options.devServerUrl) : undefined;
  const devWs = dev ? `ws://${dev.host}` : '';
  const directives: [string, string[]][] = [
    ['default-src', ["'self'"]],
    ['script-src', dev ? ["'self'", "'unsafe-inline'"] : ["'self'"]],
    ['style-src', ["'self'", "'unsafe-inline'"]],
    ['img-src', ["'self'", ...images, 'data:']],
    ['font-src', ["'self'", 'data:']],
    ['connect-src', dev ? ["'self'", devWs] : ["'self'"]],
    ['object-src', ["'none'"]],
    ['frame-src', ["'none'"]],
    ['base-uri', ["'none'"]],
    ['form-action', ["'none'"]],
  ];
  return directives.map(([name, sources]) => `${name} ${sources.join(' ')}`).join('; ');
}

/** What the app's own page may ask for: nothing that reveals anything or reaches a device. */
const APP_PERMISSIONS = new Set([
  // The copy buttons beside snowflakes.
  'clipboard-sanitized-write',
  // Not 'notifications': in the app, new-case notices come from the main process (counted from
  // the live hub, clicking one opens the case), so the page's own would only repeat them. The
  // page's Notification API is what the web harness uses instead.
]);

/** Every permission is refused except the few above, and those only to the app's own page. */
export function decidePermission(permission: string, requestingUrl: string, appUrl: string): boolean {
  if (!APP_PERMISSIONS.has(permission)) return false;
  try {
    const from = new URL(requestingUrl);
    const app = new URL(appUrl);
    return from.protocol === app.protocol && from.host === app.host;
  } catch {
    return false;
  }
}
