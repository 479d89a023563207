/**
 * Opening a case from the desk: warn, timeout, kick, ban, note or a custom type, with username
 * snapshots and a desk case ID (case-id.ts). A timeout, kick or ban can be carried out on
 * Discord first; the case is recorded either way and says what Discord answered.
 */
import { eq } from 'drizzle-orm';
import { knownCaseTypes, type CaseActionResult, type DiscordOutcome } from '@shared/domain/moderation.js';
import type { StaffIdentity } from '@shared/identity.js';
import type { StaffWrite } from '../../core/audit.js';
import type { DiscordGateway, DiscordTarget } from '../../core/discord/index.js';
import { ERRORS } from '../../core/errors.js';
import { moderationCases, users } from '../../db/schema.js';
import { CASE_ID_ATTEMPTS, generateCaseId } from './case-id.js';
import { summaryAfterWrite, txNow } from './case-write.js';
import { DESK_KEY, staffStamp, type DeskMeta } from './desk-metadata.js';
import { actOnDiscord, carryOutActionFor, notAttempted, type DiscordActResult } from './discord-actions.js';
import { forgetCounts } from './queues.js';

export interface OpenCaseRequest {
  type: string;
  userId: bigint;
  username?: string;
  reason?: string;
  durationMinutes?: number;
  carryOutOnDiscord: boolean;
  deleteMessageSeconds: number;
}

export interface OpenCaseOptions {
  /** Tests force collisions through this. */
  generateCaseId?: () => string;
}

/** Known types are stored in the bot's lower case; custom types as typed. */
export function normaliseCaseType(type: string): string {
  const lower = type.trim().toLowerCase();
  return (knownCaseTypes as readonly string[]).includes(lower) ? lower : type.trim();
}

async function carryOut(
  target: DiscordTarget | null,
  why: string | null,
  actor: StaffIdentity,
  request: OpenCaseRequest,
  type: string,
): Promise<DiscordActResult | null> {
  const action = carryOutActionFor(type);
  if (!action || !request.carryOutOnDiscord) return null;
  if (!target) return notAttempted(`${why} The case is only recorded.`, action);
  return actOnDiscord(target, actor, {
    action,
    userId: request.userId,
    reason: request.reason || `${type} opened in Aurora Desk`,
    ...(action === 'timeout' ? { until: new Date(Date.now() + request.durationMinutes! * 60_000) } : {}),
    deleteMessageSeconds: request.deleteMessageSeconds,
  });
}

/** Undo what Discord did when the case could not be recorded (a kick cannot be undone). */
async function compensate(target: DiscordTarget | null, actor: StaffIdentity, result: DiscordActResult | null, userId: bigint): Promise<string> {
  if (!target || !result?.outcome.ok) return '';
  const undo = result.outcome.action === 'ban' ? 'unban' : result.outcome.action === 'timeout' ? 'clear-timeout' : null;
  if (!undo) return ` The ${result.outcome.action} on Discord was done and cannot be undone.`;
  const undone = await actOnDiscord(target, actor, { action: undo, userId, reason: 'Aurora Desk could not record the case' });
  return undone.outcome.ok
    ? ` The ${result.outcome.action} on Discord was undone.`
    : ` The ${result.outcome.action} on Discord could not be undone (${undone.outcome.message}).`;
}

export async function openCase(write: StaffWrite, request: OpenCaseRequest, discord: DiscordGateway, options: OpenCaseOptions = {}): Promise<CaseActionResult> {
  const { database, actor } = write;
  const type = normaliseCaseType(request.type);
  if (type === 'timeout' && !request.durationMinutes) throw ERRORS.badRequest('A timeout needs a duration.', { durationMinutes: ['Enter a duration'] });
  const [player] = await database.db.select({ username: users.username }).from(users).where(eq(users.id, request.userId));
  const username = request.username?.trim() || player?.username || null;

  const target = discord.target();
  const discordResult = await carryOut(target, discord.status().reason, actor, request, type);
  const nextId = options.generateCaseId ?? (() => generateCaseId());
  let inserted: bigint | null = null;
  try {
    inserted = await write.transaction(async (tx) => {
      const now = await txNow(tx);
      const desk: DeskMeta = {
        v: 1,
        claim: null,
        notes: [],
        history: [{ at: now.toISOString(), by: staffStamp(actor), action: 'opened', text: request.reason ?? null }],
        discord: discordResult?.record ? [discordResult.record] : [],
        ...(type === 'timeout' && request.durationMinutes
          ? { timeout: { minutes: request.durationMinutes, until: new Date(now.getTime() + request.durationMinutes * 60_000).toISOString() } }
          : {}),
      };
      for (let attempt = 0; attempt < CASE_ID_ATTEMPTS; attempt++) {
        // ON CONFLICT DO NOTHING: a taken case_id (ours or the bot's) answers no row, not an
        // aborted transaction, and the next attempt draws a new ID.
        const [row] = await tx
          .insert(moderationCases)
          .values({
            caseId: nextId(),
            type,
            userId: request.userId,
            username,
            moderatorId: actor.id,
            moderatorName: actor.name,
            reason: request.reason || null,
            metadata: { [DESK_KEY]: desk },
            active: true,
            createdAt: now,
          })
          .onConflictDoNothing()
          .returning({ id: moderationCases.id });
        if (row) return row.id;
      }
      throw ERRORS.conflict(`Could not find a free case ID after ${CASE_ID_ATTEMPTS} attempts; try again.`);
    });
  } catch (error) {
    const undone = await compensate(target, actor, discordResult, request.userId);
    if (undone && error instanceof Error) error.message += undone;
    throw error;
  }
  forgetCounts(database);
  const outcome: DiscordOutcome | undefined = discordResult?.outcome;
  return { summary: await summaryAfterWrite(database, inserted), ...(outcome ? { discord: outcome } : {}) };
}
