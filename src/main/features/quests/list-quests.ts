/** The quest list (newest first, keyset-paged) and single quests for the editor. */
import { and, count, desc, eq, ilike, isNotNull, lt, or, sql, type Placeholder, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import type { QuestListPage, StoredQuest, questListInputSchema } from '@shared/domain/quests.js';
import type { AuroraDatabase, AuroraDb } from '../../core/database.js';
import { preparedRead } from '../../db/prepared-reads.js';
import { quests } from '../../db/schema.js';
import { loadQuest, questColumns, toListedQuest } from './quest-rows.js';
import { likePattern } from '../../core/sql.js';

type QuestListInput = z.output<typeof questListInputSchema>;

function listFilters(input: QuestListInput): SQL | undefined {
  const where: (SQL | undefined)[] = [];
  const search = input.search?.trim();
  if (search) {
    const byName = ilike(quests.name, likePattern(search));
    where.push(/^#?\d{1,9}$/.test(search) ? or(byName, eq(quests.id, Number(search.replace('#', '')))) : byName);
  }
  if (input.triggerEvent) where.push(eq(quests.triggerEvent, input.triggerEvent));
  // Containment matches the contract's reward shape; foreign shapes are not searched.
  if (input.rewardItemId !== undefined) where.push(sql`${quests.rewards} -> 'items' @> ${JSON.stringify([{ itemId: input.rewardItemId }])}::jsonb`);
  return and(...where);
}

/** The total rides along with the page (an uncorrelated subquery, counted once): one round trip. */
function pageQuery(db: AuroraDb, filters: SQL | undefined, cursor: Placeholder | number | undefined, limit: Placeholder | number) {
  const total = sql<number>`(SELECT count(*)::int FROM ${quests} WHERE ${filters ?? sql`true`})`;
  return db
    .select({ ...questColumns, total })
    .from(quests)
    .where(and(filters, cursor !== undefined ? lt(quests.id, cursor) : undefined))
    .orderBy(desc(quests.id))
    .limit(limit);
}

// The list as the screen opens it (no search, no filter), and scrolled: built once.
const unfilteredFirstPage = preparedRead((db: AuroraDb) => pageQuery(db, undefined, undefined, sql.placeholder('limit')));
const unfilteredPageAfter = preparedRead((db: AuroraDb) => pageQuery(db, undefined, sql.placeholder('cursor'), sql.placeholder('limit')));

export async function listQuests(database: AuroraDatabase, input: QuestListInput): Promise<QuestListPage> {
  const { db } = database;
  const filters = listFilters(input);
  const limit = input.limit + 1;
  const rows = filters
    ? await pageQuery(db, filters, input.cursor, limit)
    : input.cursor === undefined
      ? await unfilteredFirstPage(db, { limit })
      : await unfilteredPageAfter(db, { cursor: input.cursor, limit });
  // A page past the last quest has no row to carry the total.
  const counted = rows[0] ? Number(rows[0].total) : input.cursor === undefined ? 0 : ((await db.select({ n: count() }).from(quests).where(filters))[0]?.n ?? 0);
  const list = rows.slice(0, input.limit).map(({ total: _total, ...record }) => toListedQuest(record));
  return {
    quests: list,
    total: counted,
    nextCursor: rows.length > input.limit ? (list.at(-1)?.id ?? null) : null,
  };
}

export function getQuest(database: AuroraDatabase, id: number): Promise<StoredQuest> {
  const { db } = database;
  return loadQuest(db, id);
}

/** The distinct trigger events in use, for the filter (catalogue events come from the contract). */
export async function listTriggerEventsInUse(database: AuroraDatabase): Promise<{ triggerEvent: string; quests: number }[]> {
  const { db } = database;
  return db
    .select({ triggerEvent: quests.triggerEvent, quests: count() })
    .from(quests)
    // A quest without a trigger (NULL) has nothing to filter by.
    .where(isNotNull(quests.triggerEvent))
    .groupBy(quests.triggerEvent)
    .orderBy(quests.triggerEvent);
}
