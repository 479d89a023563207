/**
 * The detail panel: every field, the metadata (readable and raw, exact digits), the target's
 * player profile or 'not a player', the target's case history with counts, the timeline.
 */
import type { CaseDetail, CaseSummary, DiscordPending, TargetProfile, TypeCount } from '@shared/domain/moderation.js';
import type { AuroraDatabase } from '../../core/database.js';
import { hasDiscordOutbox, unsettledIntentsOf } from '../../core/discord/index.js';
import { ERRORS } from '../../core/errors.js';
import { CASE_SUBJECT } from './case-discord.js';
import { metadataKind, readDeskMeta, toDiscordRecord } from './desk-metadata.js';
import { parseJsonExact, stringifyJsonExact } from './json-text.js';
import { buildCaseListQuery, SUMMARY_COLUMNS } from './queue-sql.js';
import { toBigintOrNull, toCaseSummary, toDateOrNull, type SummaryRow } from './rows.js';
import { buildTimeline } from './timeline.js';
import { withCurrentModeratorNames } from './queues.js';

/** Metadata above this many bytes is shown raw (its first bytes), not parsed. */
export const METADATA_DISPLAY_CAP = 256 * 1024;
export const TARGET_HISTORY_LIMIT = 100;

interface DetailRow extends SummaryRow {
  reason: string | null;
  resolved_reason: string | null;
  metadata_text: string | null;
  metadata_head: string;
  metadata_bytes: number | string;
  desk_text: string | null;
  bot_keys: string[] | null;
}

async function readCaseRow(database: AuroraDatabase, id: bigint): Promise<DetailRow> {
  // Metadata travels as text and is parsed here with exact integers (json-text.ts).
  const { rows } = await database.query<DetailRow>(
    `SELECT ${SUMMARY_COLUMNS}, reason, resolved_reason,
            coalesce(octet_length(metadata::text), 0) AS metadata_bytes,
            -- A NULL column reads as an empty (null) metadata, not as one too large to show.
            CASE WHEN metadata IS NULL THEN 'null' WHEN octet_length(metadata::text) <= $2 THEN metadata::text END AS metadata_text,
            left(metadata::text, $3) AS metadata_head,
            (metadata -> 'aurora_desk')::text AS desk_text,
            CASE WHEN jsonb_typeof(metadata) = 'object'
                 THEN ARRAY(SELECT k FROM jsonb_object_keys(metadata) AS k WHERE k <> 'aurora_desk' ORDER BY k) END AS bot_keys
       FROM moderation_cases WHERE id = $1::bigint`,
    [id.toString(), METADATA_DISPLAY_CAP, 16 * 1024],
  );
  if (!rows[0]) throw ERRORS.notFound(`Case #${id}`);
  return rows[0];
}

export async function readTargetProfile(database: AuroraDatabase, userId: bigint): Promise<TargetProfile> {
  const { rows } = await database.query<{
    username: string | null;
    level: number | null;
    xp: string | null;
    balance: string | null;
    is_active: boolean | null;
    created_at: Date | string | null;
    class_name: string | null;
  }>(
    `SELECT u.username, u.level, u.xp, u.balance, u.is_active, u.created_at AT TIME ZONE 'UTC' AS created_at, c.name AS class_name
       FROM users u LEFT JOIN classes c ON c.id = u.class_id
      WHERE u.id = $1::bigint`,
    [userId.toString()],
  );
  const u = rows[0];
  if (!u) return { kind: 'not-a-player' };
  return {
    kind: 'player',
    username: u.username,
    className: u.class_name,
    level: u.level === null ? null : Number(u.level),
    xp: toBigintOrNull(u.xp),
    balance: toBigintOrNull(u.balance),
    isActive: u.is_active === null ? null : Boolean(u.is_active),
    createdAt: toDateOrNull(u.created_at),
  };
}

