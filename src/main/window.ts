/**
 * The one BrowserWindow, hardened: isolated and sandboxed renderer without Node, a strict CSP on
 * every response, no navigation away from the app, no new windows (web links go to the system
 * browser), no webviews, no permissions but the clipboard write the copy buttons need.
 * The decisions themselves live in window-policy.ts, where they are unit-tested.
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { BrowserWindow, shell, type Session, type WebContents } from 'electron';
import {
  buildContentSecurityPolicy,
  decideNavigation,
  decidePermission,
  isAllowedExternalUrl,
} from './window-policy.js';

export interface WindowLocations {
  /** out/main: the built main process' folder. */
  mainDir: string;
  /** electron-vite's dev server, when running `npm run dev`. */
  devServerUrl?: string;
}

export function rendererUrl(locations: WindowLocations): string {
  return locations.devServerUrl ?? pathToFileURL(join(locations.mainDir, '../renderer/index.html')).toString();
}

/** Session-wide: CSP on every response, permissions refused. Call once, before any window loads. */
export function hardenSession(session: Session, appUrl: string, devServerUrl?: string): void {
  const csp = buildContentSecurityPolicy({ devServerUrl });
  session.webRequest.onHeadersReceived((details, callback) => {
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
}

function openInBrowser(url: string): void {
  if (isAllowedExternalUrl(url)) void shell.openExternal(url);
}

/** For every WebContents the app creates (wired from app 'web-contents-created'). */
export function guardWebContents(contents: WebContents, appUrl: string): void {
  contents.setWindowOpenHandler(({ url }) => {
    openInBrowser(url);
    return { action: 'deny' };
  });
  const guard = (event: { preventDefault(): void; url: string }) => {
    const decision = decideNavigation(event.url, appUrl);
    if (decision === 'allow') return;
    event.preventDefault();
    if (decision === 'open-external') openInBrowser(event.url);
  };
  contents.on('will-navigate', guard);
  contents.on('will-redirect', guard);
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

export function createMainWindow(locations: WindowLocations): BrowserWindow {
  const window = new BrowserWindow({
    width: 1440,
    height: 900,
    minWidth: 960,
    minHeight: 600,
    show: false,
    backgroundColor: '#1a1b1e',
    title: 'Aurora Desk',
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
      spellcheck: false,
    },
  });
  window.once('ready-to-show', () => window.show());
  return window;
}
