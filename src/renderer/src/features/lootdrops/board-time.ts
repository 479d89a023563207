/**
 * The board between two reads: a drop whose time is up leaves Active at once (and the Board
 * tab's count with it), and the board is read again when the next drop ends or, while a drop
 * is on its way to Discord, every couple of seconds: nothing else would tell the window.
 */
import type { LootdropBoard } from '@shared/domain/lootdrops';

/** Posts still waiting for Discord's answer. */
export const OPEN_POST_STATES = new Set(['sending', 'waiting', 'checking']);
const POST_POLL_MS = 2_000;
/** After the expiry: the main process' clock and this window's differ by a little. */
const AFTER_EXPIRY_MS = 300;

/** The board as of `nowMs` (the main process' clock): drops whose time is up leave Active. */
export function boardAsOf(board: LootdropBoard, nowMs: number): LootdropBoard {
  const ended = board.active.filter((drop) => drop.expiresAt !== null && drop.expiresAt.getTime() <= nowMs);
  if (ended.length === 0) return board;
  return {
    ...board,
    active: board.active.filter((drop) => !ended.includes(drop)),
    counts: { ...board.counts, active: Math.max(0, board.counts.active - ended.length) },
  };
}

/** When to read the board again (ms from its read), or false while nothing is due. `posting`: a spawn of this window is on its way. */
export function nextBoardRead(board: LootdropBoard | undefined, posting = false): number | false {
  if (!board) return false;
  const waits: number[] = [];
  if (posting || board.posts.some((post) => OPEN_POST_STATES.has(post.state))) waits.push(POST_POLL_MS);
  const next = board.active.reduce<number | null>((soonest, drop) => {
    const at = drop.expiresAt?.getTime();
    return at === undefined || (soonest !== null && soonest <= at) ? soonest : at;
  }, null);
  if (next !== null) waits.push(Math.max(AFTER_EXPIRY_MS, next - board.now.getTime() + AFTER_EXPIRY_MS));
  return waits.length ? Math.min(...waits) : false;
}
