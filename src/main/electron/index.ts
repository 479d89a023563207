/**
 * Electron entry. Thin on purpose: one instance (a second one forwards its desk link and
 * quits), the host (settings, database, live hub) with safeStorage for secrets and a file log
 * in the user data folder, hardened windows served from the app's own scheme, each with its
 * own MessagePort for the renderer's tRPC client, and the desktop shell (desktop-shell.ts) for
 * links, pop-outs, the badge, notices, save dialogs, the menu and updates. Every decision is a
 * plain function in src/main/desktop/; docs/SECURITY.md says how each piece is hardened.
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, BrowserWindow, dialog, MessageChannelMain, session } from 'electron';
import { DESK_LINK_SCHEME, deskLinkInArgs, type DeskPlace } from '@shared/desk-links.js';
import { appRouter } from '../api/root.js';
import { createContext } from '../api/trpc.js';
import { decideLink } from '../desktop/link-routing.js';
import { deskMenu } from '../desktop/menu.js';
import { initialNewCases, reduceNewCases, type NewCasesInput } from '../desktop/new-cases.js';
import { saveDialogFor } from '../desktop/save-dialogs.js';
import { WindowPorts } from '../desktop/window-ports.js';
import { WindowStateFile } from '../desktop/window-state.js';
import { installCrashHandlers } from './crash.js';
import { ElectronDesktopShell } from './desktop-shell.js';
import { createDeskHost, type DeskHost } from '../host.js';
import { createFileLogger } from './log-file.js';
import { servePort } from '../rpc/serve-port.js';
import { createSafeStorageCipher } from './safe-storage-cipher.js';
import { startUpdates } from './updates.js';
import { guardWebContents, hardenSession, registerAppScheme, rendererUrl, serveAppScheme } from './window.js';
import { isAppFrame } from './window-policy.js';

const PORT_CHANNEL = 'aurora-desk:port';
const mainDir = dirname(fileURLToPath(import.meta.url));
const devServerUrl = app.isPackaged ? undefined : process.env.ELECTRON_RENDERER_URL;
const appUrl = rendererUrl({ mainDir, devServerUrl });

// Tests run the built app against a scratch profile folder; an installed app never reads this.
if (!app.isPackaged && process.env.AURORA_DESK_USER_DATA) app.setPath('userData', process.env.AURORA_DESK_USER_DATA);

// Every renderer sandboxed, including any a bug might create.
app.enableSandbox();
// aurora-desk://app/ serves the built renderer; privileged schemes must be known before ready.
registerAppScheme();

if (!app.requestSingleInstanceLock()) {
  // The running desk receives our command line (with any desk link) in 'second-instance'.
  app.quit();
} else {
  run();
}

function run(): void {
  let host: DeskHost | undefined;
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

  // Desk links open the desk: registered with the system in installed builds only (a
  // development build would claim the scheme for a throwaway checkout).
  if (app.isPackaged && !app.isDefaultProtocolClient(DESK_LINK_SCHEME)) app.setAsDefaultProtocolClient(DESK_LINK_SCHEME);

  let desk: Promise<DeskHost> | undefined;
  let pendingLink: string | undefined = deskLinkInArgs(process.argv);
  const ports = new WindowPorts<Electron.MessagePortMain>((port, windowId) =>
    servePort(port, {
      router: appRouter,
      createContext: () => createContext(host!),
      onError: ({ error, path, type }) => {
        if (error.code === 'INTERNAL_SERVER_ERROR') log.error(`${type} ${path ?? '?'} failed`, { error: String(error.cause ?? error), window: windowId });
      },
    }),
  );

  const shell = new ElectronDesktopShell({
    locations: { mainDir, devServerUrl },
    appUrl,
    devTools: !app.isPackaged,
    state: new WindowStateFile(join(app.getPath('userData'), 'window-state.json')),
    onWindow: (window) => attachPorts(window),
    onOpenPlace: (place) => showPlace(place),
    onUpdateMenu: (restart) => updates?.menuChosen(restart),
  });
  let updates: ReturnType<typeof startUpdates> | undefined;

  /** A desk link from the system (argv, macOS open-url, a notice): the decision says which window. */
  function openLink(url: string): void {
    if (!desk) {
      pendingLink = url;
      return;
    }
    const decision = decideLink(url, shell.refs());
    switch (decision.action) {
      case 'refuse':
        log.warn('desk link refused', { link: url.slice(0, 200), reason: decision.reason });
        return;
      case 'focus-pop-out':
        shell.focus(decision.window);
        return;
      case 'show-in-main':
        shell.showPlace(decision.window, decision.place);
        return;
      case 'open-main':
        shell.openMain(decision.place);
    }
  }

  function showPlace(place: DeskPlace): void {
    const main = shell.refs().find((ref) => ref.place === null);
    if (main) shell.showPlace(main, place);
    else shell.openMain(place);
  }

  // Each window, and each load of it (a reload), gets a fresh channel; the old one is stopped
  // with its subscriptions, and closing the window stops its own, never another window's.
  // A window shows "Connecting…" until the host is ready (on a first run: while the embedded
  // demo database is created and seeded).
  function attachPorts(win: BrowserWindow): void {
    const id = win.id;
    let loads = 0;
    const handOverPort = () => {
      ports.detach(id);
      const load = ++loads;
      void desk?.then(() => {
        if (load !== loads || win.isDestroyed()) return;
        // Sender validation: the port goes only to a main frame that shows the app's own page.
        const frameUrl = win.webContents.mainFrame.url;
        if (!isAppFrame(frameUrl, appUrl)) {
          log.warn('tRPC port withheld from a page that is not the app', { url: frameUrl.slice(0, 200) });
          return;
        }
        const { port1, port2 } = new MessageChannelMain();
        ports.attach(id, port1);
        win.webContents.postMessage(PORT_CHANNEL, null, [port2]);
      }, () => {
        // A host that failed to start is reported (and the app ended) by the startup code below.
      });
    };
    win.webContents.on('did-finish-load', handOverPort);
    win.webContents.on('render-process-gone', (_event, details) => {
      log.error('renderer process gone', { reason: details.reason, window: id });
      ports.detach(id);
      // Recover: a crashed page is loaded again (its route kept) and gets a new port.
      if (details.reason !== 'clean-exit' && !win.isDestroyed()) setTimeout(() => !win.isDestroyed() && win.webContents.reload(), 500);
    });
    win.on('focus', () => badge({ type: 'seen' }));
    win.on('closed', () => {
      ports.detach(id);
      log.info('window closed: its port and subscriptions stopped', { window: id });
    });
  }

  // The badge and new-case notices, counted here from the live hub.
  let newCases = initialNewCases;
  function badge(input: NewCasesInput): void {
    const step = reduceNewCases(newCases, input);
    if (step.state.count !== newCases.count) shell.setBadge(step.state.count);
    newCases = step.state;
    const focused = BrowserWindow.getFocusedWindow() !== null;
    if (step.notice && !focused && host?.store.current().notifications.newCases) shell.notify(step.notice);
  }
  async function followLive(ready: DeskHost, signal: AbortSignal): Promise<void> {
    while (!signal.aborted) {
      try {
        for await (const event of ready.live().events(signal)) badge({ type: 'live', event });
      } catch (error) {
        log.warn('badge: live events ended', { error: String(error) });
      }
      // A profile switch ends the old hub's stream: follow the new one.
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
  }
  const following = new AbortController();

  app.on('second-instance', (_event, argv) => {
    const link = deskLinkInArgs(argv);
    if (link) return openLink(link);
    const main = shell.refs().find((ref) => ref.place === null);
    if (main) shell.focus(main);
  });
  // macOS hands links over as an event, also before the app is ready.
  app.on('open-url', (event, url) => {
    event.preventDefault();
    openLink(url);
  });
  app.on('web-contents-created', (_event, contents) => guardWebContents(contents, appUrl, (place) => shell.openPopOut(place)));
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('activate', () => {
    if (desk && shell.refs().length === 0) shell.openMain();
  });

  let quitting = false;
  app.on('will-quit', (event) => {
    if (quitting) return;
    quitting = true;
    // Close the database and the live hub cleanly before the process goes.
    event.preventDefault();
    following.abort();
    updates?.stop();
    ports.detachAll();
    void Promise.resolve(host?.close())
      .catch((error: unknown) => log.error('closing the host failed', { error: String(error) }))
      .then(() => log.close())
      .catch(() => {})
      .finally(() => app.exit(0));
  });

  app
    .whenReady()
    .then(async () => {
      const imageHosts = () => host?.store.imageHosts() ?? [];
      hardenSession(session.defaultSession, appUrl, imageHosts, devServerUrl);
      serveAppScheme(session.defaultSession, { mainDir, devServerUrl }, imageHosts, (url, status, reason) =>
        log.warn('app scheme request refused', { url: url.slice(0, 200), status, reason }),
      );
      // Downloads (CSV exports, quest packs) ask where to save with the system dialog.
      session.defaultSession.on('will-download', (_event, item) => {
        const request = saveDialogFor(item.getFilename());
        item.setSaveDialogOptions({ title: request.title, defaultPath: request.defaultName, filters: request.filters });
      });
      shell.setMenu(deskMenu(process.platform));
      desk = createDeskHost({
        dataDir: app.getPath('userData'),
        cipher: createSafeStorageCipher(),
        log,
        databaseUrlOverride: process.env.AURORA_DATABASE_URL || undefined,
        packaged: app.isPackaged,
      });
      const link = pendingLink;
      pendingLink = undefined;
      const first = link ? decideLink(link, []) : undefined;
      if (first?.action === 'refuse') log.warn('desk link refused', { link: link!.slice(0, 200), reason: first.reason });
      shell.openMain(first?.action === 'open-main' ? first.place : undefined);
      // The host starts the desk's own work (closing ended drops' messages) as it starts.
      host = await desk;
      void followLive(host, following.signal);
      updates = startUpdates({ packaged: app.isPackaged, log, shell });
      if (pendingLink) openLink(pendingLink);
    })
    .catch((error: unknown) => {
      log.error('Aurora Desk could not start', { error: String(error) });
      dialog.showErrorBox('Aurora Desk could not start', error instanceof Error ? error.message : String(error));
      app.exit(1);
    });
}
