/**
 * Finding a player: by exact Discord ID or by username fragment, keyset-paged by name.
 *
 * The order is (lower(username), id), which the `aurora_desk_users_username_lower` index serves
 * directly; fragments of three characters or more are also served by the trigram index where
 * pg_trgm could be created (see db/desk/0005_player_indexes.ts). Either way a page never scans
 * more than it returns plus what the filter skips.
 *
 * Plans: test/integration/scale-plans.test.ts. Known slow case: a rare fragment of one or two
 * letters (no trigram to look up) reads every name, about 0.1 s at 200,000 players.
 */
import { and, asc, eq, ilike, ne, or, sql, type SQL } from 'drizzle-orm';
import type { PlayerSearchResult, PlayerSummary, playerSearchSchema } from '../../../shared/domain/players.js';
import type { z } from 'zod';
import type { PgColumn } from 'drizzle-orm/pg-core';
import type { AuroraDb } from '../../db/open.js';
import { classes, users } from '../../db/schema.js';

type PlayerSearchInput = z.output<typeof playerSearchSchema>;

/** LIKE treats % _ and \ specially; a username may contain them. */
export function escapeLike(fragment: string): string {
  return fragment.replace(/[%_\\]/g, '\\$&');
}

const SNOWFLAKE_LIKE = /^\d{1,20}$/;

const summaryColumns = {
  id: users.id,
  username: users.username,
  level: users.level,
  balance: users.balance,
  isActive: users.isActive,
  className: classes.name,
};

const lowerName = sql<string>`lower(${users.username})`;

/**
 * From this many characters a fragment goes through the trigram index (pg_trgm extracts
 * trigrams), so matches are found first and then sorted. Shorter fragments match a large share
 * of all names, so walking the name index in order finds a page of them quickly instead.
 */
const TRIGRAM_FRAGMENT = 3;

/**
 * Names read in order before a fragment falls back to the trigram index. A common fragment
 * ("uwu", one name in ten) fills a page within them, where the trigram index would fetch and sort
 * every one of its matches (20,000 at scale, ~0.1 s); a rare one costs this short walk extra.
 */
const NAME_WINDOW = 1000;

export async function searchPlayers(db: AuroraDb, input: PlayerSearchInput): Promise<PlayerSearchResult> {
  const query = input.query;
  const idQuery = SNOWFLAKE_LIKE.test(query) && BigInt(query) < 2n ** 63n ? BigInt(query) : null;
  // Postgres' lower() on both sides: JS toLowerCase() differs on a few letters.
  const isExactName = sql`${lowerName} = lower(${query})`;

  // Exact hits come first and are left out of the paged list, so nothing shows twice.
  const exactConditions: SQL[] = [];
  if (idQuery !== null) exactConditions.push(eq(users.id, idQuery));
  if (query !== '') exactConditions.push(isExactName);

  const exact: PlayerSummary[] =
    exactConditions.length > 0 && !input.cursor
      ? await db
          .select(summaryColumns)
          .from(users)
          .leftJoin(classes, eq(classes.id, users.classId))
          .where(or(...exactConditions))
          .orderBy(asc(lowerName), asc(users.id))
          .limit(10)
      : [];

  const after = input.cursor ? sql`(${lowerName}, ${users.id}) > (${input.cursor.name}, ${input.cursor.id.toString()}::bigint)` : undefined;
  const matching = (t: NameColumns) => {
    const where: (SQL | undefined)[] = [];
    if (query !== '') {
      where.push(ilike(t.username, `%${escapeLike(query)}%`));
      where.push(sql`lower(${t.username}) <> lower(${query})`);
    }
    if (idQuery !== null) where.push(ne(t.id, idQuery));
    return and(...where);
  };
  const where = and(matching(users), after);
  let rows: SearchRow[];
  if ([...query].length >= TRIGRAM_FRAGMENT) {
    // Digits are rare in names: a number goes straight to the trigram index.
    rows = idQuery === null ? await matchInNameWindow(db, after, matching, input.limit + 1) : [];
    if (rows.length <= input.limit) rows = await matchesThenSort(db, where, input.limit + 1);
  } else {
    rows = await walkNameIndex(db, where, input.limit + 1);
  }

  const page = rows.slice(0, input.limit);
  const last = page.at(-1);
  // The cursor carries Postgres' own lower(username), the sort key itself.
  const nextCursor = rows.length > input.limit && last ? { name: last.sortName, id: last.id } : null;
  const players = page.map(({ sortName: _sortName, ...player }) => player);
  return { exact, players, nextCursor };
}

