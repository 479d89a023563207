/**
 * The desktop shell: everything Aurora Desk asks of the desktop, as one small interface. The
 * Electron implementation (src/main/electron/desktop-shell.ts) is a thin file of direct calls;
 * the web harness answers the same needs with the browser's own (a new tab for a pop-out, the
 * Notification API, downloads and file inputs). What to badge, which window a link opens, what
 * to remember and when to update are decided by the plain functions beside this file, which
 * have their own unit tests.
 */
import type { DeskPlace, LinkedPlace } from '@shared/desk-links.js';
import type { WindowBounds } from './window-bounds.js';
import type { MenuModel } from './menu.js';
import type { UpdateOffer } from './update-policy.js';

/** A window the shell opened: the main one or a pop-out showing one place. */
export interface ShellWindowRef {
  id: number;
  /** null for the main window. */
  place: DeskPlace | null;
}

export interface DeskNotice {
  title: string;
  body: string;
  /** Clicking the notice opens this place. */
  opens?: LinkedPlace;
}

export interface SaveFileRequest {
  title: string;
  defaultName: string;
  filters: { name: string; extensions: string[] }[];
}

export interface DesktopShell {
  /** Opens (or focuses) a pop-out window showing one place, with its own port. */
  openPopOut(place: DeskPlace): ShellWindowRef;
  /** Shows a place in an existing window (a route change, no reload). */
  showPlace(window: ShellWindowRef, place: DeskPlace): void;
  /** Brings a window to the front (restored when minimised). */
  focus(window: ShellWindowRef): void;
  /** The dock/taskbar badge and the tray's count; 0 clears them. */
  setBadge(count: number): void;
  notify(notice: DeskNotice): void;
  /** A path the user chose to save to, or null when cancelled. */
  chooseSavePath(request: SaveFileRequest): Promise<string | null>;
  /** A file the user chose to open, or null when cancelled. */
  chooseOpenPath(request: Omit<SaveFileRequest, 'defaultName'>): Promise<string | null>;
  /** The displays' work areas, for restoring window bounds onto a visible one. */
  workAreas(): WindowBounds[];
  setMenu(menu: MenuModel): void;
  offerUpdate(offer: UpdateOffer): void;
}
