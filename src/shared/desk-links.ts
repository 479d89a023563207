/**
 * Desk links: `aurora-desk://case/<id>`, `…/player/<discord_id>`, `…/quest/<id>`,
 * `…/lootdrop/<message_id>`. A moderator pastes one into Discord; the operating system hands it
 * to the desk (a new instance forwards it to the running one); the desk opens that place.
 *
 * The scheme is the app scheme that serves the renderer (`aurora-desk://app/`): the hosts are
 * disjoint. `app` is the page's origin and never a link; the four place names are links and
 * never served (docs/SECURITY.md, "Desk links"). The parser below is the only way in: anything
 * it does not know is refused with a reason the caller logs.
 *
 * A place also has a route in the renderer (a hash, see renderer lib/router.ts), so the main
 * process, the web harness and the page agree on where a link goes.
 */
export const DESK_LINK_SCHEME = 'aurora-desk';

export type DeskPlace =
  | { kind: 'case'; id: string }
  | { kind: 'player'; id: string }
  | { kind: 'quest'; id: string }
  | { kind: 'lootdrop'; id: string }
  /** The lootdrop board itself (a pop-out; no link names it). */
  | { kind: 'board' };

export type LinkedPlace = Exclude<DeskPlace, { kind: 'board' }>;
export type LinkKind = LinkedPlace['kind'];

export type DeskLinkResult = { ok: true; place: LinkedPlace } | { ok: false; reason: string };

const INT8_MAX = 2n ** 63n - 1n;
const INT4_MAX = 2n ** 31n - 1n;
/** Longer than any real link: a bound before any parsing. */
export const MAX_DESK_LINK_LENGTH = 120;

const idRules: Record<LinkKind, { test(digits: string): boolean; what: string }> = {
  case: { test: (d) => /^\d{1,19}$/.test(d) && BigInt(d) > 0n && BigInt(d) <= INT8_MAX, what: 'a case ID (a positive number)' },
  quest: { test: (d) => /^\d{1,10}$/.test(d) && BigInt(d) > 0n && BigInt(d) <= INT4_MAX, what: 'a quest ID (a positive number)' },
  player: { test: (d) => /^\d{15,20}$/.test(d) && BigInt(d) <= INT8_MAX, what: 'a Discord ID (15 to 20 digits)' },
  lootdrop: { test: (d) => /^\d{15,20}$/.test(d) && BigInt(d) <= INT8_MAX, what: 'a Discord message ID (15 to 20 digits)' },
};

function isLinkKind(value: string): value is LinkKind {
  return Object.hasOwn(idRules, value);
}

/**
 * The place a desk link names, or why it is refused. Accepts exactly
 * `aurora-desk://<kind>/<digits>` with an optional trailing slash (some launchers add one) and
 * the scheme and kind in any case; refuses credentials, ports, more path, queries, fragments,
 * encoded characters and anything longer than MAX_DESK_LINK_LENGTH.
 */
export function parseDeskLink(input: unknown): DeskLinkResult {
  if (typeof input !== 'string') return { ok: false, reason: 'not text' };
  if (input.length > MAX_DESK_LINK_LENGTH) return { ok: false, reason: `longer than ${MAX_DESK_LINK_LENGTH} characters` };
  const match = /^([a-z][a-z0-9+.-]*):\/\/([^/?#]*)(\/[^?#]*)?(\?[^#]*)?(#.*)?$/i.exec(input);
  if (!match) return { ok: false, reason: 'not a desk link' };
  const [, scheme = '', host = '', path = '', query, fragment] = match;
  if (scheme.toLowerCase() !== DESK_LINK_SCHEME) return { ok: false, reason: `scheme "${scheme.slice(0, 20)}" is not ${DESK_LINK_SCHEME}` };
  if (query !== undefined || fragment !== undefined) return { ok: false, reason: 'a desk link has no query or fragment' };
  const kind = host.toLowerCase();
  if (!isLinkKind(kind)) return { ok: false, reason: `unknown place "${host.slice(0, 20)}" (case, player, quest or lootdrop)` };
  const id = /^\/([^/]*)\/?$/.exec(path)?.[1];
  const rule = idRules[kind];
  if (id === undefined || !rule.test(id)) return { ok: false, reason: `${kind} link needs ${rule.what}` };
  // "007" and "7" are the same case: one spelling, so one window per place.
  const canonical = kind === 'case' || kind === 'quest' ? BigInt(id).toString() : id;
  return { ok: true, place: { kind, id: canonical } as LinkedPlace };
}

/** The link for a place: what "Copy desk link" copies. */
export function deskLinkFor(place: LinkedPlace): string {
  return `${DESK_LINK_SCHEME}://${place.kind}/${place.id}`;
}

/** The first desk link among command-line arguments (Windows and Linux pass it there), if any. */
export function deskLinkInArgs(args: readonly string[]): string | undefined {
  return args.find((arg) => arg.toLowerCase().startsWith(`${DESK_LINK_SCHEME}://`) && !arg.toLowerCase().startsWith(`${DESK_LINK_SCHEME}://app/`));
}

/** Marks a route as a pop-out window's (one place, no sidebar needed to get there). */
export const POP_OUT_PARAM = 'window';

/** The renderer's route (a hash) for a place. */
export function hashForPlace(place: DeskPlace, options: { popOut?: boolean } = {}): string {
  const search = new URLSearchParams();
  let path: string;
  switch (place.kind) {
    case 'case':
      path = 'moderation/recent';
      search.set('case', place.id);
      break;
    case 'player':
      path = 'players';
      search.set('player', place.id);
      break;
    case 'quest':
      path = `quests/${place.id}`;
      break;
    case 'lootdrop':
      path = 'lootdrops';
      search.set('tab', 'board');
      search.set('drop', place.id);
      break;
    case 'board':
      path = 'lootdrops';
      search.set('tab', 'board');
      break;
  }
  if (options.popOut) search.set(POP_OUT_PARAM, 'pop-out');
  const query = search.toString();
  return `#/${path}${query ? `?${query}` : ''}`;
}

/** The place a pop-out route shows, or null when the hash is not a pop-out of a place that can pop out. */
export function popOutPlaceFromHash(hash: string): DeskPlace | null {
  const raw = hash.replace(/^#\/?/, '');
  const [path = '', query = ''] = raw.split('?', 2);
  const search = new URLSearchParams(query);
  if (search.get(POP_OUT_PARAM) !== 'pop-out') return null;
  const digits = (value: string | null, rule: LinkKind) => (value !== null && idRules[rule].test(value) ? value : null);
  if (path === 'moderation/recent') {
    const id = digits(search.get('case'), 'case');
    return id ? { kind: 'case', id } : null;
  }
  if (path === 'players') {
    const id = digits(search.get('player'), 'player');
    return id ? { kind: 'player', id } : null;
  }
  if (path === 'lootdrops' && !search.has('drop')) return { kind: 'board' };
  return null;
}

/** One key per place: at most one pop-out window shows it. */
export function placeKey(place: DeskPlace): string {
  return place.kind === 'board' ? 'board' : `${place.kind}:${place.id}`;
}

/** What a pop-out or a notification calls the place (window titles). */
export function placeTitle(place: DeskPlace): string {
  switch (place.kind) {
    case 'case':
      return `Case #${place.id}`;
    case 'player':
      return `Player ${place.id}`;
    case 'quest':
      return `Quest #${place.id}`;
    case 'lootdrop':
      return `Lootdrop ${place.id}`;
    case 'board':
      return 'Lootdrop board';
  }
}
