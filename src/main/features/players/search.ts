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
import { and, asc, eq, ilike, ne, or, sql, type Placeholder, type SQL } from 'drizzle-orm';
import type { PlayerSearchResult, PlayerSummary, playerSearchSchema } from '@shared/domain/players.js';
import type { z } from 'zod';
import type { PgColumn } from 'drizzle-orm/pg-core';
import type { AuroraDatabase, AuroraDb } from '../../core/database.js';
import { preparedRead } from '../../db/prepared-reads.js';
import { escapeLike } from '../../core/sql.js';
import { classes, users } from '../../db/schema.js';

type PlayerSearchInput = z.output<typeof playerSearchSchema>;

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

export async function searchPlayers(database: AuroraDatabase, input: PlayerSearchInput): Promise<PlayerSearchResult> {
  const { db } = database;
  const query = input.query;
  const idQuery = SNOWFLAKE_LIKE.test(query) && BigInt(query) < 2n ** 63n ? BigInt(query) : null;
  const limit = input.limit + 1;
  // A typed name (no cursor, not a Discord ID) is what the search box sends most: built once.
  const reads = query !== '' && idQuery === null && !input.cursor ? typedNameReads(db, query, limit) : builtReads(db, input, idQuery, limit);
  // Exact hits come first and are left out of the paged list, so nothing shows twice.
  const exact = await reads.exact();
  let rows: SearchRow[];
  if ([...query].length >= TRIGRAM_FRAGMENT) {
    // Digits are rare in names: a number goes straight to the trigram index.
    rows = idQuery === null ? await reads.inNameWindow() : [];
    if (rows.length <= input.limit) rows = await reads.thenSort();
  } else {
    rows = await reads.walk();
  }

  const page = rows.slice(0, input.limit);
  const last = page.at(-1);
  // The cursor carries Postgres' own lower(username), the sort key itself.
  const nextCursor = rows.length > input.limit && last ? { name: last.sortName, id: last.id } : null;
  const players = page.map(({ sortName: _sortName, ...player }) => player);
  return { exact, players, nextCursor };
}

// Postgres' lower() on both sides: JS toLowerCase() differs on a few letters.
const isExactName = (query: string | Placeholder) => sql`${lowerName} = lower(${query})`;

/** A name containing the fragment, other than the exact hit (shown above the list). */
function textMatch(t: NameColumns, pattern: string | Placeholder, query: string | Placeholder): SQL | undefined {
  return and(ilike(t.username, pattern), sql`lower(${t.username}) <> lower(${query})`);
}

function exactMatches(db: AuroraDb, where: SQL | undefined, limit: number | Placeholder) {
  return db
    .select(summaryColumns)
    .from(users)
    .leftJoin(classes, eq(classes.id, users.classId))
    .where(where)
    .orderBy(asc(lowerName), asc(users.id))
    .limit(limit);
}

/** The four ways a search reads: the exact hits, then the page by one of three routes. */
interface SearchReads {
  exact(): Promise<PlayerSummary[]>;
  walk(): Promise<SearchRow[]>;
  inNameWindow(): Promise<SearchRow[]>;
  thenSort(): Promise<SearchRow[]>;
}

/** Any search, its SQL built for this call: an ID, an empty query, a page after the cursor. */
function builtReads(db: AuroraDb, input: PlayerSearchInput, idQuery: bigint | null, limit: number): SearchReads {
  const query = input.query;
  const exactConditions: SQL[] = [];
  if (idQuery !== null) exactConditions.push(eq(users.id, idQuery));
  if (query !== '') exactConditions.push(isExactName(query));
  const after = input.cursor ? sql`(${lowerName}, ${users.id}) > (${input.cursor.name}, ${input.cursor.id.toString()}::bigint)` : undefined;
  const matching = (t: NameColumns) => and(query !== '' ? textMatch(t, `%${escapeLike(query)}%`, query) : undefined, idQuery !== null ? ne(t.id, idQuery) : undefined);
  const where = and(matching(users), after);
  return {
    exact: async () => (exactConditions.length > 0 && !input.cursor ? exactMatches(db, or(...exactConditions), 10) : []),
    walk: async () => walkNameIndex(db, where, limit),
    inNameWindow: async () => matchInNameWindow(db, after, matching, limit),
    thenSort: async () => matchesThenSort(db, where, limit),
  };
}

/** The first page for a typed name, in statements built once per database ($query, $pattern, $limit). */
const typedName = (() => {
  const query = sql.placeholder('query');
  const limit = sql.placeholder('limit');
  const matching = (t: NameColumns) => textMatch(t, sql.placeholder('pattern'), query);
  type Values = { query: string; pattern: string; limit: number };
  return {
    exact: preparedRead<Values, PlayerSummary[]>((db) => exactMatches(db, isExactName(query), 10)),
    walk: preparedRead<Values, SearchRow[]>((db) => walkNameIndex(db, matching(users), limit)),
    inNameWindow: preparedRead<Values, SearchRow[]>((db) => matchInNameWindow(db, undefined, matching, limit)),
    thenSort: preparedRead<Values, SearchRow[]>((db) => matchesThenSort(db, matching(users), limit)),
  };
})();

function typedNameReads(db: AuroraDb, query: string, limit: number): SearchReads {
  const values = { query, pattern: `%${escapeLike(query)}%`, limit };
  return {
    exact: () => typedName.exact(db, values),
    walk: () => typedName.walk(db, values),
    inNameWindow: () => typedName.inNameWindow(db, values),
    thenSort: () => typedName.thenSort(db, values),
  };
}

type SearchRow = PlayerSummary & { sortName: string };
/** The users table, or the window of it: the match conditions read either. */
type NameColumns = { id: PgColumn; username: PgColumn };

/** ORDER BY lower(username), id LIMIT n straight off the name index, filtering as it walks. */
function walkNameIndex(db: AuroraDb, where: SQL | undefined, limit: number | Placeholder) {
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
function matchInNameWindow(db: AuroraDb, after: SQL | undefined, matching: (t: NameColumns) => SQL | undefined, limit: number | Placeholder) {
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
function matchesThenSort(db: AuroraDb, where: SQL | undefined, limit: number | Placeholder) {
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
export async function describePlayerSearch(database: AuroraDatabase): Promise<{ trigram: boolean }> {
  const { db } = database;
  const [row] = await db
    .select({ trigram: sql<boolean>`to_regclass('aurora_desk_users_username_trgm') IS NOT NULL` })
    .from(sql`(SELECT 1) AS probe`);
  return { trigram: Boolean(row?.trigram) };
}
