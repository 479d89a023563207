/** How players fare on a quest: counts, median progress, completions per day, who is on it. */
import { and, asc, count, desc, eq, ilike, isNotNull, isNull, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import type { QuestPlayersPage, QuestStats, questPlayersInputSchema, questStatsInputSchema } from '@shared/domain/quests.js';
import type { AuroraDatabase, AuroraDb } from '../../core/database.js';
import { preparedRead } from '../../db/prepared-reads.js';
import { userQuests, users } from '../../db/schema.js';
import { loadQuest } from './quest-rows.js';
import { likePattern } from '../../core/sql.js';

const DAY_MS = 86_400_000;

function utcDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/**
 * The quest's figures in one statement. The window ends at the latest completion (today on a
 * live server; the seed's last day on a demo database), so the chart never shows a month of
 * nothing after old data. Capped at now: a bot row dated in the far future (9999-12-31) must not
 * push the window past what a Date can hold. max() of the outer query inside the per-day subquery
 * is the outer query's own aggregate (PostgreSQL evaluates it over the outer rows), so totals,
 * window and days all come from one snapshot.
 */
const questFigures = preparedRead((db: AuroraDb) => {
  const id = sql.placeholder('id');
  const windowEnd = sql`(date_trunc('day', least(max(${userQuests.completedAt}), ${sql.placeholder('now')}::timestamp)) + interval '1 day')`;
  const perDay = sql<string>`(SELECT coalesce(json_agg(json_build_array(day, n)), '[]')::text FROM (
      SELECT to_char(date_trunc('day', d.completed_at), 'YYYY-MM-DD') AS day, count(*)::int AS n
        FROM ${userQuests} d
       WHERE d.quest_id = ${id} AND d.completed_at >= ${windowEnd} - make_interval(days => ${sql.placeholder('days')}) AND d.completed_at < ${windowEnd}
       GROUP BY 1) AS per_day)`;
  return db
    .select({
      started: count(),
      completed: count(userQuests.completedAt),
      median: sql<number | null>`percentile_cont(0.5) WITHIN GROUP (ORDER BY ${userQuests.progress}) FILTER (WHERE ${userQuests.completedAt} IS NULL)`.mapWith(Number),
      windowEnd: sql<string>`to_char(${windowEnd}, 'YYYY-MM-DD')`,
      perDay,
    })
    .from(userQuests)
    .where(eq(userQuests.questId, id));
});

export async function getQuestStats(database: AuroraDatabase, input: z.output<typeof questStatsInputSchema>): Promise<QuestStats> {
  const { db } = database;
  // One round trip: the quest (NOT_FOUND when it is gone) beside one statement for its figures.
  const [quest, [totals]] = await Promise.all([loadQuest(db, input.id), questFigures(db, { id: input.id, days: input.days, now: new Date().toISOString() })]);
  const started = totals?.started ?? 0;
  const completed = totals?.completed ?? 0;

  const end = Date.parse(`${totals!.windowEnd}T00:00:00Z`);
  const start = end - input.days * DAY_MS;
  const byDay = new Map(JSON.parse(totals?.perDay ?? '[]') as [string, number][]);
  const completionsPerDay = Array.from({ length: input.days }, (_, i) => {
    const d = utcDay(new Date(start + i * DAY_MS));
    return { day: d, completions: byDay.get(d) ?? 0 };
  });

  return {
    questId: quest.id,
    target: quest.definition?.requirements.target ?? null,
    started,
    completed,
    inProgress: started - completed,
    completionRate: started ? completed / started : 0,
    medianProgress: totals?.median ?? null,
    days: input.days,
    completionsPerDay,
  };
}

export async function listQuestPlayers(database: AuroraDatabase, input: z.output<typeof questPlayersInputSchema>): Promise<QuestPlayersPage> {
  const { db } = database;
  await loadQuest(db, input.id);
  const where: (SQL | undefined)[] = [eq(userQuests.questId, input.id)];
  if (input.status === 'active') where.push(isNull(userQuests.completedAt));
  if (input.status === 'completed') where.push(isNotNull(userQuests.completedAt));
  const search = input.search?.trim();
  if (search) {
    where.push(/^\d{15,20}$/.test(search) ? eq(userQuests.userId, BigInt(search)) : ilike(users.username, likePattern(search)));
  }
  const filter = and(...where);
  const [rows, [total]] = await Promise.all([
    db
      .select({
        userId: userQuests.userId,
        username: users.username,
        level: users.level,
        progress: userQuests.progress,
        completedAt: userQuests.completedAt,
      })
      .from(userQuests)
      .leftJoin(users, eq(users.id, userQuests.userId))
      .where(filter)
      // Players still on the quest first, furthest along first; then the completed, latest first.
      .orderBy(sql`${userQuests.completedAt} IS NOT NULL`, desc(userQuests.progress), desc(userQuests.completedAt), asc(userQuests.userId))
      .limit(input.limit)
      .offset(input.offset),
    db.select({ n: count() }).from(userQuests).leftJoin(users, eq(users.id, userQuests.userId)).where(filter),
  ]);
  return { players: rows, total: total?.n ?? 0 };
}
