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
  case_id: string;
  type: string;
  user_id: string;
  username: string | null;
  moderator_id: string;
  moderator_name: string | null;
  active: boolean;
  created_at_utc: Date | string;
  created_key: string;
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
const toDateOrNull = (value: Date | string | null): Date | null => (value === null ? null : toDate(value));

export function toCaseSummary(row: SummaryRow): CaseSummary {
  const claim = toClaim(row.claim);
  const resolvedAt = toDateOrNull(row.resolved_at_utc);
  const active = Boolean(row.active);
  return {
    id: BigInt(row.id),
    caseId: row.case_id,
    type: row.type,
    userId: BigInt(row.user_id),
    username: row.username,
    moderatorId: BigInt(row.moderator_id),
    moderatorName: row.moderator_name,
    reasonExcerpt: row.reason_excerpt,
    reasonLength: Number(row.reason_length),
    active,
    createdAt: toDate(row.created_at_utc),
    resolvedAt,
    resolvedBy: row.resolved_by === null ? null : BigInt(row.resolved_by),
    resolvedReasonExcerpt: row.resolved_reason_excerpt,
    claim,
    noteCount: Number(row.note_count),
    metadataIsObject: Boolean(row.metadata_is_object),
    discordPending: readDiscordPending(row.discord_pending).map(toDiscordPending),
    seen: { active, resolvedAt, claimedById: claim?.by.id ?? null, reasonDigest: row.reason_digest },
    cursor: makeCursor(row.created_key, row.id),
  };
}
