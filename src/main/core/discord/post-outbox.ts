/**
 * The outbox for messages the desk posts (aurora_desk.discord_posts): the intent is written and
 * committed before the message is sent, under a nonce Discord enforces, so a post whose answer
 * never came is never simply sent again as a new message: it is sent again *with the same
 * nonce*, which Discord answers with the message the first send created (or creates it once, if
 * the first never arrived). Where the database has no outbox (a role that may not create
 * aurora_desk's tables), the nonce still guards the REST client's own retry.
 */
import { randomBytes } from 'node:crypto';
import { and, asc, eq, gt, inArray, or, sql } from 'drizzle-orm';
import type { RESTPostAPIChannelMessageJSONBody } from 'discord-api-types/v10';
import { DISCORD_EPOCH_MS, type StaffIdentity } from '@shared/identity.js';
import { discordPosts, type PostState, type StoredPost } from '../../db/desk/tables.js';
import type { AuroraDatabase, AuroraDb, AuroraTx } from '../database.js';
import { isUniqueViolation } from '../driver-errors.js';
import type { DeskRun } from '../services.js';
import { sharedAnswer, timedCache } from '../timed-cache.js';
import type { DiscordClient } from './client.js';
import { describeDiscordError, type DiscordError } from './errors.js';
import { NONCE_MAX_LENGTH, postChannelMessage, type PostedMessage } from './messages.js';

/** How long Discord is trusted to remember a nonce ("the past few minutes"): a later check would post anew. */
export const NONCE_WINDOW_MS = 2 * 60_000;

export interface PostIntent {
  nonce: string;
  subject: string;
  /** The submission's own key (a form's idempotency key): one open post per key. */
  subjectKey: string;
  channelId: string;
  body: RESTPostAPIChannelMessageJSONBody;
  details: Record<string, unknown>;
  actor: StaffIdentity;
}

export type OpenPost = StoredPost;

export const newNonce = () => randomBytes(12).toString('hex').slice(0, NONCE_MAX_LENGTH);

const presence = timedCache<AuroraDatabase, Promise<boolean>>({ ttlMs: 5 * 60_000, max: 1 });
export function hasPostOutbox(database: AuroraDatabase): Promise<boolean> {
  return sharedAnswer(presence, database, 'discord_posts', async () => {
    const { rows } = await database.query<{ present: boolean }>(`SELECT to_regclass('aurora_desk.discord_posts') IS NOT NULL AS present`);
    return rows[0]?.present === true;
  });
}

/** Writes the intent (committed on its own). Returns the open post of the same submission instead, if there is one. */
export async function recordPostIntent(db: AuroraDb, intent: PostIntent, run: DeskRun, at: Date): Promise<{ recorded: true } | { recorded: false; open: OpenPost }> {
  try {
    await db.insert(discordPosts).values({
      nonce: intent.nonce,
      subject: intent.subject,
      subjectKey: intent.subjectKey,
      channelId: intent.channelId,
      body: intent.body as Record<string, unknown>,
      details: intent.details,
      actorId: intent.actor.id,
      actorName: intent.actor.name,
      runId: run.id,
      requestedAt: at,
    });
    return { recorded: true };
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    const [open] = await db
      .select()
      .from(discordPosts)
      .where(and(eq(discordPosts.subject, intent.subject), eq(discordPosts.subjectKey, intent.subjectKey), inArray(discordPosts.state, ['posting', 'checking'])));
    if (!open) throw error;
    return { recorded: false, open };
  }
}

type PostChange = Partial<Pick<StoredPost, 'state' | 'waitingUntil' | 'messageId' | 'acceptedAt' | 'detail'>>;

/** Changes a post that is still in one of `from`; returns whether it was. */
export async function updatePost(db: AuroraDb | AuroraTx, nonce: string, change: PostChange, from: PostState[] = ['posting', 'checking']): Promise<boolean> {
  const settles = change.state !== undefined && change.state !== 'posting' && change.state !== 'checking';
  const rows = await db
    .update(discordPosts)
    .set({ ...change, ...(settles ? { settledAt: sql`now()`, waitingUntil: null } : {}) })
    .where(and(eq(discordPosts.nonce, nonce), inArray(discordPosts.state, from)))
    .returning({ nonce: discordPosts.nonce });
  return rows.length > 0;
}

/** Posts still waiting for an outcome, oldest first. */
export async function openPosts(db: AuroraDb, subject: string, limit = 100): Promise<OpenPost[]> {
  return db
    .select()
    .from(discordPosts)
    .where(and(eq(discordPosts.subject, subject), inArray(discordPosts.state, ['posting', 'checking'])))
    .orderBy(asc(discordPosts.requestedAt))
    .limit(limit);
}

/** Open posts, and the ones lost since `since` (they need a look in the channel), oldest first. */
export async function postsToShow(db: AuroraDb, subject: string, since: Date, limit = 100): Promise<OpenPost[]> {
  return db
    .select()
    .from(discordPosts)
    .where(
      and(
        eq(discordPosts.subject, subject),
        or(inArray(discordPosts.state, ['posting', 'checking']), and(eq(discordPosts.state, 'lost'), gt(discordPosts.settledAt, since))),
      ),
    )
    .orderBy(asc(discordPosts.requestedAt))
    .limit(limit);
}

export async function readPost(db: AuroraDb, nonce: string): Promise<OpenPost | null> {
  const [row] = await db.select().from(discordPosts).where(eq(discordPosts.nonce, nonce));
  return row ?? null;
}

export type SendResult = { state: 'posted'; message: PostedMessage } | { state: 'refused'; error: DiscordError } | { state: 'no-answer'; error: DiscordError };

/** Sends the post under its nonce. Never throws: a refusal, or no answer at all, is the result. */
export async function sendPost(client: DiscordClient, post: { channelId: string; body: RESTPostAPIChannelMessageJSONBody; nonce: string }, signal?: AbortSignal): Promise<SendResult> {
  try {
    const message = await postChannelMessage(client, post.channelId, post.body, { nonce: post.nonce, ...(signal ? { signal } : {}) });
    return { state: 'posted', message };
  } catch (error) {
    const failure = describeDiscordError(error);
    // No HTTP answer (timed out, connection lost): the message may exist.
    return failure.status === undefined && failure.kind === 'unavailable' ? { state: 'no-answer', error: failure } : { state: 'refused', error: failure };
  }
}

/** When Discord made a message, read from its ID (a snowflake carries its creation time). */
export function snowflakeTime(id: string): Date | null {
  try {
    return new Date(Number((BigInt(id) >> 22n) + BigInt(DISCORD_EPOCH_MS)));
  } catch {
    return null;
  }
}

/**
 * Calls `onWait` whenever a post to `channelId` waits for Discord's rate limit, until the
 * returned function is called.
 */
export function watchPostWaits(client: DiscordClient, channelId: string, onWait: (waitMs: number) => void): () => void {
  const path = `/channels/${channelId}/messages`;
  return client.onRateLimitWait((wait) => {
    if (wait.method === 'POST' && wait.path.endsWith(path) && wait.waitMs > 0) onWait(wait.waitMs);
  });
}
