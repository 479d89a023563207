/**
 * The Discord outbox: Discord work as intent → commit → call → outcome. The intent is written
 * pending in the transaction that makes the change it belongs to; the call is made only after
 * that transaction has committed, so no row lock (and on PGlite, no database at all) waits on
 * Discord; the outcome is written back in a short transaction of its own. A desk that stops in
 * between leaves the row pending, and a desk that starts asks Discord what is true
 * (`checkMemberAction`) instead of guessing.
 *
 * Where the database has no outbox (a role that may not create aurora_desk's tables), intents
 * are not stored here and the caller's own record (a case's metadata) is the only one.
 */
import { and, asc, eq, inArray, ne, or, sql } from 'drizzle-orm';
import { Routes, type APIGuildMember } from 'discord-api-types/v10';
import type { StaffIdentity } from '@shared/identity.js';
import { discordOutbox, type OutboxAction, type OutboxState, type StoredOutboxRow } from '../../db/desk/tables.js';
import { recordDiscordOutcome, type AuditDiscordOutcome } from '../audit.js';
import type { AuroraDatabase, AuroraDb, AuroraTx } from '../database.js';
import type { DeskRun } from '../services.js';
import { sharedAnswer, timedCache } from '../timed-cache.js';
import type { DiscordClient } from './client.js';
import { describeDiscordError, isDiscordError } from './errors.js';

export type MemberAction = OutboxAction;

/** One action on a guild member, as Discord is asked for it. */
export interface MemberActionRequest {
  action: MemberAction;
  guildId: string;
  userId: bigint;
  /** The reason for Discord's audit log, as sent. */
  reason: string;
  /** timeout: until when. */
  until: Date | null;
  /** ban: the member's messages of the last N seconds are deleted. */
  deleteMessageSeconds: number | null;
}

export interface DiscordIntent extends MemberActionRequest {
  /** What the action is for ('moderation_case'), its row id and the label staff know it by. */
  subject: string;
  subjectId: bigint;
  subjectLabel: string | null;
  actor: StaffIdentity;
  /** The audit row of the staff action that asked for it. */
  auditId: bigint | null;
  /** When it was decided (the database's clock, as the change it belongs to). */
  requestedAt: Date;
}

/** An intent as written: `id` is its outbox row, null where the database has no outbox. */
export interface RecordedIntent extends DiscordIntent {
  id: bigint | null;
}

/** An outbox row as a reconcile or a retry reads it back. */
export interface StoredIntent extends RecordedIntent {
  id: bigint;
  state: OutboxState;
  learnedBy: 'answer' | 'check' | null;
  errorMessage: string | null;
}

/** What became of an action: from Discord's answer to the call, or from checking afterwards. */
export type DiscordResult =
  | { state: 'ok'; learnedBy: 'answer' | 'check'; message: string | null }
  | { state: 'failed'; learnedBy: 'answer' | 'check'; errorKind: string; message: string }
  | { state: 'unknown'; learnedBy: 'answer' | 'check'; message: string };

/** Whether this database has the outbox (checked once in a while per handle). */
const presence = timedCache<AuroraDatabase, Promise<boolean>>({ ttlMs: 5 * 60_000, max: 1 });
export function hasDiscordOutbox(database: AuroraDatabase): Promise<boolean> {
  return sharedAnswer(presence, database, 'discord_outbox', async () => {
    const { rows } = await database.query<{ present: boolean }>(`SELECT to_regclass('aurora_desk.discord_outbox') IS NOT NULL AS present`);
    return rows[0]?.present === true;
  });
}

function auditEntry(intent: RecordedIntent, state: AuditDiscordOutcome['state'], at: Date, details: { errorKind?: string; message?: string | null } = {}): AuditDiscordOutcome {
  return { action: intent.action, subject: intent.subjectLabel, userId: intent.userId.toString(), state, ...details, at: at.toISOString() };
}

/**
 * Writes the intent, pending, in the transaction of the change it belongs to (and notes it as
 * pending on that change's audit row). `withOutbox` false: nothing is written here.
 */
