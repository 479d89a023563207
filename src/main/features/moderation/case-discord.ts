/**
 * A case's actions on Discord (timeout, kick or ban when it is opened; unban or clear a timeout
 * when it is resolved), through the Discord outbox (core/discord/outbox.ts):
 *
 *   1. in the case write's own transaction: the outbox row, pending, and a `discordPending`
 *      entry in the case's metadata (the write's audit row notes it pending too);
 *   2. once that transaction has committed, and holding no lock: the call;
 *   3. in a short transaction of its own: Discord's answer on the outbox row, the audit row and
 *      the case (the pending entry becomes a `discord` record, or stays, marked unknown).
 *
 * A desk that stops between 1 and 3 leaves the case showing "Discord outcome unknown"; the next
 * desk to start asks Discord what is true (reconcile.ts), and staff can ask again (retry.ts).
 */
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { DiscordOutcome, DiscordRecord } from '@shared/domain/moderation.js';
import type { StaffIdentity } from '@shared/identity.js';
import type { StaffWrite } from '../../core/audit.js';
import type { AuroraDatabase, AuroraTx } from '../../core/database.js';
import {
  hasDiscordOutbox,
  performMemberAction,
  recordIntent,
  settleIntent,
  type DiscordClient,
  type DiscordResult,
  type DiscordTarget,
  type RecordedIntent,
} from '../../core/discord/index.js';
import type { Logger } from '../../core/log.js';
import type { DeskServices } from '../../core/services.js';
import type { OutboxState } from '../../db/desk/tables.js';
import { moderationCases } from '../../db/schema.js';
import { deskMetaUpdate } from './case-write.js';
import {
  isWritableMetadata,
  readDeskMeta,
  staffStamp,
  withDiscord,
  withoutPending,
  withPending,
  type DeskMeta,
  type StoredDiscord,
  type StoredPending,
} from './desk-metadata.js';

export type DiscordAct = DiscordRecord['action'];

/** The outbox's name for what a case's actions are for. */
export const CASE_SUBJECT = 'moderation_case';

/** What a case's Discord work takes from the desk's services. */
export type CaseDiscordServices = Pick<DeskServices, 'discord' | 'run' | 'log' | 'clock'>;

export interface CaseRef {
  id: bigint;
  caseId: string;
  userId: bigint;
}

export interface DiscordAsk {
  action: DiscordAct;
  /** Why, in the staff member's words; Discord's audit log also gets who it was. */
  reason: string;
  until?: Date | null;
  deleteMessageSeconds?: number;
}

/** An action decided in a case write, to be carried out once that write has committed. */
export interface PlannedAct {
  caseRowId: bigint;
  intent: RecordedIntent;
  pending: StoredPending;
}

/**
 * Where this call's Discord actions go: the server, and whether the database has the outbox.
 * Asked before the case's transaction begins (asking the database inside it would wait for that
 * very transaction on PGlite's single connection). Null when Discord is not usable.
 */
export interface CaseDiscordRoute {
  target: DiscordTarget;
  withOutbox: boolean;
}

export async function caseDiscordRoute(services: CaseDiscordServices, database: AuroraDatabase): Promise<CaseDiscordRoute | null> {
  const target = services.discord.target();
  return target ? { target, withOutbox: await hasDiscordOutbox(database) } : null;
}

export const notAttempted = (message: string | null, action: DiscordAct | null = null): DiscordOutcome => ({
  attempted: false,
  ok: false,
  action,
  message,
});

const auditReason = (reason: string, actor: StaffIdentity) => `${reason} (by ${actor.name} via Aurora Desk)`;

/**
 * Step 1, inside the case write's transaction: the intent on the outbox, and the entry the
 * caller adds to the case's `discordPending` with the rest of its metadata change.
 */
export async function planCaseAct(
  tx: AuroraTx,
  write: StaffWrite,
  services: CaseDiscordServices,
  route: CaseDiscordRoute,
  kase: CaseRef,
  ask: DiscordAsk,
  at: Date,
): Promise<PlannedAct> {
  const { target, withOutbox } = route;
  const intent = await recordIntent(
    tx,
    withOutbox,
    {
      action: ask.action,
      guildId: target.guildId,
      userId: kase.userId,
      reason: auditReason(ask.reason, write.actor),
      until: ask.until ?? null,
      deleteMessageSeconds: ask.action === 'ban' ? (ask.deleteMessageSeconds ?? 0) : null,
      subject: CASE_SUBJECT,
      subjectId: kase.id,
      subjectLabel: `case ${kase.caseId}`,
      actor: write.actor,
      auditId: withOutbox ? await write.auditRow(tx) : null,
      requestedAt: at,
    },
    services.run,
  );
  return { caseRowId: kase.id, intent, pending: pendingEntry(intent, intent.id?.toString() ?? `local-${randomUUID()}`) };
}

