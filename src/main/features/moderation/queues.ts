/** The queues: pages, counts, cases by id (for live arrivals), index status. */
import {
  type CaseArrival,
  type CaseCounts,
  type CaseFilters,
  type CasePage,
  type CaseSummary,
  type ModerationQueue,
  type ModerationIndexStatus,
  type TypeCount,
} from '@shared/domain/moderation.js';
import type { StaffIdentity } from '@shared/identity.js';
import { moderationIndexNames } from '../../db/desk/0004_moderation_indexes.js';
import { planIndexNames } from '../../db/desk/0009_plan_indexes.js';
import type { AuroraDatabase } from '../../core/database.js';
import { estimatedRows } from '../../db/estimated-rows.js';
import { reusedFigures } from '../../core/reused-figures.js';
import { systemClock } from '../../core/clock.js';
import { ERRORS } from '../../core/errors.js';
import { buildCaseListQuery, buildCasesByIdQuery, buildCountsQuery, buildMineCountsQuery, SUMMARY_COLUMNS } from './queue-sql.js';
import { toCaseSummary, type SummaryRow } from './rows.js';
import { readCaseCounters } from './case-counters.js';

export interface CaseListRequest {
  queue: ModerationQueue;
  filters: CaseFilters;
  cursor?: string | null;
  through?: string | null;
  limit: number;
}

export async function listCases(database: AuroraDatabase, actor: StaffIdentity | null, request: CaseListRequest): Promise<CasePage> {
  if (request.queue === 'mine' && !actor) throw ERRORS.identityMissing();
  const query = buildCaseListQuery({ ...request, fetch: request.limit + 1, actorId: actor?.id ?? null });
  const { rows } = await database.query<SummaryRow>(query.text, query.params);
  const cases = await withCurrentModeratorNames(database, rows.slice(0, request.limit).map(toCaseSummary));
  return { cases, nextCursor: rows.length > request.limit ? (cases.at(-1)?.cursor ?? null) : null };
}

/**
 * Each moderator's latest known name (from their newest case that recorded one), set on the
 * summaries as `moderatorCurrentName`: one name per moderator ID across the queue. One index
 * lookup per distinct moderator on the page (moderator_created, 0004). The ID is matched as a
 * range of one and the ORDER BY names that index's columns: with `moderator_id = m.id` the
 * planner drops the column from the order and may walk the newest cases instead, which for a
 * moderator with few cases reads most of the table.
 */
export async function withCurrentModeratorNames(database: AuroraDatabase, cases: CaseSummary[]): Promise<CaseSummary[]> {
  const ids = [...new Set(cases.flatMap((c) => (c.moderatorId === null ? [] : [c.moderatorId.toString()])))];
  if (ids.length === 0) return cases;
  const { rows } = await database.query<{ moderator_id: string; name: string | null }>(
    `SELECT m.id::text AS moderator_id,
            (SELECT moderator_name FROM moderation_cases
              WHERE moderator_id >= m.id AND moderator_id <= m.id AND moderator_name IS NOT NULL
              ORDER BY moderator_id, created_at DESC, id DESC LIMIT 1) AS name
       FROM unnest($1::bigint[]) AS m(id)`,
    [ids],
  );
  const names = new Map(rows.map((row) => [row.moderator_id, row.name]));
  return cases.map((c) => ({ ...c, moderatorCurrentName: c.moderatorId === null ? null : (names.get(c.moderatorId.toString()) ?? c.moderatorName) }));
}

/** The list shape of given cases. */
export async function listCasesByIds(database: AuroraDatabase, ids: bigint[]): Promise<CaseSummary[]> {
  const query = buildCasesByIdQuery(ids);
  const { rows } = await database.query<SummaryRow>(query.text, query.params);
  return rows.map(toCaseSummary);
}

/**
 * The command palette's case lookup: an exact case ID (either case) or a row number. Exact, so
 * it is an index lookup on the bot's unique case_id at any size (a prefix ILIKE would scan).
 */
export async function findCases(database: AuroraDatabase, text: string, limit: number): Promise<CaseSummary[]> {
  const rowId = /^\d{1,18}$/.test(text) ? text : null;
  const { rows } = await database.query<SummaryRow>(
    `SELECT ${SUMMARY_COLUMNS} FROM moderation_cases
      WHERE case_id = $1 OR case_id = upper($1) OR id = $2::bigint
      ORDER BY created_at DESC, id DESC LIMIT $3`,
    [text, rowId, limit],
  );
  return rows.map(toCaseSummary);
}

/** Which queues a case is in for this moderator (the Mine rule of queue-sql.ts, on one row). */
export function queuesOf(summary: CaseSummary, actor: StaffIdentity | null): ModerationQueue[] {
  const queues: ModerationQueue[] = ['recent', summary.active ? 'active' : 'resolved'];
  if (actor && summary.active === true && summary.claim?.by.id === actor.id) queues.push('mine');
  return queues;
}

/** Cases a live event named, with their queues: the renderer's unread counters and notifications. */
export async function describeArrivals(database: AuroraDatabase, actor: StaffIdentity | null, ids: bigint[]): Promise<CaseArrival[]> {
  return (await listCasesByIds(database, ids)).map((summary) => ({ summary, queues: queuesOf(summary, actor) }));
}

// ── counts ─────────────────────────────────────────────────────────────────────────────────