export async function readTargetHistory(
  database: AuroraDatabase,
  userId: bigint,
  limit = TARGET_HISTORY_LIMIT,
): Promise<{ total: number; counts: TypeCount[]; cases: CaseSummary[] }> {
  const counted = await database.query<{ type: string; n: number | string }>(
    `SELECT type, count(*)::int AS n FROM moderation_cases WHERE user_id = $1::bigint GROUP BY type ORDER BY n DESC, type`,
    [userId.toString()],
  );
  const counts = counted.rows.map((r) => ({ type: r.type, count: Number(r.n) }));
  const list = buildCaseListQuery({ queue: 'recent', filters: { types: [], userId }, fetch: limit, actorId: null });
  const { rows } = await database.query<SummaryRow>(list.text, list.params);
  return { total: counts.reduce((a, c) => a + c.count, 0), counts, cases: rows.map(toCaseSummary) };
}

/**
 * A case whose metadata the desk may not write (the bot made it something else) keeps its
 * unknown Discord outcomes only on the outbox: read them from there for the detail panel.
 */
async function pendingOnOutbox(database: AuroraDatabase, id: bigint): Promise<DiscordPending[]> {
  if (!(await hasDiscordOutbox(database))) return [];
  return (await unsettledIntentsOf(database.db, CASE_SUBJECT, id)).map((intent) => ({
    key: intent.id.toString(),
    action: intent.action,
    at: intent.requestedAt,
    by: { id: intent.actor.id, name: intent.actor.name },
    state: intent.state === 'unknown' ? 'unknown' : 'pending',
    message: intent.errorMessage,
    until: intent.until,
  }));
}

async function resolverName(database: AuroraDatabase, resolvedBy: bigint | null, deskName: string | null): Promise<string | null> {
  if (resolvedBy === null) return null;
  if (deskName) return deskName;
  const { rows } = await database.query<{ username: string }>('SELECT username FROM users WHERE id = $1::bigint', [resolvedBy.toString()]);
  return rows[0]?.username ?? null;
}

export async function getCaseDetail(database: AuroraDatabase, id: bigint): Promise<CaseDetail> {
  const row = await readCaseRow(database, id);
  const summary = toCaseSummary(row);
  const deskUnwritable = !summary.metadataIsObject || (row.desk_text !== null && !row.desk_text.trimStart().startsWith('{'));
  if (deskUnwritable) summary.discordPending = await pendingOnOutbox(database, id);
  const bytes = Number(row.metadata_bytes);
  const tooLarge = row.metadata_text === null;
  const metadata = tooLarge ? null : parseJsonExact(row.metadata_text!);
  // The desk's own namespace is read even when the whole metadata is too large to show.
  const meta = readDeskMeta({ aurora_desk: row.desk_text ? parseJsonExact(row.desk_text) : undefined });
  const lastResolved = meta.history.filter((h) => h.action === 'resolved' && h.by.id === summary.resolvedBy?.toString()).at(-1);
  const [target, targetHistory, resolvedByName, [named]] = await Promise.all([
    summary.userId === null ? ({ kind: 'not-a-player' } as const) : readTargetProfile(database, summary.userId),
    summary.userId === null ? { total: 0, counts: [], cases: [] } : readTargetHistory(database, summary.userId),
    resolverName(database, summary.resolvedBy, lastResolved?.by.name ?? null),
    withCurrentModeratorNames(database, [summary]),
  ]);
  return {
    summary: named ?? summary,
    reason: row.reason,
    resolvedReason: row.resolved_reason,
    resolvedByName,
    metadataKind: tooLarge ? 'too-large' : metadataKind(metadata),
    metadata,
    metadataRaw: tooLarge ? `${row.metadata_head}…` : stringifyJsonExact(metadata),
    metadataBytes: bytes,
    botMetadataKeys: row.bot_keys ?? [],
    timeline: buildTimeline(
      {
        createdAt: summary.createdAt,
        moderatorId: summary.moderatorId,
        moderatorName: summary.moderatorName,
        reason: row.reason,
        active: summary.active,
        resolvedAt: summary.resolvedAt,
        resolvedBy: summary.resolvedBy,
        resolvedByName,
        resolvedReason: row.resolved_reason,
      },
      meta,
    ),
    discord: meta.discord.map(toDiscordRecord),
    target,
    targetHistory,
  };
}