export function pendingEntry(intent: RecordedIntent, key: string): StoredPending {
  return {
    key,
    at: intent.requestedAt.toISOString(),
    by: staffStamp(intent.actor),
    action: intent.action,
    reason: intent.reason,
    ...(intent.until ? { until: intent.until.toISOString() } : {}),
    ...(intent.deleteMessageSeconds !== null ? { deleteMessageSeconds: intent.deleteMessageSeconds } : {}),
    state: 'pending',
  };
}

/** What the staff member is told about an action's outcome. */
export function outcomeOf(action: DiscordAct, result: DiscordResult, recorded = true): DiscordOutcome {
  const unrecorded = recorded ? '' : ' Aurora Desk could not record this, so the case shows the outcome as unknown until it is checked.';
  if (result.state === 'ok') return { attempted: true, ok: true, action, message: recorded ? null : unrecorded.trim() };
  const message = `${result.message}${unrecorded}`;
  return result.state === 'unknown' ? { attempted: true, ok: false, action, message, unknown: true } : { attempted: true, ok: false, action, message };
}

/**
 * Steps 2 and 3, after the case write has committed: the call, then its answer recorded. A
 * failure to record is logged and said, not thrown: the change itself is committed, and the
 * pending entry it leaves is the honest record until a desk checks.
 */
export async function carryOutPlanned(database: AuroraDatabase, client: DiscordClient, planned: PlannedAct, log: Logger): Promise<DiscordOutcome> {
  const { intent } = planned;
  const result = await performMemberAction(client, intent);
  try {
    const recorded = await recordCaseOutcome(database, planned.caseRowId, intent, planned.pending.key, result, { state: 'pending' });
    if (!recorded) log.info("Discord answered after another desk had settled the outbox row; its record stands", { outbox: String(intent.id), action: intent.action });
    return outcomeOf(intent.action, result);
  } catch (error) {
    log.warn('could not record what Discord answered', { outbox: String(intent.id), case: String(planned.caseRowId), action: intent.action, state: result.state, error: String(error) });
    return outcomeOf(intent.action, result, false);
  }
}

/**
 * An outcome (an answer, or what a check found) on the outbox row, its audit row and the case,
 * in one short transaction, if the outbox row is still as `expected`. Returns whether it was.
 */
export async function recordCaseOutcome(
  database: AuroraDatabase,
  caseRowId: bigint,
  intent: RecordedIntent,
  key: string,
  result: DiscordResult,
  expected: { state: OutboxState; learnedBy?: 'answer' | 'check' | null },
): Promise<boolean> {
  return database.db.transaction(async (tx) => {
    if (!(await settleIntent(tx, intent, result, expected))) return false;
    const [row] = await tx.select({ metadata: moderationCases.metadata }).from(moderationCases).where(eq(moderationCases.id, caseRowId)).for('update');
    // A deleted case, or metadata the bot made something else: the outbox row is the record.
    if (!row || !isWritableMetadata(row.metadata)) return true;
    await tx
      .update(moderationCases)
      .set({ metadata: deskMetaUpdate(settledMeta(readDeskMeta(row.metadata), key, intent, result)) })
      .where(eq(moderationCases.id, caseRowId));
    return true;
  });
}

function settledMeta(meta: DeskMeta, key: string, intent: RecordedIntent, result: DiscordResult): DeskMeta {
  if (result.state === 'unknown') {
    const pending = meta.discordPending.find((p) => p.key === key) ?? pendingEntry(intent, key);
    return withPending(meta, { ...pending, state: 'unknown', message: result.message });
  }
  const record: StoredDiscord = {
    at: intent.requestedAt.toISOString(),
    by: staffStamp(intent.actor),
    action: intent.action,
    ok: result.state === 'ok',
    until: intent.until?.toISOString() ?? null,
    ...(result.state === 'failed' ? { error: result.message, errorKind: result.errorKind } : {}),
    ...(result.learnedBy === 'check' ? { checked: true } : {}),
  };
  const settled = withDiscord(withoutPending(meta, key), [record]);
  // A refusal Discord may take back (a permission granted, a limit passed) stays on the case, to retry.
  if (result.state === 'failed' && result.learnedBy === 'answer' && RETRYABLE_REFUSALS.has(result.errorKind)) {
    const pending = meta.discordPending.find((p) => p.key === key) ?? pendingEntry(intent, key);
    return withPending(settled, { ...pending, state: 'refused', message: result.message });
  }
  return settled;
}

const RETRYABLE_REFUSALS = new Set(['missing-permissions', 'missing-access', 'rate-limited', 'unavailable', 'rejected', 'invalid-token']);

/** The action that lifts a case of this type on Discord, if any. */
export function liftActionFor(type: string | null): DiscordAct | null {
  if (type === null) return null;
  const t = type.toLowerCase();
  if (t === 'ban') return 'unban';
  if (t === 'timeout') return 'clear-timeout';
  return null;
}

/** The action that carries out a newly opened case of this type, if any. */
export function carryOutActionFor(type: string): Extract<DiscordAct, 'timeout' | 'kick' | 'ban'> | null {
  const t = type.toLowerCase();
  return t === 'timeout' || t === 'kick' || t === 'ban' ? t : null;
}
