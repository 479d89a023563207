/**
 * The SQL behind the queues, as text + parameters: the service runs it through
 * `database.query`, and the benchmark sends the very same text through raw `pg`.
 *
 * Every page is a keyset page on (created_at DESC, id DESC): `(created_at, id) < cursor`, never
 * OFFSET, so a page costs the same at row 1,000,000 as at row 1, and rows inserted while someone
 * pages (always newer, or at least never in between two keys already read) neither repeat nor
 * push other rows out of place. Each queue/filter has an index in that order (migrations 0004
 * and 0009); test/integration/scale-plans.test.ts checks the plans.
 */
import type { CaseFilters, ModerationQueue } from '@shared/domain/moderation.js';
import { likePattern } from '../../core/sql.js';

export interface SqlQuery {
  text: string;
  params: unknown[];
}

/** Builds "$n" placeholders in order. */
class Params {
  readonly values: unknown[] = [];
  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}

export const CLAIM_ID_SQL = `(metadata #>> '{aurora_desk,claim,id}')`;
export const EXCERPT_LENGTH = 240;

/**
 * What a list row carries: excerpts and the claim, never the whole metadata. Converted columns
 * get new names (created_at_utc): ORDER BY would otherwise pick the output alias over the
 * column and sort a million computed values instead of reading the index in order.
 */
export const SUMMARY_COLUMNS = `
  id, case_id, type, user_id, username, moderator_id, moderator_name,
  left(reason, ${EXCERPT_LENGTH}) AS reason_excerpt,
  coalesce(length(reason), 0) AS reason_length,
  active,
  created_at AT TIME ZONE 'UTC' AS created_at_utc,
  to_char(created_at, 'YYYY-MM-DD"T"HH24:MI:SS.US') AS created_key,
  resolved_at AT TIME ZONE 'UTC' AS resolved_at_utc,
  resolved_by,
  left(resolved_reason, ${EXCERPT_LENGTH}) AS resolved_reason_excerpt,
  metadata #> '{aurora_desk,claim}' AS claim,
  metadata #> '{aurora_desk,discordPending}' AS discord_pending,
  CASE WHEN jsonb_typeof(metadata #> '{aurora_desk,notes}') = 'array'
       THEN jsonb_array_length(metadata #> '{aurora_desk,notes}') ELSE 0 END AS note_count,
  jsonb_typeof(metadata) = 'object' AS metadata_is_object,
  coalesce(md5(reason), 'null') AS reason_digest`;

/** Full columns for the CSV export. */
export const EXPORT_COLUMNS = `
  id, case_id, type, user_id, username, moderator_id, moderator_name, reason, active,
  created_at AT TIME ZONE 'UTC' AS created_at_utc,
  to_char(created_at, 'YYYY-MM-DD"T"HH24:MI:SS.US') AS created_key,
  resolved_at AT TIME ZONE 'UTC' AS resolved_at_utc,
  resolved_by, resolved_reason,
  ${CLAIM_ID_SQL} AS claimed_by,
  CASE WHEN jsonb_typeof(metadata #> '{aurora_desk,notes}') = 'array'
       THEN jsonb_array_length(metadata #> '{aurora_desk,notes}') ELSE 0 END AS note_count`;

const SNOWFLAKE = /^\d{15,20}$/;

export function parseCursor(cursor: string): { createdKey: string; id: string } {
  const [createdKey, id] = cursor.split('|');
  return { createdKey: createdKey!, id: id! };
}

/** A case the bot left without created_at sorts first (DESC puts NULL first); later pages start below every date. */
export const makeCursor = (createdKey: string | null, id: string) => `${createdKey ?? 'infinity'}|${id}`;

/** Every filter but the types (a list reads them per type, a count all at once). */
function filterConditions(filters: CaseFilters, p: Params): string[] {
  const where: string[] = [];
  if (filters.moderatorId !== undefined) where.push(`moderator_id = ${p.add(filters.moderatorId.toString())}::bigint`);
  if (filters.userId !== undefined) where.push(`user_id = ${p.add(filters.userId.toString())}::bigint`);
  const target = filters.target?.trim();
  if (target) {
    if (SNOWFLAKE.test(target)) where.push(`user_id = ${p.add(target)}::bigint`);
    else where.push(`username ILIKE ${p.add(likePattern(target))}`);
  }
  if (filters.from) where.push(`created_at >= (${p.add(filters.from.toISOString())}::timestamptz AT TIME ZONE 'UTC')`);
  if (filters.to) where.push(`created_at < (${p.add(filters.to.toISOString())}::timestamptz AT TIME ZONE 'UTC')`);
  const reason = filters.reason?.trim();
  if (reason) where.push(`reason ILIKE ${p.add(likePattern(reason))}`);
  return where;
}

function queueCondition(queue: ModerationQueue): string | null {
  if (queue === 'active') return 'active = true';
  if (queue === 'resolved') return 'active = false';
  return null;
}

