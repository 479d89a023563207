/**
 * The desktop shell in Electron: direct calls only. Which window a link opens, what the badge
 * counts, where a window reopens and when to update are decided in src/main/desktop/ (plain
 * functions with unit tests); this file carries the decisions out with BrowserWindow, Tray,
 * Notification, dialog, Menu and app.
 */
import { join } from 'node:path';
import { app, BrowserWindow, dialog, Menu, nativeImage, Notification, screen, Tray, type MenuItemConstructorOptions } from 'electron';
import { hashForPlace, placeKey, placeTitle, type DeskPlace } from '@shared/desk-links.js';
import { badgeText } from '../desktop/new-cases.js';
import { decidePopOut } from '../desktop/link-routing.js';
import { toKeyEvent, type MenuEntry, type MenuModel } from '../desktop/menu.js';
import type { DeskNotice, DesktopShell, SaveFileRequest, ShellWindowRef } from '../desktop/shell.js';
import type { UpdateOffer } from '../desktop/update-policy.js';
import { restoreWindow, type WindowBounds } from '../desktop/window-bounds.js';
import { lastScreenFromUrl, type WindowStateFile } from '../desktop/window-state.js';
import { createMainWindow, type WindowLocations } from './window.js';

export interface ElectronShellOptions {
  locations: WindowLocations;
  appUrl: string;
  devTools: boolean;
  state: WindowStateFile;
  /** Called for every window the shell creates, before it loads: the port hand-off. */
  onWindow(window: BrowserWindow): void;
  /** A notice was clicked: open its place. */
  onOpenPlace(place: DeskPlace): void;
  /** "Restart to update" chosen; or "Check for updates…". */
  onUpdateMenu(restart: boolean): void;
}

export class ElectronDesktopShell implements DesktopShell {
  private readonly windows = new Map<number, { window: BrowserWindow; place: DeskPlace | null }>();
  private tray: Tray | null = null;
  private menuModel: MenuModel | null = null;
  private offer: UpdateOffer | null = null;

  constructor(private readonly options: ElectronShellOptions) {}

  refs(): ShellWindowRef[] {
    return [...this.windows.entries()].map(([id, entry]) => ({ id, place: entry.place }));
  }

  window(ref: ShellWindowRef): BrowserWindow | undefined {
    return this.windows.get(ref.id)?.window;
  }

  /** The main window: restored where it was, on the last screen unless a place is asked for. */
  openMain(place?: DeskPlace): ShellWindowRef {
    const saved = this.options.state.get();
    const hash = place ? hashForPlace(place) : (saved.lastScreen ?? '');
    return this.create(null, restoreWindow(saved.main, this.workAreas()), `${this.options.appUrl}${hash}`);
  }

  openPopOut(place: DeskPlace): ShellWindowRef {
    const decision = decidePopOut(place, this.refs());
    if (decision.action === 'focus') {
      this.focus(decision.window);
      return decision.window;
    }
    const saved = this.options.state.get().popOuts?.[placeKey(place)];
    const restored = restoreWindow(saved, this.workAreas(), { width: 960, height: 760 });
    return this.create(place, restored, `${this.options.appUrl}${hashForPlace(place, { popOut: true })}`);
  }

  private create(place: DeskPlace | null, restored: { bounds: WindowBounds; maximized: boolean }, url: string): ShellWindowRef {
    const window = createMainWindow({
      ...this.options.locations,
      devTools: this.options.devTools,
      bounds: restored.bounds,
      title: place ? `${placeTitle(place)} — Aurora Desk` : 'Aurora Desk',
    });
    if (restored.maximized) window.once('ready-to-show', () => window.maximize());
    const id = window.id;
    this.windows.set(id, { window, place });
    const remember = () => {
      if (window.isDestroyed()) return;
      const entry = { bounds: window.getNormalBounds(), maximized: window.isMaximized() };
      this.options.state.update((state) => {
        if (place) return { ...state, popOuts: { ...state.popOuts, [placeKey(place)]: entry } };
        return { ...state, main: entry, lastScreen: lastScreenFromUrl(window.webContents.getURL()) ?? state.lastScreen };
      });
    };
    window.on('close', remember);
    window.on('closed', () => this.windows.delete(id));
    this.options.onWindow(window);
    void window.loadURL(url);
    return { id, place };
  }