export async function recordIntent(tx: AuroraTx, withOutbox: boolean, intent: DiscordIntent, run: DeskRun): Promise<RecordedIntent> {
  if (!withOutbox) return { ...intent, id: null };
  const [row] = await tx
    .insert(discordOutbox)
    .values({
      subject: intent.subject,
      subjectId: intent.subjectId,
      subjectLabel: intent.subjectLabel,
      action: intent.action,
      guildId: BigInt(intent.guildId),
      userId: intent.userId,
      reason: intent.reason,
      until: intent.until,
      deleteMessageSeconds: intent.deleteMessageSeconds,
      actorId: intent.actor.id,
      actorName: intent.actor.name,
      auditId: intent.auditId,
      runId: run.id,
      runHost: run.host,
      requestedAt: intent.requestedAt,
    })
    .returning({ id: discordOutbox.id });
  const recorded = { ...intent, id: row!.id };
  if (intent.auditId !== null) await recordDiscordOutcome(tx, intent.auditId, row!.id.toString(), auditEntry(recorded, 'pending', intent.requestedAt));
  return recorded;
}

/**
 * Records the outcome on the outbox row and its audit row, if the row is still in the state the
 * caller last saw (`expected`): an answer settles the row it left pending; a check settles only
 * what nobody settled meanwhile. Returns whether it did. Rows never written (no outbox): true.
 */
export async function settleIntent(
  tx: AuroraTx,
  intent: RecordedIntent,
  result: DiscordResult,
  expected: { state: OutboxState; learnedBy?: 'answer' | 'check' | null } = { state: 'pending' },
): Promise<boolean> {
  if (intent.id === null) return true;
  const [row] = await tx
    .update(discordOutbox)
    .set({
      state: result.state,
      learnedBy: result.learnedBy,
      errorKind: result.state === 'failed' ? result.errorKind : null,
      errorMessage: result.state === 'ok' ? null : result.message,
      settledAt: sql`now()`,
    })
    .where(
      and(
        eq(discordOutbox.id, intent.id),
        eq(discordOutbox.state, expected.state),
        expected.learnedBy === undefined
          ? undefined
          : expected.learnedBy === null
            ? sql`${discordOutbox.learnedBy} IS NULL`
            : eq(discordOutbox.learnedBy, expected.learnedBy),
      ),
    )
    .returning({ settledAt: discordOutbox.settledAt });
  if (!row) return false;
  if (intent.auditId !== null) {
    const details = result.state === 'failed' ? { errorKind: result.errorKind, message: result.message } : { message: result.message };
    await recordDiscordOutcome(tx, intent.auditId, intent.id.toString(), auditEntry(intent, result.state, row.settledAt ?? new Date(), details));
  }
  return true;
}

const toIntent = (row: StoredOutboxRow): StoredIntent => ({
  id: row.id,
  subject: row.subject,
  subjectId: row.subjectId,
  subjectLabel: row.subjectLabel,
  action: row.action,
  guildId: row.guildId.toString(),
  userId: row.userId,
  reason: row.reason,
  until: row.until,
  deleteMessageSeconds: row.deleteMessageSeconds,
  actor: { id: row.actorId, name: row.actorName },
  auditId: row.auditId,
  requestedAt: row.requestedAt,
  state: row.state,
  learnedBy: row.learnedBy,
  errorMessage: row.errorMessage,
});

/** The outbox row, locked for the rest of the transaction (a retry replaces it). */
export async function lockIntent(tx: AuroraTx, id: bigint): Promise<StoredIntent | null> {
  const [row] = await tx.select().from(discordOutbox).where(eq(discordOutbox.id, id)).for('update');
  return row ? toIntent(row) : null;
}

