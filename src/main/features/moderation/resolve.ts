/**
 * Resolving: one case or many with one reason. Each is conditional on the case still being
 * active (see case-lock.ts); an active ban or timeout can be lifted on Discord on the way, and
 * the case records what Discord answered.
 */
import { asc, eq, inArray } from 'drizzle-orm';
import type {
  BulkResolveResult,
  CaseActionResult,
  CaseSeen,
  DiscordOutcome,
} from '@shared/domain/moderation.js';
import type { StaffIdentity } from '@shared/identity.js';
import type { StaffWrite } from '../../core/audit.js';
import type { AuroraTx } from '../../core/database.js';
import type { DiscordGateway } from '../../core/discord/index.js';
import { isDeskError } from '../../core/errors.js';
import { moderationCases } from '../../db/schema.js';
import { assertStillActive, lockCase, type LockedCase } from './case-lock.js';
import { deskMetaUpdate, summaryAfterWrite, txNow } from './case-write.js';
import { isWritableMetadata, readDeskMeta, staffStamp, withDiscord, withHistory } from './desk-metadata.js';
import { actOnDiscord, liftActionFor, notAttempted } from './discord-actions.js';
import { listCasesByIds, forgetCounts } from './queues.js';

export interface ResolveRequest {
  id: bigint;
  expected: CaseSeen;
  reason: string;
  liftOnDiscord: boolean;
}

/** Resolves a locked, still-active case; returns what Discord did (undefined: nothing to lift). */
async function resolveLocked(
  tx: AuroraTx,
  locked: LockedCase,
  actor: StaffIdentity,
  request: { reason: string; liftOnDiscord: boolean },
  discord: DiscordGateway,
): Promise<DiscordOutcome | undefined> {
  const lift = liftActionFor(locked.type);
  let result: Awaited<ReturnType<typeof actOnDiscord>> | undefined;
  if (lift && request.liftOnDiscord) {
    const target = discord.target();
    result = target
      ? await actOnDiscord(target, actor, {
          action: lift,
          userId: locked.userId,
          reason: `Case ${locked.caseId} resolved: ${request.reason}`,
        })
      : notAttempted(discord.status().reason, lift);
  }
  const now = await txNow(tx);
  const set: Partial<typeof moderationCases.$inferInsert> = {
    active: false,
    resolvedAt: now,
    resolvedBy: actor.id,
    resolvedReason: request.reason,
  };
  // Metadata the bot made a non-object stays as it is: the columns hold the whole resolution.
  if (isWritableMetadata(locked.metadata)) {
    let meta = withHistory(readDeskMeta(locked.metadata), {
      at: now.toISOString(),
      by: staffStamp(actor),
      action: 'resolved',
      text: request.reason,
    });
    meta = withDiscord({ ...meta, claim: null }, result?.record ? [result.record] : []);
    Object.assign(set, { metadata: deskMetaUpdate(meta) });
  }
  await tx.update(moderationCases).set(set).where(eq(moderationCases.id, locked.id));
  return result?.outcome;
}

export async function resolveCase(write: StaffWrite, request: ResolveRequest, discord: DiscordGateway): Promise<CaseActionResult> {
  const outcome = await write.transaction(async (tx) => {
    const locked = await lockCase(tx, request.id);
    await assertStillActive(tx, locked);
    return resolveLocked(tx, locked, write.actor, request, discord);
  });
  forgetCounts(write.database);
  return { summary: await summaryAfterWrite(write.database, request.id), ...(outcome ? { discord: outcome } : {}) };
}

/**
 * Resolves every still-active case of the selection in one transaction (rows locked in id
 * order, so two desktops bulk-resolving overlapping selections cannot deadlock). Cases another
 * moderator resolved meanwhile are skipped and reported, not a failure of the whole batch.
 */
export async function bulkResolveCases(
  write: StaffWrite,
  request: { cases: { id: bigint; expected: CaseSeen }[]; reason: string; liftOnDiscord: boolean },
  discord: DiscordGateway,
): Promise<BulkResolveResult> {
  const { database, actor } = write;
  const ids = [...new Set(request.cases.map((c) => c.id))];
  const skipped: BulkResolveResult['skipped'] = [];
  const discordOutcomes: BulkResolveResult['discord'] = [];
  const resolvedIds: bigint[] = [];
  await write.transaction(async (tx) => {
    const present = await tx
      .select({ id: moderationCases.id })
      .from(moderationCases)
      .where(inArray(moderationCases.id, ids))
      .orderBy(asc(moderationCases.id))
      .for('update');
    const found = new Set(present.map((r) => r.id));
    for (const id of ids) if (!found.has(id)) skipped.push({ id, caseId: null, reason: 'The case no longer exists.' });
    for (const { id } of present) {
      const locked = await lockCase(tx, id);
      try {
        await assertStillActive(tx, locked);
      } catch (error) {
        if (!isDeskError(error)) throw error;
        skipped.push({ id, caseId: locked.caseId, reason: error.message });
        continue;
      }
      const outcome = await resolveLocked(tx, locked, actor, request, discord);
      if (outcome) discordOutcomes.push({ id, outcome });
      resolvedIds.push(id);
    }
  });
  forgetCounts(database);
  const resolved = resolvedIds.length ? await listCasesByIds(database, resolvedIds) : [];
  return { resolved, skipped, discord: discordOutcomes };
}
