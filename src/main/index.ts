/**
 * Electron entry. Thin on purpose: one instance, the host (settings, database, live hub) with
 * safeStorage for secrets and a file log in the user data folder, one hardened window, and the
 * MessagePort the renderer's tRPC client talks over. Everything else runs without Electron.
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, BrowserWindow, dialog, MessageChannelMain, session } from 'electron';
import { appRouter } from './api/root.js';
import { createContext } from './api/trpc.js';
import { createDeskHost, type DeskHost } from './host.js';
import { createFileLogger } from './log-file.js';
import { servePort } from './rpc/serve-port.js';
import { createSafeStorageCipher } from './settings/safe-storage-cipher.js';
import { createMainWindow, guardWebContents, hardenSession, rendererUrl } from './window.js';

const PORT_CHANNEL = 'aurora-desk:port';
const mainDir = dirname(fileURLToPath(import.meta.url));
const devServerUrl = app.isPackaged ? undefined : process.env.ELECTRON_RENDERER_URL;
const appUrl = rendererUrl({ mainDir, devServerUrl });

// Every renderer sandboxed, including any a bug might create.
app.enableSandbox();

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
    void (host?.close() ?? Promise.resolve())
      .catch((error: unknown) => log.error('closing the host failed', { error: String(error) }))
      .then(() => log.close())
      .catch(() => {})
      .finally(() => app.exit(0));
  });

  function openWindow(desk: Promise<DeskHost>): BrowserWindow {
    const win = createMainWindow({ mainDir, devServerUrl });
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
      hardenSession(session.defaultSession, appUrl, devServerUrl);
      const starting = createDeskHost({
        dataDir: app.getPath('userData'),
        cipher: createSafeStorageCipher(),
        log,
        databaseUrlOverride: process.env.AURORA_DATABASE_URL || undefined,
      });
      window = openWindow(starting);
      host = await starting;
    })
    .catch((error: unknown) => {
      log.error('Aurora Desk could not start', { error: String(error) });
      dialog.showErrorBox('Aurora Desk could not start', error instanceof Error ? error.message : String(error));
      app.exit(1);
    });
}
