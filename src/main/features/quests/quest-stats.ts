/** How players fare on a quest: counts, median progress, completions per day, who is on it. */
import { and, asc, count, desc, eq, gte, ilike, isNotNull, isNull, lt, max, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import type { QuestPlayersPage, QuestStats, questPlayersInputSchema, questStatsInputSchema } from '../../../shared/domain/quests.js';
import type { AuroraDb } from '../../db/open.js';
import { userQuests, users } from '../../db/schema.js';
import { loadQuest } from './quest-rows.js';
import { likePattern } from './revisions.js';

const DAY_MS = 86_400_000;

function utcDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

export async function getQuestStats(db: AuroraDb, input: z.output<typeof questStatsInputSchema>): Promise<QuestStats> {
  const quest = await loadQuest(db, input.id);
  const onQuest = eq(userQuests.questId, quest.id);
  const [totals] = await db
    .select({
      started: count(),
      completed: count(userQuests.completedAt),
      median: sql<number | null>`percentile_cont(0.5) WITHIN GROUP (ORDER BY ${userQuests.progress}) FILTER (WHERE ${userQuests.completedAt} IS NULL)`.mapWith(Number),
      lastCompletion: max(userQuests.completedAt),
    })
    .from(userQuests)
    .where(onQuest);
  const started = totals?.started ?? 0;
  const completed = totals?.completed ?? 0;

  // The window ends at the latest completion (today on a live server; the seed's last day on a
  // demo database), so the chart never shows a month of nothing after old data.
  // Capped at now: a bot row dated in the far future (9999-12-31) must not push the window
  // past what a Date can hold.
  const now = new Date();
  const last = totals?.lastCompletion && new Date(totals.lastCompletion) < now ? new Date(totals.lastCompletion) : now;
  const end = Date.UTC(last.getUTCFullYear(), last.getUTCMonth(), last.getUTCDate()) + DAY_MS;
  const start = new Date(end - input.days * DAY_MS);
  const day = sql<string>`to_char(date_trunc('day', ${userQuests.completedAt}), 'YYYY-MM-DD')`;
  const perDay = await db
    .select({ day, completions: count() })
    .from(userQuests)
    .where(and(onQuest, isNotNull(userQuests.completedAt), gte(userQuests.completedAt, start), lt(userQuests.completedAt, new Date(end))))
    .groupBy(sql`1`);
  const byDay = new Map(perDay.map((r) => [r.day, r.completions]));
  const completionsPerDay = Array.from({ length: input.days }, (_, i) => {
    const d = utcDay(new Date(start.getTime() + i * DAY_MS));
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

export async function listQuestPlayers(db: AuroraDb, input: z.output<typeof questPlayersInputSchema>): Promise<QuestPlayersPage> {
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
