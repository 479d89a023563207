/**
 * Asking Discord again for a case's action whose outcome is unknown, or that Discord refused
 * (the `d` key, "Retry on Discord"). Under the case's lock, the old attempt is closed as retried and a new one recorded
 * with the same action and audit-log reason; the call follows the commit like any other
 * (case-discord.ts), and its answer settles the case.
 */
import { eq } from 'drizzle-orm';
import type { CaseActionResult } from '@shared/domain/moderation.js';
import type { StaffWrite } from '../../core/audit.js';
import { hasDiscordOutbox, lockIntent, markRetried, recordIntent, type StoredIntent } from '../../core/discord/index.js';
import { ERRORS } from '../../core/errors.js';
import { moderationCases } from '../../db/schema.js';
import { lockCase } from './case-lock.js';
import { deskMetaUpdate, summaryAfterWrite, txNow } from './case-write.js';
import { CASE_SUBJECT, carryOutPlanned, pendingEntry, type CaseDiscordServices, type PlannedAct } from './case-discord.js';
import { isWritableMetadata, readDeskMeta, withoutPending, withPending, type StoredPending } from './desk-metadata.js';

const outboxKey = /^\d{1,19}$/;
const utc = (at: Date) => `${at.toISOString().replace('T', ' ').slice(0, 19)} UTC`;

export async function retryCaseDiscord(write: StaffWrite, input: { id: bigint; key: string }, services: CaseDiscordServices): Promise<CaseActionResult> {
  const target = services.discord.require();
  const withOutbox = await hasDiscordOutbox(write.database);
  const planned = await write.transaction(async (tx): Promise<PlannedAct> => {
    const locked = await lockCase(tx, input.id);
    const meta = readDeskMeta(locked.metadata);
    const pending: StoredPending | null = meta.discordPending.find((p) => p.key === input.key) ?? null;
    let stored: StoredIntent | null = null;
    if (withOutbox && outboxKey.test(input.key)) {
      stored = await lockIntent(tx, BigInt(input.key));
      if (stored && (stored.subject !== CASE_SUBJECT || stored.subjectId !== locked.id)) stored = null;
    }
    const refused = pending?.state === 'refused';
    const open = stored ? stored.state === 'pending' || stored.state === 'unknown' || (stored.state === 'failed' && refused) : pending !== null;
    if (!open) {
      const what = stored ? `already ${stored.state === 'retried' ? 'retried' : `recorded as ${stored.state}`}` : 'already recorded';
      throw ERRORS.conflict(`Discord's outcome for this action on case ${locked.caseId} was ${what} (by another desk, or a check when a desk started).`, {
        current: { caseId: locked.caseId, key: input.key, state: stored?.state ?? null },
      });
    }
    const action = stored?.action ?? pending!.action;
    // A refusal retried later: only while the case still asks for it (a ban while active, a lift once resolved).
    if (refused && (action === 'unban' || action === 'clear-timeout') === locked.active) {
      throw ERRORS.conflict(`Case ${locked.caseId} is ${locked.active ? 'active' : 'resolved'} now, so the refused action is no longer what it asks for on Discord.`, {
        current: { caseId: locked.caseId, key: input.key, active: locked.active },
      });
    }
    const untilText = pending?.until ?? null;
    const until = stored ? stored.until : untilText ? new Date(untilText) : null;
    const now = await txNow(tx);
    if (action === 'timeout' && until && until <= now) {
      throw ERRORS.badRequest(`The timeout of case ${locked.caseId} would have ended at ${utc(until)}: there is nothing left to carry out on Discord.`);
    }
    const intent = await recordIntent(
      tx,
      withOutbox,
      {
        action,
        guildId: stored?.guildId ?? target.guildId,
        userId: stored?.userId ?? locked.userId,
        // The reason Discord's audit log was to get the first time: the same action, asked again.
        reason: stored?.reason ?? pending!.reason,
        until,
        deleteMessageSeconds: stored ? stored.deleteMessageSeconds : (pending?.deleteMessageSeconds ?? null),
        subject: CASE_SUBJECT,
        subjectId: locked.id,
        subjectLabel: `case ${locked.caseId}`,
        actor: write.actor,
        auditId: withOutbox ? await write.auditRow(tx) : null,
        requestedAt: now,
      },
      services.run,
    );
    if (stored) await markRetried(tx, stored, intent);
    const next = pendingEntry(intent, intent.id?.toString() ?? `${input.key}-retry-${now.getTime()}`);
    if (isWritableMetadata(locked.metadata)) {
      await tx
        .update(moderationCases)
        .set({ metadata: deskMetaUpdate(withPending(withoutPending(meta, input.key), next)) })
        .where(eq(moderationCases.id, locked.id));
    }
    return { caseRowId: locked.id, intent, pending: next };
  });
  const outcome = await carryOutPlanned(write.database, target.client, planned, services.log);
  return { summary: await summaryAfterWrite(write.database, input.id), discord: outcome };
}