const typesCondition = (types: string[], p: Params) => `type = ANY(${p.add(types)}::varchar[])`;

/**
 * One branch per type, each `type = $n`: then the (type, …) and (active, type, …) indexes hand
 * rows over already in created order, so a branch stops after a page. `type = ANY(...)` cannot
 * (PostgreSQL before 17 loses the index order across array elements), and the planner walks the
 * "all cases" index filtering by type instead: a type the queue never holds (an active softban)
 * then reads every row. Returns [null] for no type filter.
 */
function typeBranches(types: string[], p: Params): (string | null)[] {
  const distinct = [...new Set(types)];
  return distinct.length ? distinct.map((type) => `type = ${p.add(type)}::varchar`) : [null];
}

/**
 * "Mine" is my work in hand: the active cases I have claimed. Cases I opened or resolved once
 * are in Recent and Resolved; a resolved case leaves Mine with its claim. The claim index
 * (0004) hands my claims over in created order.
 */
function mineBranches(actorId: bigint, p: Params): string[] {
  return [`${CLAIM_ID_SQL} = ${p.add(actorId.toString())}::text AND active = true`];
}

const ORDER = 'ORDER BY created_at DESC, id DESC';
const and = (conditions: string[]) => (conditions.length ? `WHERE ${conditions.join(' AND ')}` : '');

export interface ListQueryOptions {
  queue: ModerationQueue;
  filters: CaseFilters;
  cursor?: string | null;
  /** Down to and including this key. */
  through?: string | null;
  /** Rows to fetch (the caller asks one more than it shows, to know whether a next page exists). */
  fetch: number;
  /** Needed for the Mine queue. */
  actorId: bigint | null;
  columns?: string;
}

export function buildCaseListQuery(options: ListQueryOptions): SqlQuery {
  const p = new Params();
  const columns = options.columns ?? SUMMARY_COLUMNS;
  const common = filterConditions(options.filters, p);
  if (options.cursor) {
    const { createdKey, id } = parseCursor(options.cursor);
    common.push(`(created_at, id) < (${p.add(createdKey)}::timestamp, ${p.add(id)}::bigint)`);
  }
  if (options.through) {
    const { createdKey, id } = parseCursor(options.through);
    common.push(`(created_at, id) >= (${p.add(createdKey)}::timestamp, ${p.add(id)}::bigint)`);
  }
  const limit = p.add(options.fetch);
  let queues: (string | null)[];
  if (options.queue === 'mine') {
    if (options.actorId === null) throw new Error('The Mine queue needs a staff identity');
    queues = mineBranches(options.actorId, p);
  } else {
    queues = [queueCondition(options.queue)];
  }
  const types = typeBranches(options.filters.types, p);
  const branches = queues.flatMap((queue) => types.map((type) => [queue, type, ...common].filter((c): c is string => c !== null)));
  if (branches.length === 1) {
    return { text: `SELECT ${columns} FROM moderation_cases ${and(branches[0]!)} ${ORDER} LIMIT ${limit}`, params: p.values };
  }
  // One index-ordered, limited branch per type, merged: an ANY would read every match and sort
  // them all.
  const picked = branches.map((branch) => `(SELECT id, created_at FROM moderation_cases ${and(branch)} ${ORDER} LIMIT ${limit})`);
  return {
    text: `WITH picked AS (${picked.join(' UNION ')})
      SELECT ${columns} FROM moderation_cases
       WHERE id IN (SELECT id FROM picked ${ORDER} LIMIT ${limit})
       ${ORDER}`,
    params: p.values,
  };
}

/** Cases by id, in the list's row shape. */
export function buildCasesByIdQuery(ids: bigint[]): SqlQuery {
  return {
    text: `SELECT ${SUMMARY_COLUMNS} FROM moderation_cases WHERE id = ANY($1::bigint[]) ${ORDER}`,
    params: [ids.map(String)],
  };
}

/** Counts by (type, active) for the filters: gives Active, Resolved, Recent and their types. */
export function buildCountsQuery(filters: CaseFilters): SqlQuery {
  const p = new Params();
  const where = filterConditions(filters, p);
  if (filters.types.length) where.unshift(typesCondition(filters.types, p));
  return {
    text: `SELECT type, active, count(*)::int AS n FROM moderation_cases ${and(where)} GROUP BY type, active`,
    params: p.values,
  };
}

export function buildMineCountsQuery(filters: CaseFilters, actorId: bigint): SqlQuery {
  const p = new Params();
  const where = filterConditions(filters, p);
  if (filters.types.length) where.unshift(typesCondition(filters.types, p));
  const mine = `(${mineBranches(actorId, p).join(' OR ')})`;
  return {
    text: `SELECT type, count(*)::int AS n FROM moderation_cases ${and([mine, ...where])} GROUP BY type`,
    params: p.values,
  };
}