/** Above this many cases (planner estimate) counts are reused for COUNT_TTL_MS. */
export const LARGE_TABLE_ROWS = 200_000;
export const COUNT_TTL_MS = 10_000;

interface CountSnapshot {
  queues: Record<ModerationQueue, number>;
  types: Record<ModerationQueue, TypeCount[]>;
}

const counts = reusedFigures<AuroraDatabase, CountSnapshot>(COUNT_TTL_MS);

const byCount = (counts: Map<string, number>): TypeCount[] =>
  [...counts].map(([type, count]) => ({ type, count })).sort((a, b) => b.count - a.count || a.type.localeCompare(b.type));

/** Per-queue and per-type tallies, from rows of (type, active, n) and the Mine rows of (type, n). */
function tally(all: readonly { type: string | null; active: boolean | null; n: number | string }[], mine: readonly { type: string | null; n: number | string }[] | null): CountSnapshot {
  const types = { active: new Map<string, number>(), resolved: new Map<string, number>(), recent: new Map<string, number>(), mine: new Map<string, number>() };
  const queues: Record<ModerationQueue, number> = { active: 0, resolved: 0, recent: 0, mine: 0 };
  // A case whose type is NULL counts in its queue but has no type chip (there is no type to filter by).
  const add = (queue: ModerationQueue, type: string | null, n: number) => {
    queues[queue] += n;
    if (type !== null) types[queue].set(type, (types[queue].get(type) ?? 0) + n);
  };
  for (const row of all) {
    const n = Number(row.n);
    // NULL `active` is neither queue's (they select active = true / false): Recent only.
    if (row.active !== null) add(row.active ? 'active' : 'resolved', row.type, n);
    add('recent', row.type, n);
  }
  for (const row of mine ?? []) add('mine', row.type, Number(row.n));
  return {
    queues,
    types: { active: byCount(types.active), resolved: byCount(types.resolved), recent: byCount(types.recent), mine: byCount(types.mine) },
  };
}

async function countMine(database: AuroraDatabase, actor: StaffIdentity | null, filters: CaseFilters) {
  if (!actor) return null;
  const mine = buildMineCountsQuery(filters, actor.id);
  return (await database.query<{ type: string | null; n: number | string }>(mine.text, mine.params)).rows;
}

async function countNow(database: AuroraDatabase, actor: StaffIdentity | null, filters: CaseFilters): Promise<CountSnapshot> {
  const all = buildCountsQuery(filters);
  const { rows } = await database.query<{ type: string | null; active: boolean | null; n: number | string }>(all.text, all.params);
  return tally(rows, await countMine(database, actor, filters));
}

/** Filters the kept counts can answer: none, or types only (each count is per type and active flag). */
function countersAnswer(filters: CaseFilters): boolean {
  const { types: _types, ...rest } = filters;
  return Object.values(rest).every((value) => value === undefined || value === '');
}

/**
 * Counts per queue and per type. Where migration 0014's triggers keep exact counts, they answer
 * (constant cost at any size; Mine, per moderator, is counted). Otherwise: exact below
 * LARGE_TABLE_ROWS; above, one exact count is reused for a few seconds (the answer says so:
 * `basis: 'cached'`, `asOf`) so a burst of live events does not recount a million rows per event.
 */
export async function countCases(
  database: AuroraDatabase,
  actor: StaffIdentity | null,
  request: { queue: ModerationQueue; filters: CaseFilters },
): Promise<CaseCounts> {
  if (countersAnswer(request.filters)) {
    const groups = await readCaseCounters(database);
    if (groups) {
      const wanted = request.filters.types.length ? new Set(request.filters.types) : null;
      const kept = wanted ? groups.filter((g) => g.type !== null && wanted.has(g.type)) : groups;
      const value = tally(kept, await countMine(database, actor, request.filters));
      return { queues: value.queues, types: value.types[request.queue], asOf: systemClock.now(), basis: 'exact' };
    }
  }
  const key = JSON.stringify({ f: request.filters, a: actor?.id.toString() ?? null }, (_k, v: unknown) =>
    typeof v === 'bigint' ? v.toString() : v,
  );
  const { value, at, basis } = await counts.get(database, key, async () => ({
    value: await countNow(database, actor, request.filters),
    large: (await estimatedRows(database.db, ['moderation_cases'])) >= LARGE_TABLE_ROWS,
  }));
  return { queues: value.queues, types: value.types[request.queue], asOf: at, basis };
}

/** Drops cached counts (after this desk's own writes, which the moderator expects to see). */
export function forgetCounts(database: AuroraDatabase): void {
  counts.forget(database);
}

/** Every index the queues are planned around (migrations 0004 and 0009). */
const queueIndexNames = [...moderationIndexNames, ...planIndexNames];

/** Which of the moderation indexes exist: the screen says when queries run without them. */
export async function moderationIndexStatus(database: AuroraDatabase): Promise<ModerationIndexStatus[]> {
  const { rows } = await database.query<{ indexname: string }>(
    `SELECT indexname FROM pg_indexes WHERE tablename = 'moderation_cases' AND schemaname = current_schema() AND indexname = ANY($1::text[])`,
    [queueIndexNames],
  );
  const present = new Set(rows.map((r) => r.indexname));
  return queueIndexNames.map((name) => ({ name, present: present.has(name) }));
}
