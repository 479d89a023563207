/**
 * Drops whose post got no answer: housekeeping asks Discord again under the post's own nonce
 * (which answers with the message the first send made, or makes it once) and records the drop,
 * with its lifetime starting when Discord made the message. Past the time Discord remembers a
 * nonce, asking again could post a second message, so the row says to look in the channel.
 */
import type { AuroraDatabase } from '../../core/database.js';
import type { DiscordTarget } from '../../core/discord/index.js';
import { NONCE_WINDOW_MS, hasPostOutbox, openPosts, sendPost, snowflakeTime, updatePost, type OpenPost } from '../../core/discord/post-outbox.js';
import type { DeskServices } from '../../core/services.js';
import { readLootdropConfig } from './config.js';
import { DROP_SUBJECT, isPostInFlight, type DropDetails } from './post-drop.js';
import { recordAcceptedDrop } from './record-drop.js';

/** How soon a post without an answer is checked again. */
export const POST_CHECK_MS = 15_000;
/** Another desk's post this old, not waiting for a rate limit, is no longer being sent by it. */
const FOREIGN_STALE_MS = 60_000;

/** Checks the open posts Discord never answered; returns how many are still open. */
export async function checkOpenDropPosts(services: DeskServices, database: AuroraDatabase, discord: DiscordTarget): Promise<number> {
  if (!(await hasPostOutbox(database))) return 0;
  const now = services.clock.now();
  let open = 0;
  for (const post of await openPosts(database.db, DROP_SUBJECT, 25)) {
    if (services.scheduler.stopped) break;
    if (isPostInFlight(post.nonce) || !checkable(post, services.run.id, now)) {
      open += 1;
      continue;
    }
    if (!(await checkPost(services, database, discord, post))) open += 1;
  }
  return open;
}

function checkable(post: OpenPost, runId: string, now: Date): boolean {
  if (post.runId === runId) return true; // not in flight here: nobody else sends it
  const waitingOver = !post.waitingUntil || post.waitingUntil.getTime() < now.getTime() - FOREIGN_STALE_MS / 2;
  return waitingOver && post.requestedAt.getTime() < now.getTime() - FOREIGN_STALE_MS;
}

/** Returns whether the post is settled now. */
async function checkPost(services: DeskServices, database: AuroraDatabase, discord: DiscordTarget, post: OpenPost): Promise<boolean> {
  const { clock, log } = services;
  const now = clock.now();
  if (now.getTime() - post.requestedAt.getTime() > NONCE_WINDOW_MS) {
    const detail = `Discord never answered, and no longer remembers the post's nonce: look in <#${post.channelId}> for a drop message the board does not show, and delete it.`;
    await updatePost(database.db, post.nonce, { state: 'lost', detail });
    return true;
  }
  // Claim the check: another desk checking the same row at once waits for the next round.
  if (!(await updatePost(database.db, post.nonce, { state: 'checking' }))) return true;
  const result = await sendPost(discord.client, { channelId: post.channelId, body: post.body, nonce: post.nonce });
  if (result.state === 'no-answer') {
    await updatePost(database.db, post.nonce, { detail: result.error.message });
    return false;
  }
  if (result.state === 'refused') {
    await updatePost(database.db, post.nonce, { state: 'failed', detail: result.error.message });
    return true;
  }
  const messageId = result.message.id;
  const made = snowflakeTime(messageId)?.getTime() ?? now.getTime();
  const acceptedAt = new Date(Math.min(Math.max(made, post.requestedAt.getTime()), now.getTime()));
  const details = post.details as unknown as DropDetails;
  const actor = { id: post.actorId, name: post.actorName };
  const write = services.audit.begin(database, { actor, procedure: 'lootdrops.spawnChecked', input: { nonce: post.nonce, channelId: post.channelId, idempotencyKey: post.subjectKey } });
  const started = now.getTime();
  try {
    const config = await readLootdropConfig(services, database);
    const postedExpiresAt = new Date(post.requestedAt.getTime() + details.lifetimeSeconds * 1000);
    const accepted = { messageId, acceptedAt, nonce: post.nonce, channelId: post.channelId, idempotencyKey: post.subjectKey, details, postedExpiresAt, format: config.claimButtonFormat };
    await recordAcceptedDrop(write, accepted, { discord, clock, log });
    await write.finish({ outcome: 'ok', durationMs: clock.now().getTime() - started });
  } catch (error) {
    log.warn('a drop Discord posted late could not be recorded', { nonce: post.nonce, error: String(error) });
    await write.finish({ outcome: 'error', errorMessage: String(error), durationMs: clock.now().getTime() - started }).catch(() => undefined);
  }
  return true;
}
