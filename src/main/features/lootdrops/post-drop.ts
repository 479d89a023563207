/**
 * Posting a drop's message so that a slow Discord never makes two: the intent goes into the
 * post outbox (committed) before the message is sent, under a nonce Discord enforces; a post
 * that got no answer is sent again with the same nonce, which answers with the first message
 * rather than creating another; while it waits for Discord's rate limit the outbox says until
 * when, and staff may give up then (the request is never sent).
 */
import type { RESTPostAPIChannelMessageJSONBody } from 'discord-api-types/v10';
import type { StaffIdentity } from '@shared/identity.js';
import type { Clock } from '../../core/clock.js';
import type { AuroraDatabase } from '../../core/database.js';
import {
  deleteChannelMessage,
  deskErrorFromDiscord,
  type DiscordTarget,
} from '../../core/discord/index.js';
import { hasPostOutbox, newNonce, readPost, recordPostIntent, sendPost, updatePost, watchPostWaits, type SendResult } from '../../core/discord/post-outbox.js';
import { DeskError, ERRORS } from '../../core/errors.js';
import type { Logger } from '../../core/log.js';
import type { DeskRun } from '../../core/services.js';
import { momentText } from '@shared/moment-text.js';

export const DROP_SUBJECT = 'lootdrop';

/** What recording the drop needs once its message ID is known (kept on the outbox row). */
export interface DropDetails {
  amount: number;
  currency: string;
  lifetimeSeconds: number;
  customId: string;
  /** The claim button names the message ID: it is added by an edit once the ID is known. */
  laterButton: boolean;
  burstId: string | null;
  burstSeq: number | null;
}

export interface DropPost {
  channelId: string;
  idempotencyKey: string;
  body: RESTPostAPIChannelMessageJSONBody;
  details: DropDetails;
  actor: StaffIdentity;
}

export interface PostDeps {
  discord: DiscordTarget;
  clock: Clock;
  log: Logger;
  run: DeskRun;
}

/** Posted: the message and when Discord accepted it; `nonce` names its outbox row (null without one). */
export interface PostedDrop {
  messageId: string;
  acceptedAt: Date;
  nonce: string | null;
}

/** Posts of this process still waiting for Discord, by nonce: what giving up stops. */
const waiting = new Map<string, { giveUp: () => void; channelId: string }>();
/** Posts this process is sending or checking now: a check of open posts leaves them alone. */
const inFlight = new Set<string>();
export const isPostInFlight = (nonce: string) => inFlight.has(nonce);

export const NO_ANSWER_MESSAGE =
  'Discord did not answer in time, so the desk cannot tell yet whether the drop was posted. The board shows it as "checking Discord…" ' +
  'while the desk asks Discord again under the same nonce (which never makes a second message); do not spawn it again.';

export async function postDrop(database: AuroraDatabase, post: DropPost, deps: PostDeps): Promise<PostedDrop> {
  const nonce = newNonce();
  inFlight.add(nonce);
  try {
    return await postUnder(nonce, database, post, deps);
  } finally {
    inFlight.delete(nonce);
  }
}

async function postUnder(nonce: string, database: AuroraDatabase, post: DropPost, deps: PostDeps): Promise<PostedDrop> {
  const { client } = deps.discord;
  const withOutbox = await hasPostOutbox(database);
  if (withOutbox) {
    const intent = { nonce, subject: DROP_SUBJECT, subjectKey: post.idempotencyKey, channelId: post.channelId, body: post.body, details: { ...post.details }, actor: post.actor };
    const recorded = await recordPostIntent(database.db, intent, deps.run, deps.clock.now());
    if (!recorded.recorded) {
      throw ERRORS.conflict(`This drop is being posted already (since ${momentText(recorded.open.requestedAt)}): the board shows it until Discord has answered.`, {
        changedBy: recorded.open.actorName,
        changedAt: recorded.open.requestedAt.toISOString(),
      });
    }
  }
  const note = (change: Parameters<typeof updatePost>[2], from?: Parameters<typeof updatePost>[3]) =>
    withOutbox ? updatePost(database.db, nonce, change, from) : Promise.resolve(true);

  const controller = new AbortController();
  let gaveUp!: () => void;
  const givenUp = new Promise<'given-up'>((resolve) => (gaveUp = () => resolve('given-up')));
  waiting.set(nonce, { channelId: post.channelId, giveUp: () => (controller.abort(), gaveUp()) });
  const stopWatching = watchPostWaits(client, post.channelId, (waitMs) => {
    note({ waitingUntil: new Date(deps.clock.now().getTime() + waitMs) }, ['posting']).catch((error: unknown) =>
      deps.log.warn('could not note a rate-limit wait on a drop post', { error: String(error) }),
    );
  });
  const sending = sendPost(client, { channelId: post.channelId, body: post.body, nonce }, controller.signal);
  let first: SendResult | 'given-up';
  try {
    first = await Promise.race([sending, givenUp]);
  } finally {
    stopWatching();
    waiting.delete(nonce);
  }
  if (first === 'given-up') {
    // Given up while waiting in the rate-limit queue: the request is not sent. Should Discord
    // answer with a message all the same, it goes again.
    void sending.then((late) => {
      if (late.state === 'posted') void deleteChannelMessage(client, post.channelId, late.message.id, 'Aurora Desk: staff gave up waiting for it').catch(() => undefined);
    });
    throw new DeskError('BAD_REQUEST', 'You gave up waiting for Discord: the drop was not posted.');
  }
  if (first.state === 'posted') {
    const acceptedAt = deps.clock.now();
    return { messageId: first.message.id, acceptedAt, nonce: withOutbox ? nonce : null };
  }
  if (first.state === 'refused') {
    await note({ state: 'failed', detail: first.error.message });
    throw deskErrorFromDiscord(first.error, 'The drop was not posted');
  }
  // No answer: ask again under the same nonce before saying anything.
  await note({ state: 'checking', detail: first.error.message });
  const check = await sendPost(client, { channelId: post.channelId, body: post.body, nonce });
  if (check.state === 'posted') return { messageId: check.message.id, acceptedAt: deps.clock.now(), nonce: withOutbox ? nonce : null };
  if (check.state === 'refused') {
    await note({ state: 'failed', detail: check.error.message });
    throw deskErrorFromDiscord(check.error, 'The drop was not posted');
  }
  throw new DeskError('SERVICE_UNAVAILABLE', NO_ANSWER_MESSAGE, { discord: { status: null, message: null } });
}

/**
 * Gives up on a drop that waits for Discord's rate limit (in this desk: another desktop's waits
 * are its own). Refused once the request may be on its way.
 */
export async function giveUpPost(database: AuroraDatabase, nonce: string, now: Date): Promise<void> {
  const post = await readPost(database.db, nonce);
  const mine = waiting.get(nonce);
  if (!post || !mine) throw ERRORS.badRequest('That drop is no longer waiting in this desk: it was posted, refused or given up meanwhile.');
  if (post.state !== 'posting' || !post.waitingUntil || post.waitingUntil.getTime() - now.getTime() < 1_000) {
    throw ERRORS.badRequest('That drop is not waiting for Discord’s rate limit any more: it may be on its way, so it can no longer be given up.');
  }
  if (!(await updatePost(database.db, nonce, { state: 'abandoned', detail: 'Given up while waiting for Discord’s rate limit.' }, ['posting']))) {
    throw ERRORS.badRequest('That drop is no longer waiting: it was posted, refused or given up meanwhile.');
  }
  mine.giveUp();
}