type SearchRow = PlayerSummary & { sortName: string };
/** The users table, or the window of it: the match conditions read either. */
type NameColumns = { id: PgColumn; username: PgColumn };

/** ORDER BY lower(username), id LIMIT n straight off the name index, filtering as it walks. */
function walkNameIndex(db: AuroraDb, where: SQL | undefined, limit: number): Promise<SearchRow[]> {
  return db
    .select({ ...summaryColumns, sortName: lowerName })
    .from(users)
    .leftJoin(classes, eq(classes.id, users.classId))
    .where(where)
    .orderBy(asc(lowerName), asc(users.id))
    .limit(limit);
}

/**
 * The next NAME_WINDOW names in order (from the cursor), filtered: when that holds a page, it is
 * the page, since nothing earlier in the order was skipped. A bounded read of the name index.
 */
function matchInNameWindow(db: AuroraDb, after: SQL | undefined, matching: (t: NameColumns) => SQL | undefined, limit: number): Promise<SearchRow[]> {
  const window = db
    .select({
      id: users.id,
      username: users.username,
      level: users.level,
      balance: users.balance,
      isActive: users.isActive,
      classId: users.classId,
      sortName: sql<string>`${lowerName}`.as('sort_name'),
    })
    .from(users)
    .where(after)
    .orderBy(asc(lowerName), asc(users.id))
    .limit(NAME_WINDOW)
    .as('name_window');
  return db
    .select({
      id: window.id,
      username: window.username,
      level: window.level,
      balance: window.balance,
      isActive: window.isActive,
      className: classes.name,
      sortName: window.sortName,
    })
    .from(window)
    .leftJoin(classes, eq(classes.id, window.classId))
    .where(matching(window))
    .orderBy(asc(window.sortName), asc(window.id))
    .limit(limit);
}

/**
 * All matches first (trigram bitmap scan), then sort and cut. OFFSET 0 fences the subquery, so
 * the planner cannot trade it for an ordered walk of the name index: with a LIMIT it likes that
 * walk, which is ruinous when the matches cluster in the alphabet ("nyx" matches nyx_1 … nyx_20000,
 * all sorted after every a-m name).
 */
function matchesThenSort(db: AuroraDb, where: SQL | undefined, limit: number): Promise<SearchRow[]> {
  const hits = sql`(SELECT ${users.id} AS id, ${users.username} AS username, ${users.level} AS level, ${users.balance} AS balance,
      ${users.isActive} AS is_active, ${users.classId} AS class_id, ${lowerName} AS sort_name
    FROM ${users} WHERE ${where ?? sql`true`} OFFSET 0) AS hits`;
  return db
    .select({
      id: sql<bigint>`hits.id`.mapWith(users.id),
      username: sql<string>`hits.username`,
      level: sql<number>`hits.level`.mapWith(Number),
      balance: sql<bigint>`hits.balance`.mapWith(users.balance),
      isActive: sql<boolean>`hits.is_active`.mapWith(users.isActive),
      className: classes.name,
      sortName: sql<string>`hits.sort_name`,
    })
    .from(hits)
    .leftJoin(classes, sql`${classes.id} = hits.class_id`)
    .orderBy(sql`hits.sort_name`, sql`hits.id`)
    .limit(limit);
}

/**
 * Whether fragment search has its trigram index (PostgreSQL with pg_trgm) or scans the name
 * index (PGlite, or a role that may not create it): the search box says which.
 */
export async function describePlayerSearch(db: AuroraDb): Promise<{ trigram: boolean }> {
  const [row] = await db
    .select({ trigram: sql<boolean>`to_regclass('aurora_desk_users_username_trgm') IS NOT NULL` })
    .from(sql`(SELECT 1) AS probe`);
  return { trigram: Boolean(row?.trigram) };
}
