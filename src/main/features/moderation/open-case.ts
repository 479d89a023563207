/**
 * Opening a case from the desk: warn, timeout, kick, ban, note or a custom type, with username
 * snapshots and a desk case ID (case-id.ts). A timeout, kick or ban can be carried out on Discord.
 *
 * The case comes first: it is inserted with the Discord action as a pending intent, that
 * transaction commits, and only then is Discord asked (case-discord.ts). Whatever happens after
 * the commit, the desk has an honest record: if the desk stops before Discord's answer is
 * written, the case exists and says "Discord outcome unknown" (and a desk that starts checks what
 * Discord shows). Asking Discord first would leave a ban nobody can see if the desk stopped
 * before its case was written, and would need undoing on Discord when the insert failed.
 */
import { eq } from 'drizzle-orm';
import { knownCaseTypes, type CaseActionResult, type DiscordOutcome } from '@shared/domain/moderation.js';
import type { StaffWrite } from '../../core/audit.js';
import { ERRORS } from '../../core/errors.js';
import { moderationCases, users } from '../../db/schema.js';
import { CASE_ID_ATTEMPTS, generateCaseId } from './case-id.js';
import { deskMetaUpdate, storedDeskMeta, summaryAfterWrite, txNow } from './case-write.js';
import { carryOutActionFor, carryOutPlanned, caseDiscordRoute, notAttempted, planCaseAct, type CaseDiscordServices, type PlannedAct } from './case-discord.js';
import { DESK_KEY, staffStamp, withPending, type DeskMeta } from './desk-metadata.js';
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

export async function openCase(write: StaffWrite, request: OpenCaseRequest, services: CaseDiscordServices, options: OpenCaseOptions = {}): Promise<CaseActionResult> {
  const { database, actor } = write;
  const type = normaliseCaseType(request.type);
  if (type === 'timeout' && !request.durationMinutes) throw ERRORS.badRequest('A timeout needs a duration.', { durationMinutes: ['Enter a duration'] });
  const [player] = await database.db.select({ username: users.username }).from(users).where(eq(users.id, request.userId));
  const username = request.username?.trim() || player?.username || null;

  const action = request.carryOutOnDiscord ? carryOutActionFor(type) : null;
  const route = action ? await caseDiscordRoute(services, database) : null;
  const nextId = options.generateCaseId ?? (() => generateCaseId());
  const { id: inserted, planned } = await write.transaction(async (tx) => {
    const now = await txNow(tx);
    const until = type === 'timeout' && request.durationMinutes ? new Date(now.getTime() + request.durationMinutes * 60_000) : null;
    let desk: DeskMeta = {
      v: 1,
      claim: null,
      notes: [],
      history: [{ at: now.toISOString(), by: staffStamp(actor), action: 'opened', text: request.reason ?? null }],
      discord: [],
      discordPending: [],
      ...(until ? { timeout: { minutes: request.durationMinutes!, until: until.toISOString() } } : {}),
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
          metadata: { [DESK_KEY]: storedDeskMeta(desk) },
          active: true,
          createdAt: now,
        })
        .onConflictDoNothing()
        .returning({ id: moderationCases.id, caseId: moderationCases.caseId });
      if (!row) continue;
      let act: PlannedAct | null = null;
      if (action && route) {
        const ask = { action, reason: request.reason || `${type} opened in Aurora Desk`, until, deleteMessageSeconds: request.deleteMessageSeconds };
        act = await planCaseAct(tx, write, services, route, { id: row.id, caseId: row.caseId, userId: request.userId }, ask, now);
        desk = withPending(desk, act.pending);
        await tx.update(moderationCases).set({ metadata: deskMetaUpdate(desk) }).where(eq(moderationCases.id, row.id));
      }
      return { id: row.id, planned: act };
    }
    throw ERRORS.conflict(`Could not find a free case ID after ${CASE_ID_ATTEMPTS} attempts; try again.`);
  });
  let outcome: DiscordOutcome | undefined;
  if (planned && route) outcome = await carryOutPlanned(database, route.target.client, planned, services.log);
  else if (action && !route) outcome = notAttempted(`${services.discord.status().reason} The case is only recorded.`, action);
  forgetCounts(database);
  return { summary: await summaryAfterWrite(database, inserted), ...(outcome ? { discord: outcome } : {}) };
}