  showPlace(ref: ShellWindowRef, place: DeskPlace): void {
    const window = this.window(ref);
    if (!window) return;
    // Same document, new hash: a route change in the running page, no reload, the port stays.
    void window.webContents.loadURL(`${this.options.appUrl}${hashForPlace(place)}`);
    this.focus(ref);
  }

  focus(ref: ShellWindowRef): void {
    const window = this.window(ref);
    if (!window) return;
    if (window.isMinimized()) window.restore();
    window.show();
    window.focus();
  }

  setBadge(count: number): void {
    app.setBadgeCount(Math.max(0, count));
    if (process.platform === 'darwin') return;
    if (!this.tray) {
      this.tray = new Tray(nativeImage.createFromPath(this.iconPath()));
      this.tray.on('click', () => {
        const main = this.refs().find((ref) => ref.place === null);
        if (main) this.focus(main);
      });
    }
    const text = badgeText(count);
    this.tray.setToolTip(text ? `Aurora Desk: ${text} new case${count === 1 ? '' : 's'}` : 'Aurora Desk');
  }

  private iconPath(): string {
    return app.isPackaged ? join(process.resourcesPath, 'icon.png') : join(this.options.locations.mainDir, '../../resources/icon.png');
  }

  notify(notice: DeskNotice): void {
    if (!Notification.isSupported()) return;
    const shown = new Notification({ title: notice.title, body: notice.body });
    const opens = notice.opens;
    if (opens) shown.on('click', () => this.options.onOpenPlace(opens));
    shown.show();
  }

  async chooseSavePath(request: SaveFileRequest): Promise<string | null> {
    const owner = BrowserWindow.getFocusedWindow();
    const options = { title: request.title, defaultPath: request.defaultName, filters: request.filters };
    const result = owner ? await dialog.showSaveDialog(owner, options) : await dialog.showSaveDialog(options);
    return result.canceled || !result.filePath ? null : result.filePath;
  }

  async chooseOpenPath(request: Omit<SaveFileRequest, 'defaultName'>): Promise<string | null> {
    const owner = BrowserWindow.getFocusedWindow();
    const options = { title: request.title, filters: request.filters, properties: ['openFile' as const] };
    const result = owner ? await dialog.showOpenDialog(owner, options) : await dialog.showOpenDialog(options);
    return result.canceled ? null : (result.filePaths[0] ?? null);
  }

  workAreas(): WindowBounds[] {
    const primary = screen.getPrimaryDisplay();
    return [primary, ...screen.getAllDisplays().filter((d) => d.id !== primary.id)].map((d) => d.workArea);
  }

  setMenu(menu: MenuModel): void {
    this.menuModel = menu;
    const template: MenuItemConstructorOptions[] = menu.sections.map((section) => ({
      label: section.label,
      submenu: section.entries.map((entry) => this.menuItem(entry)),
    }));
    Menu.setApplicationMenu(Menu.buildFromTemplate(template));
  }

  private menuItem(entry: MenuEntry): MenuItemConstructorOptions {
    switch (entry.kind) {
      case 'separator':
        return { type: 'separator' };
      case 'role':
        return { role: entry.role };
      case 'update': {
        const offer = this.offer;
        return {
          label: offer?.menuLabel ?? 'Check for updates…',
          enabled: offer !== null,
          click: () => this.options.onUpdateMenu(offer?.restarts ?? false),
        };
      }
      case 'key':
        return {
          label: entry.action.label,
          accelerator: entry.action.accelerator,
          // The page binds these keys itself; the menu shows them and sends the same key when chosen.
          registerAccelerator: false,
          click: () => {
            const target = BrowserWindow.getFocusedWindow() ?? this.window(this.refs().find((ref) => ref.place === null) ?? { id: -1, place: null });
            if (!target) return;
            const { keyCode, modifiers } = toKeyEvent(entry.action.key, process.platform);
            target.webContents.sendInputEvent({ type: 'keyDown', keyCode, modifiers });
            target.webContents.sendInputEvent({ type: 'keyUp', keyCode, modifiers });
          },
        };
    }
  }

  offerUpdate(offer: UpdateOffer): void {
    this.offer = offer;
    if (this.menuModel) this.setMenu(this.menuModel);
    if (offer.notice) this.notify({ title: offer.notice.title, body: offer.notice.body });
  }
}
