/**
 * The one BrowserWindow, hardened: isolated and sandboxed renderer without Node, the built
 * page served from the app's own scheme (aurora-desk://app/, never file://), a strict CSP on
 * every response, no navigation away from the app, no new windows (web links go to the system
 * browser), no webviews, no permissions but the clipboard write the copy buttons need.
 * The decisions themselves live in window-policy.ts and protocol.ts, where they are unit-tested
 * (docs/SECURITY.md maps each to Electron's checklist).
 */
import { join } from 'node:path';
import { BrowserWindow, protocol, shell, type Session, type WebContents } from 'electron';
import type { DeskPlace } from '@shared/desk-links.js';
import { APP_ENTRY_URL, APP_SCHEME, APP_SCHEME_PRIVILEGES, createAppProtocolHandler } from './protocol.js';
import {
  buildContentSecurityPolicy,
  decideFrameNavigation,
  decideNavigation,
  decidePermission,
  decideWindowOpen,
  isAllowedExternalUrl,
} from './window-policy.js';

export interface WindowLocations {
  /** out/main: the built main process' folder. */
  mainDir: string;
  /** electron-vite's dev server, when running `npm run dev`. */
  devServerUrl?: string;
}

/** The page the window shows: the dev server in `npm run dev`, else the app's own scheme. */
export function rendererUrl(locations: WindowLocations): string {
  return locations.devServerUrl ?? APP_ENTRY_URL;
}

/** Must run before the app is ready (Electron's rule for privileged schemes). */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { ...APP_SCHEME_PRIVILEGES } }]);
}

/** Serves out/renderer on aurora-desk://app/ for the session; call once the app is ready. */
export function serveAppScheme(
  session: Session,
  locations: WindowLocations,
  imageHosts: () => readonly string[],
  onRefused?: (url: string, status: number, reason: string) => void,
): void {
  session.protocol.handle(APP_SCHEME, createAppProtocolHandler({ root: join(locations.mainDir, '../renderer'), imageHosts, onRefused }));
}

/** Session-wide: CSP on every response, permissions refused. Call once, before any window loads. */
export function hardenSession(session: Session, appUrl: string, imageHosts: () => readonly string[], devServerUrl?: string): void {
  session.webRequest.onHeadersReceived((details, callback) => {
    // Built per response: the image hosts staff allow may have changed since the last page load.
    const csp = buildContentSecurityPolicy({ devServerUrl, imageHosts: imageHosts() });
    const headers = { ...details.responseHeaders };
    // Ours replaces any policy the dev server (or anything else) sent, whatever its casing.
    for (const name of Object.keys(headers)) if (name.toLowerCase() === 'content-security-policy') delete headers[name];
    headers['Content-Security-Policy'] = [csp];
    callback({ responseHeaders: headers });
  });
  session.setPermissionRequestHandler((_contents, permission, callback, details) => {
    callback(decidePermission(permission, details.requestingUrl, appUrl));
  });
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin) => decidePermission(permission, requestingOrigin, appUrl));
  // No USB, HID or serial device is ever handed to the page.
  session.setDevicePermissionHandler(() => false);
}

function openInBrowser(url: string): void {
  if (isAllowedExternalUrl(url)) void shell.openExternal(url);
}

/** For every WebContents the app creates (wired from app 'web-contents-created'). */
export function guardWebContents(contents: WebContents, appUrl: string, onPopOut?: (place: DeskPlace) => void): void {
  contents.setWindowOpenHandler(({ url }) => {
    const decision = decideWindowOpen(url, appUrl);
    if (decision.openExternal) openInBrowser(url);
    // The page never opens a window itself: the shell opens the pop-out, hardened like the main one.
    if (decision.popOut) onPopOut?.(decision.popOut);
    return { action: decision.action };
  });
  const guard = (event: { preventDefault(): void; url: string }) => {
    const decision = decideNavigation(event.url, appUrl);
    if (decision === 'allow') return;
    event.preventDefault();
    if (decision === 'open-external') openInBrowser(event.url);
  };
  contents.on('will-navigate', guard);
  contents.on('will-redirect', guard);
  contents.on('will-frame-navigate', (event) => {
    if (event.isMainFrame) return; // will-navigate above decides for the page itself
    if (decideFrameNavigation(event.url, appUrl, false) !== 'allow') event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

export interface DeskWindowOptions extends WindowLocations {
  devTools: boolean;
  /** Where the window opens (restored by the desktop shell); default 1440x900, centred. */
  bounds?: { x: number; y: number; width: number; height: number };
  title?: string;
}

/** Every window of the desk, the main one and each pop-out, is made here with the same hardening. */
export function createMainWindow(locations: DeskWindowOptions): BrowserWindow {
  const window = new BrowserWindow({
    ...(locations.bounds ?? { width: 1440, height: 900 }),
    minWidth: 960,
    minHeight: 600,
    show: false,
    backgroundColor: '#1a1b1e',
    title: locations.title ?? 'Aurora Desk',
    autoHideMenuBar: true,
    webPreferences: {
      preload: join(locations.mainDir, '../preload/index.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      // Packaged builds have no DevTools: the page holds the staff's data and session.
      devTools: locations.devTools,
      spellcheck: false,
    },
  });
  window.once('ready-to-show', () => window.show());
  return window;
}
