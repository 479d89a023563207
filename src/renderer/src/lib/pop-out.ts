/**
 * Pop-out windows. The page asks with window.open for its own page at a pop-out route; in the
 * app the main process never lets the page open a window itself, and instead opens its own
 * hardened window for that place, with its own port and subscriptions. In a browser (the web
 * harness) the same call opens a new tab, which carries the harness' token in its URL.
 */
import { hashForPlace, type DeskPlace } from '@shared/desk-links';
import { detectTransport } from './trpc';

export function popOutUrl(place: DeskPlace, win: Window = window): string {
  const transport = detectTransport(win);
  const search = transport.kind === 'web' && transport.token ? `?token=${encodeURIComponent(transport.token)}` : '';
  return `${win.location.origin}${win.location.pathname}${search}${hashForPlace(place, { popOut: true })}`;
}

export function popOut(place: DeskPlace): void {
  window.open(popOutUrl(place), '_blank', 'noopener');
}
