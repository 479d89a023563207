/**
 * The conflict rule. An action locks the case row (SELECT ... FOR UPDATE), compares it with what
 * the moderator saw (`expected`, a CaseSeen), and only then writes, in the same transaction:
 *
 *   resolve          the case is still active          else CONFLICT: resolved by whom, when
 *   reopen           still resolved, same resolved_at  else CONFLICT: reopened / re-resolved by whom
 *   edit reason      the reason is still the one seen  else CONFLICT with the current reason
 *   claim            still active, claim still as seen else CONFLICT: claimed by whom, since when
 *   unclaim          claim still as seen               else CONFLICT (already unclaimed: no-op)
 *   note             nothing (notes only append)
 */
import { eq, sql } from 'drizzle-orm';
import type { CaseSeen } from '@shared/domain/moderation.js';
import type { AuroraTx } from '../../core/database.js';
import { moderationCases, users } from '../../db/schema.js';
import { ERRORS } from '../../core/errors.js';
import { readDeskMeta, type HistoryAction } from './desk-metadata.js';

type CaseColumns = typeof moderationCases.$inferSelect;

/** The bot's case id, or the row id where the bot left case_id NULL. */
export const caseLabel = (locked: { id: bigint; caseId: string | null }) => locked.caseId ?? `#${locked.id}`;

/** The case row as an action sees it under its lock, with a digest of the reason to compare. */
export type LockedCase = Pick<
  CaseColumns,
  'id' | 'caseId' | 'type' | 'userId' | 'username' | 'moderatorId' | 'active' | 'resolvedAt' | 'resolvedBy' | 'resolvedReason' | 'reason'
> & { reasonDigest: string; metadata: unknown };

export async function lockCase(tx: AuroraTx, id: bigint): Promise<LockedCase> {
  const [row] = await tx
    .select({
      id: moderationCases.id,
      caseId: moderationCases.caseId,
      type: moderationCases.type,
      userId: moderationCases.userId,
      username: moderationCases.username,
      moderatorId: moderationCases.moderatorId,
      active: moderationCases.active,
      resolvedAt: moderationCases.resolvedAt,
      resolvedBy: moderationCases.resolvedBy,
      resolvedReason: moderationCases.resolvedReason,
      reason: moderationCases.reason,
      reasonDigest: sql<string>`coalesce(md5(${moderationCases.reason}), 'null')`,
      metadata: moderationCases.metadata,
    })
    .from(moderationCases)
    .where(eq(moderationCases.id, id))
    .for('update');
  if (!row) throw ERRORS.notFound(`Case #${id}`);
  return row;
}

/** Same instant to the millisecond (both sides come from the same column, truncated alike). */
export const sameInstant = (a: Date | null, b: Date | null) =>
  a === null || b === null ? a === b : Math.floor(a.getTime()) === Math.floor(b.getTime());

const when = (at: Date | null | undefined) => (at ? `${at.toISOString().replace('T', ' ').slice(0, 19)} UTC` : 'an unknown time');

/** "Name (id)" for a staff ID: the desk's own record first, then the players table. */
export async function staffLabel(tx: AuroraTx, id: bigint | null, knownName?: string | null): Promise<string> {
  if (id === null) return 'the bot (no resolver recorded)';
  let name = knownName ?? null;
  if (!name) {
    const [user] = await tx.select({ username: users.username }).from(users).where(eq(users.id, id));
    name = user?.username ?? null;
  }
  return name ? `${name} (${id})` : `${id}`;
}

/** The newest desk history entry for an action, to name who did it. */
function lastDeskEntry(locked: LockedCase, action: HistoryAction) {
  return readDeskMeta(locked.metadata).history.filter((h) => h.action === action).at(-1);
}

function conflict(message: string, changedBy: string, changedAt: Date | null, current: Record<string, unknown>) {
  return ERRORS.conflict(message, { changedBy, changedAt: changedAt?.toISOString(), current });
}

const currentState = (locked: LockedCase) => ({
  caseId: locked.caseId,
  active: locked.active,
  resolvedAt: locked.resolvedAt?.toISOString() ?? null,
  resolvedBy: locked.resolvedBy?.toString() ?? null,
  reason: locked.reason,
  claimedBy: readDeskMeta(locked.metadata).claim,
});

export async function resolvedConflict(tx: AuroraTx, locked: LockedCase) {
  const entry = lastDeskEntry(locked, 'resolved');
  const who = await staffLabel(tx, locked.resolvedBy, entry && entry.by.id === locked.resolvedBy?.toString() ? entry.by.name : null);
  return conflict(
    `Case ${caseLabel(locked)} was already resolved by ${who} at ${when(locked.resolvedAt)}.`,
    who,
    locked.resolvedAt,
    currentState(locked),
  );
}

/**
 * Active, or `active` NULL with no resolution recorded: the bot never said the case ended, so it
 * is still open to resolve (resolving writes `active = false`, which settles it).
 */
export async function assertStillActive(tx: AuroraTx, locked: LockedCase): Promise<void> {
  const open = locked.active === true || (locked.active === null && locked.resolvedAt === null);
  if (!open) throw await resolvedConflict(tx, locked);
}

export async function assertStillResolvedAsSeen(tx: AuroraTx, locked: LockedCase, expected: CaseSeen): Promise<void> {
  if (locked.active !== false) {
    const entry = lastDeskEntry(locked, 'reopened');
    const who = entry ? `${entry.by.name} (${entry.by.id})` : 'someone outside Aurora Desk';
    const at = entry ? new Date(entry.at) : null;
    throw conflict(`Case ${caseLabel(locked)} was already reopened by ${who} at ${when(at)}.`, who, at, currentState(locked));
  }
  if (!sameInstant(locked.resolvedAt, expected.resolvedAt)) {
    throw await resolvedConflict(tx, locked);
  }
}

export function assertReasonAsSeen(locked: LockedCase, expected: CaseSeen): void {
  if (locked.reasonDigest === expected.reasonDigest) return;
  const entry = lastDeskEntry(locked, 'reason-edited');
  const who = entry ? `${entry.by.name} (${entry.by.id})` : 'someone outside Aurora Desk';
  const at = entry ? new Date(entry.at) : null;
  throw conflict(
    `The reason of case ${caseLabel(locked)} was changed by ${who} at ${when(at)} since you opened it. Compare it with yours and try again.`,
    who,
    at,
    currentState(locked),
  );
}

/** Claim as seen; returns true when the current claim already is the one asked for (no-op). */
export function assertClaimAsSeen(locked: LockedCase, expected: CaseSeen, wanted: bigint | null): boolean {
  const claim = readDeskMeta(locked.metadata).claim;
  const current = claim ? BigInt(claim.id) : null;
  if (current === wanted) return true;
  if (current === expected.claimedById) return false;
  if (claim) {
    const who = `${claim.name} (${claim.id})`;
    throw conflict(`Case ${caseLabel(locked)} is claimed by ${who} since ${when(new Date(claim.at))}.`, who, new Date(claim.at), currentState(locked));
  }
  const entry = lastDeskEntry(locked, 'unclaimed');
  const who = entry ? `${entry.by.name} (${entry.by.id})` : 'someone else';
  const at = entry ? new Date(entry.at) : null;
  throw conflict(`Case ${caseLabel(locked)} was unclaimed by ${who} at ${when(at)}.`, who, at, currentState(locked));
}