/** Marks an unsettled row as replaced by a retry's row, with its audit row saying so. */
export async function markRetried(tx: AuroraTx, intent: StoredIntent, retry: RecordedIntent): Promise<void> {
  const [row] = await tx
    .update(discordOutbox)
    .set({ state: 'retried', retriedBy: retry.id, settledAt: sql`now()` })
    .where(eq(discordOutbox.id, intent.id))
    .returning({ settledAt: discordOutbox.settledAt });
  if (intent.auditId !== null) {
    const message = `Retried by ${retry.actor.name} (${retry.actor.id})${retry.id !== null ? `: outbox row ${retry.id}` : ''}.`;
    await recordDiscordOutcome(tx, intent.auditId, intent.id.toString(), auditEntry(intent, 'retried', row?.settledAt ?? new Date(), { message }));
  }
}

/** Unsettled rows of a subject, oldest first, for a desk that has just started. */
export interface UnsettledIntent extends StoredIntent {
  /**
   * Whoever asked cannot still be waiting for the answer: an earlier run on this machine (one
   * desk runs per machine), or another machine's row older than `staleMs`.
   */
  stale: boolean;
}

/**
 * Rows still waiting for an outcome that this run is not itself waiting on: pending rows of other
 * runs, and rows left unknown by an answer (no answer came) that a check may still settle.
 */
export async function unsettledIntents(db: AuroraDb, subject: string, run: DeskRun, staleMs: number, limit: number): Promise<UnsettledIntent[]> {
  const rows = await db
    .select({
      row: discordOutbox,
      stale: sql<boolean>`(${discordOutbox.runHost} = ${run.host} OR ${discordOutbox.requestedAt} < now() - make_interval(secs => ${staleMs / 1000}))`,
    })
    .from(discordOutbox)
    .where(
      and(
        eq(discordOutbox.subject, subject),
        inArray(discordOutbox.state, ['pending', 'unknown']),
        or(
          and(eq(discordOutbox.state, 'pending'), ne(discordOutbox.runId, run.id)),
          and(eq(discordOutbox.state, 'unknown'), eq(discordOutbox.learnedBy, 'answer')),
        ),
      ),
    )
    .orderBy(asc(discordOutbox.requestedAt), asc(discordOutbox.id))
    .limit(limit);
  return rows.map(({ row, stale }) => ({ ...toIntent(row), stale: Boolean(stale) }));
}

/** The unsettled rows of one subject (a case's detail, where its own record cannot hold them). */
export async function unsettledIntentsOf(db: AuroraDb, subject: string, subjectId: bigint): Promise<StoredIntent[]> {
  const rows = await db
    .select()
    .from(discordOutbox)
    .where(and(eq(discordOutbox.subject, subject), eq(discordOutbox.subjectId, subjectId), inArray(discordOutbox.state, ['pending', 'unknown'])))
    .orderBy(asc(discordOutbox.id));
  return rows.map(toIntent);
}

// ── talking to Discord ─────────────────────────────────────────────────────────────────────

const verbs: Record<MemberAction, string> = {
  ban: 'banned the member',
  unban: 'lifted the ban',
  timeout: 'timed the member out',
  'clear-timeout': 'lifted the timeout',
  kick: 'kicked the member',
};

/** Carries the action out. Never throws: a refusal, or no answer at all, is the result. */
export async function performMemberAction(client: DiscordClient, request: MemberActionRequest): Promise<DiscordResult> {
  const { guildId, userId, reason } = request;
  try {
    switch (request.action) {
      case 'timeout':
        await client.timeoutMember(guildId, userId, request.until!, reason);
        break;
      case 'clear-timeout':
        await client.clearTimeout(guildId, userId, reason);
        break;
      case 'kick':
        await client.kickMember(guildId, userId, reason);
        break;
      case 'ban':
        await client.banMember(guildId, userId, reason, { deleteMessageSeconds: request.deleteMessageSeconds ?? 0 });
        break;
      case 'unban':
        await client.unbanMember(guildId, userId, reason);
        break;
    }
    return { state: 'ok', learnedBy: 'answer', message: null };
  } catch (error) {
    const failure = describeDiscordError(error);
    // No HTTP answer at all (timed out, connection lost): the request may have reached Discord.
    if (failure.kind === 'unavailable' && failure.status === undefined) {
      return { state: 'unknown', learnedBy: 'answer', message: `${failure.message} Discord may or may not have ${verbs[request.action]}.` };
    }
    const message = failure.kind === 'missing-permissions' ? missingPermission(request.action) : failure.message;
    return { state: 'failed', learnedBy: 'answer', errorKind: failure.kind, message };
  }
}

