/**
 * Raw rows (int8 as decimal strings on both drivers) into the shapes the renderer gets.
 * Nothing here trusts the bot's data: unknown types pass through, nulls stay null.
 */
import type { CaseSummary } from '@shared/domain/moderation.js';
import { readDiscordPending, toClaim, toDiscordPending } from './desk-metadata.js';
import { makeCursor } from './queue-sql.js';

/** The columns every case read returns (queue-sql.ts), bigints as decimal text. */
export interface CaseRow {
  id: string;
  case_id: string | null;
  type: string | null;
  user_id: string | null;
  username: string | null;
  moderator_id: string | null;
  moderator_name: string | null;
  active: boolean | null;
  created_at_utc: Date | string | null;
  created_key: string | null;
  resolved_at_utc: Date | string | null;
  resolved_by: string | null;
  note_count: number | string;
}

/** A queue row: the case with excerpts and what the list shows of the desk's metadata. */
export interface SummaryRow extends CaseRow {
  reason_excerpt: string | null;
  reason_length: number | string;
  resolved_reason_excerpt: string | null;
  claim: unknown;
  discord_pending: unknown;
  metadata_is_object: boolean;
  reason_digest: string;
}

export const toDate = (value: Date | string): Date => (value instanceof Date ? value : new Date(value));
export const toDateOrNull = (value: Date | string | null): Date | null => (value === null ? null : toDate(value));
export const toBigintOrNull = (value: string | number | bigint | null): bigint | null => (value === null ? null : BigInt(value));

export function toCaseSummary(row: SummaryRow): CaseSummary {
  const claim = toClaim(row.claim);
  const resolvedAt = toDateOrNull(row.resolved_at_utc);
  const active = row.active === null ? null : Boolean(row.active);
  return {
    id: BigInt(row.id),
    caseId: row.case_id,
    type: row.type,
    userId: toBigintOrNull(row.user_id),
    username: row.username,
    moderatorId: toBigintOrNull(row.moderator_id),
    moderatorName: row.moderator_name,
    reasonExcerpt: row.reason_excerpt,
    reasonLength: Number(row.reason_length),
    active,
    createdAt: toDateOrNull(row.created_at_utc),
    resolvedAt,
    resolvedBy: toBigintOrNull(row.resolved_by),
    resolvedReasonExcerpt: row.resolved_reason_excerpt,
    claim,
    noteCount: Number(row.note_count),
    metadataIsObject: Boolean(row.metadata_is_object),
    discordPending: readDiscordPending(row.discord_pending).map(toDiscordPending),
    seen: { active, resolvedAt, claimedById: claim?.by.id ?? null, reasonDigest: row.reason_digest },
    cursor: makeCursor(row.created_key, row.id),
  };
}
