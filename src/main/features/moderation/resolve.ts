/**
 * Resolving: one case or many with one reason. Each is conditional on the case still being
 * active (see case-lock.ts). An active ban or timeout can be lifted on Discord: the intent is
 * recorded with the resolution, and Discord is asked only once that transaction has committed
 * (case-discord.ts), so nobody's claim or note on the case waits for Discord.
 */
import { asc, eq, inArray } from 'drizzle-orm';
import type { BulkResolveResult, CaseActionResult, CaseSeen, DiscordOutcome } from '@shared/domain/moderation.js';
import type { StaffWrite } from '../../core/audit.js';
import type { AuroraTx } from '../../core/database.js';
import pMap from 'p-map';
import { isDeskError } from '../../core/errors.js';
import { moderationCases } from '../../db/schema.js';
import { assertStillActive, caseLabel, lockCase, type LockedCase } from './case-lock.js';
import { deskMetaUpdate, summaryAfterWrite, txNow } from './case-write.js';
import { carryOutPlanned, caseDiscordRoute, liftActionFor, notAttempted, planCaseAct, type CaseDiscordRoute, type CaseDiscordServices, type PlannedAct } from './case-discord.js';
import { isWritableMetadata, readDeskMeta, staffStamp, withHistory, withPending } from './desk-metadata.js';
import { listCasesByIds, forgetCounts } from './queues.js';

/** Discord calls of one bulk resolve in flight at once (within @discordjs/rest's own queues). */
export const BULK_DISCORD_CONCURRENCY = 4;

export interface ResolveRequest {
  id: bigint;
  expected: CaseSeen;
  reason: string;
  liftOnDiscord: boolean;
}

/** What resolving decided about Discord: nothing, why it was not tried, or what to carry out. */
interface ResolvedLift {
  planned: PlannedAct | null;
  outcome?: DiscordOutcome;
}

/** Resolves a locked, still-active case, recording the lift on Discord it asks for (if any). */
async function resolveLocked(
  tx: AuroraTx,
  write: StaffWrite,
  locked: LockedCase,
  request: { reason: string; liftOnDiscord: boolean },
  services: CaseDiscordServices,
  route: CaseDiscordRoute | null,
): Promise<ResolvedLift> {
  const { actor } = write;
  // A case that names nobody (user_id NULL) has no one to lift anything from on Discord.
  const lift = request.liftOnDiscord && locked.userId !== null ? liftActionFor(locked.type) : null;
  const now = await txNow(tx);
  let planned: PlannedAct | null = null;
  if (lift && route) {
    planned = await planCaseAct(tx, write, services, route, locked, { action: lift, reason: `Case ${caseLabel(locked)} resolved: ${request.reason}` }, now);
  }
  const set: Partial<typeof moderationCases.$inferInsert> = {
    active: false,
    resolvedAt: now,
    resolvedBy: actor.id,
    resolvedReason: request.reason,
  };
  // Metadata the bot made a non-object stays as it is: the columns hold the whole resolution
  // (and the outbox row, where there is one, what was asked of Discord).
  if (isWritableMetadata(locked.metadata)) {
    let meta = withHistory(readDeskMeta(locked.metadata), {
      at: now.toISOString(),
      by: staffStamp(actor),
      action: 'resolved',
      text: request.reason,
    });
    meta = { ...meta, claim: null };
    if (planned) meta = withPending(meta, planned.pending);
    Object.assign(set, { metadata: deskMetaUpdate(meta) });
  }
  await tx.update(moderationCases).set(set).where(eq(moderationCases.id, locked.id));
  if (lift && !route) return { planned: null, outcome: notAttempted(services.discord.status().reason, lift) };
  return { planned };
}

export async function resolveCase(write: StaffWrite, request: ResolveRequest, services: CaseDiscordServices): Promise<CaseActionResult> {
  const route = request.liftOnDiscord ? await caseDiscordRoute(services, write.database) : null;
  const decided = await write.transaction(async (tx) => {
    const locked = await lockCase(tx, request.id);
    await assertStillActive(tx, locked);
    return resolveLocked(tx, write, locked, request, services, route);
  });
  const outcome = decided.planned && route ? await carryOutPlanned(write.database, route.target.client, decided.planned, services.log) : decided.outcome;
  forgetCounts(write.database);
  return { summary: await summaryAfterWrite(write.database, request.id), ...(outcome ? { discord: outcome } : {}) };
}

/**
 * Resolves every still-active case of the selection in one transaction (rows locked in id
 * order, so two desktops bulk-resolving overlapping selections cannot deadlock). Cases another
 * moderator resolved meanwhile are skipped and reported, not a failure of the whole batch. The
 * lifts on Discord follow the commit, a few at a time.
 */
export async function bulkResolveCases(
  write: StaffWrite,
  request: { cases: { id: bigint; expected: CaseSeen }[]; reason: string; liftOnDiscord: boolean },
  services: CaseDiscordServices,
): Promise<BulkResolveResult> {
  const { database } = write;
  const ids = [...new Set(request.cases.map((c) => c.id))];
  const skipped: BulkResolveResult['skipped'] = [];
  const decisions: { id: bigint; lift: ResolvedLift }[] = [];
  const route = request.liftOnDiscord ? await caseDiscordRoute(services, database) : null;
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
      decisions.push({ id, lift: await resolveLocked(tx, write, locked, request, services, route) });
    }
  });
  // One @discordjs/rest client keeps to Discord's rate limits; this bounds how many of ours wait in its queues.
  const discordOutcomes = await pMap(
    decisions,
    async ({ id, lift }) => {
      const outcome = lift.planned && route ? await carryOutPlanned(database, route.target.client, lift.planned, services.log) : lift.outcome;
      return outcome ? { id, outcome } : null;
    },
    { concurrency: BULK_DISCORD_CONCURRENCY },
  );
  forgetCounts(database);
  const resolvedIds = decisions.map((d) => d.id);
  const resolved = resolvedIds.length ? await listCasesByIds(database, resolvedIds) : [];
  return { resolved, skipped, discord: discordOutcomes.filter((d): d is NonNullable<typeof d> => d !== null) };
}