/** The permission each action needs, as Discord names it in server settings. */
const PERMISSION: Record<MemberAction, string> = {
  ban: 'Ban Members',
  unban: 'Ban Members',
  timeout: 'Moderate Members',
  'clear-timeout': 'Moderate Members',
  kick: 'Kick Members',
};

const missingPermission = (action: MemberAction) =>
  `Not carried out on Discord: missing permission ${PERMISSION[action]} (or the member's highest role is above the bot's). Grant it to the bot's role, then retry.`;

async function isBanned(client: DiscordClient, guildId: string, userId: bigint): Promise<boolean> {
  try {
    await client.call((rest) => rest.get(Routes.guildBan(guildId, userId.toString())));
    return true;
  } catch (error) {
    if (isDiscordError(error) && error.kind === 'unknown-ban') return false;
    throw error;
  }
}

/** The member's timeout as Discord has it; null when they are not on the server. */
async function memberTimeout(client: DiscordClient, guildId: string, userId: bigint): Promise<{ until: Date | null } | null> {
  try {
    const member = (await client.call((rest) => rest.get(Routes.guildMember(guildId, userId.toString())))) as APIGuildMember;
    return { until: member.communication_disabled_until ? new Date(member.communication_disabled_until) : null };
  } catch (error) {
    if (isDiscordError(error) && error.kind === 'unknown-member') return null;
    throw error;
  }
}

const NOT_CARRIED_OUT = 'not-carried-out';
const utc = (at: Date) => `${at.toISOString().replace('T', ' ').slice(0, 19)} UTC`;

/**
 * What Discord shows now about an action whose answer was never recorded: done, not done, or
 * that it cannot tell. Throws a DiscordError when Discord cannot be asked (the row stays as it was).
 */
export async function checkMemberAction(client: DiscordClient, request: MemberActionRequest, now: Date): Promise<DiscordResult> {
  const { guildId, userId } = request;
  const ok = (message: string): DiscordResult => ({ state: 'ok', learnedBy: 'check', message });
  const notDone = (message: string): DiscordResult => ({ state: 'failed', learnedBy: 'check', errorKind: NOT_CARRIED_OUT, message });
  const unknown = (message: string): DiscordResult => ({ state: 'unknown', learnedBy: 'check', message });
  switch (request.action) {
    case 'ban':
      return (await isBanned(client, guildId, userId))
        ? ok('Discord shows the member banned.')
        : notDone('Discord shows the member not banned: the ban was not carried out.');
    case 'unban':
      return (await isBanned(client, guildId, userId))
        ? notDone('Discord still shows the member banned: the ban was not lifted.')
        : ok('Discord shows the member not banned.');
    case 'timeout': {
      const member = await memberTimeout(client, guildId, userId);
      if (!member) return unknown('The member is not on the server, so Discord cannot tell whether the timeout was applied.');
      if (member.until && member.until > now) return ok(`Discord shows the member timed out until ${utc(member.until)}.`);
      if (request.until && request.until <= now) return unknown('The timeout would have ended by now, so Discord cannot tell whether it was applied.');
      return notDone('Discord shows the member not timed out: the timeout was not applied.');
    }
    case 'clear-timeout': {
      const member = await memberTimeout(client, guildId, userId);
      if (!member) return unknown('The member is not on the server, so Discord cannot tell whether the timeout was lifted.');
      if (member.until && member.until > now) return notDone(`Discord shows the member still timed out until ${utc(member.until)}: the timeout was not lifted.`);
      return ok('Discord shows the member not timed out.');
    }
    case 'kick':
      return unknown("Discord cannot tell whether the member was kicked; check the server's audit log.");
  }
}
