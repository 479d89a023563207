/**
 * The exact counts migration 0014's triggers keep: read in one round trip whatever the table's
 * size, rebuilt from the table when they are missing or marked stale, and folded (one row per
 * group) when the appended differences pile up.
 *
 * Rebuild and fold run in REPEATABLE READ: they delete only the difference rows their snapshot
 * sees, so a bot write that commits meanwhile keeps its row and is counted once. Two desks folding
 * at once: one of them fails to serialize and leaves it to the other.
 */
import { sql } from 'drizzle-orm';
import { CASE_COUNT_TRIGGERS } from '../../db/desk/0014_case_counters.js';
import type { AuroraDatabase } from '../../core/database.js';
import { isDeskMissing } from '../../core/driver-errors.js';

/** A group's count: cases of this type (NULL: none written) and active flag (NULL: neither queue). */
export interface CaseCountGroup {
  type: string | null;
  active: boolean | null;
  n: number;
}

/** Fold when a read meets more difference rows than this (a read sums them all). */
export const FOLD_ABOVE_ROWS = 500;

const triggerNames = Object.values(CASE_COUNT_TRIGGERS);

interface CounterRow {
  reconciled: boolean;
  triggers: number;
  type: string | null;
  active: boolean | null;
  n: string | number | null;
  rows: number | null;
}

const READ_COUNTERS = `
  WITH state AS (SELECT reconciled_at IS NOT NULL AS reconciled FROM aurora_desk.case_count_state),
       installed AS (SELECT count(*)::int AS triggers FROM pg_trigger WHERE tgrelid = to_regclass('moderation_cases') AND tgname = ANY($1::text[]))
  SELECT state.reconciled, installed.triggers, sums.type, sums.active, sums.n, sums.rows
    FROM state CROSS JOIN installed
    LEFT JOIN (SELECT type, active, sum(n)::bigint AS n, count(*)::int AS rows FROM aurora_desk.case_counts GROUP BY type, active) sums ON true`;

/**
 * The counts per (type, active), exact, or null where the triggers are not installed (no TRIGGER
 * privilege, or an older desk schema): the caller counts the table instead.
 */
export async function readCaseCounters(database: AuroraDatabase): Promise<CaseCountGroup[] | null> {
  let rows: CounterRow[];
  try {
    ({ rows } = await database.query<CounterRow>(READ_COUNTERS, [triggerNames]));
  } catch (error) {
    if (isDeskMissing(error)) return null;
    throw error;
  }
  const first = rows[0];
  if (!first || first.triggers < triggerNames.length) return null;
  if (!first.reconciled) {
    // A read-only session (or a role that may not write aurora_desk) cannot rebuild: it counts the table.
    const rebuilt = await rebuildCaseCounters(database).then(
      () => true,
      () => false,
    );
    return rebuilt ? readCaseCounters(database) : null;
  }
  const groups = rows.filter((r) => r.rows !== null).map((r) => ({ type: r.type, active: r.active, n: Number(r.n) }));
  const pile = rows.reduce((sum, r) => sum + (r.rows ?? 0), 0);
  if (pile > FOLD_ABOVE_ROWS + groups.length) await foldCaseCounters(database).catch(() => undefined);
  return groups.filter((g) => g.n !== 0);
}

/** Counts the table once and starts the kept counts from there. */
export async function rebuildCaseCounters(database: AuroraDatabase): Promise<void> {
  await repeatableRead(database, async (query) => {
    await query(`DELETE FROM aurora_desk.case_counts`);
    await query(`INSERT INTO aurora_desk.case_counts (type, active, n) SELECT type, active, count(*) FROM moderation_cases GROUP BY type, active`);
    await query(`UPDATE aurora_desk.case_count_state SET reconciled_at = now(), detail = 'rebuilt from the table'`);
  });
}

/** Replaces the appended differences by one row per group. */
export async function foldCaseCounters(database: AuroraDatabase): Promise<void> {
  await repeatableRead(database, async (query) => {
    await query(`
      WITH gone AS (DELETE FROM aurora_desk.case_counts RETURNING type, active, n)
      INSERT INTO aurora_desk.case_counts (type, active, n)
      SELECT type, active, sum(n) FROM gone GROUP BY type, active HAVING sum(n) <> 0`);
  });
}

type Query = (text: string) => Promise<unknown>;

async function repeatableRead(database: AuroraDatabase, work: (query: Query) => Promise<void>): Promise<void> {
  await database.db.transaction((tx) => work((text) => tx.execute(sql.raw(text))), { isolationLevel: 'repeatable read' });
}
