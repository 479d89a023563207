/**
 * Electron entry. Thin on purpose: one instance, the host (settings, database, live hub) with
 * safeStorage for secrets and a file log in the user data folder, one hardened window served
 * from the app's own scheme, and the MessagePort the renderer's tRPC client talks over.
 * Everything else runs without Electron. docs/SECURITY.md says how each piece is hardened.
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, BrowserWindow, dialog, MessageChannelMain, session } from 'electron';
import { appRouter } from '../api/root.js';
import { createContext } from '../api/trpc.js';
import { installCrashHandlers } from './crash.js';
import { createDeskHost, type DeskHost } from '../host.js';
import { createFileLogger } from './log-file.js';
import { servePort } from '../rpc/serve-port.js';
import { createSafeStorageCipher } from './safe-storage-cipher.js';
import { createMainWindow, guardWebContents, hardenSession, registerAppScheme, rendererUrl, serveAppScheme } from './window.js';
import { isAppFrame } from './window-policy.js';

const PORT_CHANNEL = 'aurora-desk:port';
const mainDir = dirname(fileURLToPath(import.meta.url));
const devServerUrl = app.isPackaged ? undefined : process.env.ELECTRON_RENDERER_URL;
const appUrl = rendererUrl({ mainDir, devServerUrl });

// Every renderer sandboxed, including any a bug might create.
app.enableSandbox();
// aurora-desk://app/ serves the built renderer; privileged schemes must be known before ready.
registerAppScheme();

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  run();
}

function run(): void {
  let host: DeskHost | undefined;
  let window: BrowserWindow | null = null;
  const log = createFileLogger({
    dir: join(app.getPath('userData'), 'logs'),
    secrets: () => host?.store.secretValues() ?? [],
  });
  // Instead of Electron's default (the raw stack in a dialog and on stderr): redacted everywhere.
  installCrashHandlers({
    log,
    secrets: () => host?.store.secretValues() ?? [],
    showError: (title, message) => dialog.showErrorBox(title, message),
  });

  app.on('second-instance', () => {
    if (!window) return;
    if (window.isMinimized()) window.restore();
    window.focus();
  });
  app.on('web-contents-created', (_event, contents) => guardWebContents(contents, appUrl));
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('activate', () => {
    if (host && !window) window = openWindow(Promise.resolve(host));
  });

  let quitting = false;
  app.on('will-quit', (event) => {
    if (quitting) return;
    quitting = true;
    // Close the database and the live hub cleanly before the process goes.
    event.preventDefault();
    void Promise.resolve(host?.close())
      .catch((error: unknown) => log.error('closing the host failed', { error: String(error) }))
      .then(() => log.close())
      .catch(() => {})
      .finally(() => app.exit(0));
  });

  function openWindow(desk: Promise<DeskHost>): BrowserWindow {
    const win = createMainWindow({ mainDir, devServerUrl, devTools: !app.isPackaged });
    let stopServing: (() => void) | null = null;
    let loads = 0;
    const stop = () => {
      stopServing?.();
      stopServing = null;
    };
    // Each load (first load, reload) gets a fresh channel; the old one is stopped with its
    // subscriptions. The window shows "Connecting…" until the host is ready: on a first run
    // that is while the embedded demo database is created and seeded.
    const handOverPort = () => {
      stop();
      const load = ++loads;
      void desk.then((ready) => {
        if (load !== loads || win.isDestroyed()) return;
        // Sender validation: the port goes only to a main frame that shows the app's own page.
        const frameUrl = win.webContents.mainFrame.url;
        if (!isAppFrame(frameUrl, appUrl)) {
          log.warn('tRPC port withheld from a page that is not the app', { url: frameUrl.slice(0, 200) });
          return;
        }
        const { port1, port2 } = new MessageChannelMain();
        stopServing = servePort(port1, {
          router: appRouter,
          createContext: () => createContext(ready),
          onError: ({ error, path, type }) => {
            if (error.code === 'INTERNAL_SERVER_ERROR') log.error(`${type} ${path ?? '?'} failed`, { error: String(error.cause ?? error) });
          },
        });
        win.webContents.postMessage(PORT_CHANNEL, null, [port2]);
      }, () => {
        // A host that failed to start is reported (and the app ended) by the startup code below.
      });
    };
    win.webContents.on('did-finish-load', handOverPort);
    win.webContents.on('render-process-gone', (_event, details) => {
      log.error('renderer process gone', { reason: details.reason });
      stop();
    });
    win.on('closed', () => {
      stop();
      window = null;
    });
    void win.loadURL(appUrl);
    return win;
  }

  app
    .whenReady()
    .then(async () => {
      const imageHosts = () => host?.store.imageHosts() ?? [];
      hardenSession(session.defaultSession, appUrl, imageHosts, devServerUrl);
      serveAppScheme(session.defaultSession, { mainDir, devServerUrl }, imageHosts, (url, status, reason) =>
        log.warn('app scheme request refused', { url: url.slice(0, 200), status, reason }),
      );
      const starting = createDeskHost({
        dataDir: app.getPath('userData'),
        cipher: createSafeStorageCipher(),
        log,
        databaseUrlOverride: process.env.AURORA_DATABASE_URL || undefined,
        packaged: app.isPackaged,
      });
      window = openWindow(starting);
      // The host starts the desk's own work (closing ended drops' messages) as it starts.
      host = await starting;
    })
    .catch((error: unknown) => {
      log.error('Aurora Desk could not start', { error: String(error) });
      dialog.showErrorBox('Aurora Desk could not start', error instanceof Error ? error.message : String(error));
      app.exit(1);
    });
}
