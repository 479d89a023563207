/** One player's profile and its tabs: inventory, quests, timers, moderation summary. */
import { asc, desc, eq, sql } from 'drizzle-orm';
import type {
  InventoryEntry,
  ModerationSummary,
  PlayerProfile,
  QuestProgressEntry,
  TimerEntry,
} from '@shared/domain/players.js';
import type { AuroraDatabase, AuroraDb } from '../../core/database.js';
import { preparedRead } from '../../db/prepared-reads.js';
import { classes, inventory, items, moderationCases, quests, userQuests, userTimers, users } from '../../db/schema.js';
import { ERRORS } from '../../core/errors.js';

// Counts are per player and served by primary keys / the per-player indexes: no table scans.
const profileRow = preparedRead((db: AuroraDb) =>
  db
    .select({
      user: users,
      className: classes.name,
      classRoleId: classes.roleId,
      itemKinds: sql<number>`(SELECT count(*)::int FROM ${inventory} WHERE ${inventory.userId} = ${users.id})`,
      quests: sql<number>`(SELECT count(*)::int FROM ${userQuests} WHERE ${userQuests.userId} = ${users.id})`,
      questsCompleted: sql<number>`(SELECT count(*)::int FROM ${userQuests} WHERE ${userQuests.userId} = ${users.id} AND ${userQuests.completedAt} IS NOT NULL)`,
      timers: sql<number>`(SELECT count(*)::int FROM ${userTimers} WHERE ${userTimers.userId} = ${users.id})`,
      moderationCases: sql<number>`(SELECT count(*)::int FROM ${moderationCases} WHERE ${moderationCases.userId} = ${users.id})`,
    })
    .from(users)
    .leftJoin(classes, eq(classes.id, users.classId))
    .where(eq(users.id, sql.placeholder('playerId'))),
);

export async function getPlayerProfile(database: AuroraDatabase, playerId: bigint): Promise<PlayerProfile> {
  const { db } = database;
  const [row] = await profileRow(db, { playerId });
  if (!row) throw ERRORS.notFound(`Player ${playerId}`);
  const u = row.user;
  return {
    id: u.id,
    username: u.username,
    class: u.classId !== null && row.className !== null ? { id: u.classId, name: row.className, roleId: row.classRoleId } : null,
    level: u.level,
    xp: u.xp,
    balance: u.balance,
    dailyStreak: u.dailyStreak,
    isActive: u.isActive,
    settings: u.settings,
    createdAt: u.createdAt,
    updatedAt: u.updatedAt,
    counts: {
      itemKinds: Number(row.itemKinds),
      quests: Number(row.quests),
      questsCompleted: Number(row.questsCompleted),
      timers: Number(row.timers),
      moderationCases: Number(row.moderationCases),
    },
  };
}

const playerIdRow = preparedRead((db: AuroraDb) =>
  db
    .select({ id: users.id })
    .from(users)
    .where(eq(users.id, sql.placeholder('playerId'))),
);

/** Fails with NOT_FOUND for an unknown player, so empty tabs never hide a typo in the ID. */
export async function assertPlayerExists(db: AuroraDb, playerId: bigint): Promise<void> {
  const [row] = await playerIdRow(db, { playerId });
  if (!row) throw ERRORS.notFound(`Player ${playerId}`);
}

const inventoryRows = preparedRead((db: AuroraDb) =>
  db
    .select({
      itemId: inventory.itemId,
      name: items.name,
      description: items.description,
      rarity: items.rarity,
      type: items.type,
      price: items.price,
      iconUrl: items.iconUrl,
      quantity: inventory.quantity,
    })
    .from(inventory)
    .innerJoin(items, eq(items.id, inventory.itemId))
    .where(eq(inventory.userId, sql.placeholder('playerId')))
    .orderBy(asc(items.name)),
);

export async function listInventory(database: AuroraDatabase, playerId: bigint): Promise<InventoryEntry[]> {
  const { db } = database;
  await assertPlayerExists(db, playerId);
  return inventoryRows(db, { playerId });
}

const TARGET_KEYS = ['target', 'count', 'amount', 'goal'] as const;

/** Quest requirements are free JSON owned by the quest authors; read a target where one is named. */
export function questTarget(requirements: unknown): number | null {
  if (!requirements || typeof requirements !== 'object' || Array.isArray(requirements)) return null;
  const record = requirements as Record<string, unknown>;
  for (const key of TARGET_KEYS) {
    const value = record[key];
    if (typeof value === 'number' && Number.isFinite(value) && value > 0) return value;
    if (typeof value === 'string' && /^\d{1,9}$/.test(value)) return Number(value);
  }
  return null;
}

const QUEST_LIMIT = 500;

export async function listQuestProgress(database: AuroraDatabase, playerId: bigint): Promise<QuestProgressEntry[]> {
  const { db } = database;
  await assertPlayerExists(db, playerId);
  const rows = await db
    .select({
      questId: userQuests.questId,
      name: quests.name,
      triggerEvent: quests.triggerEvent,
      requirements: quests.requirements,
      progress: userQuests.progress,
      completedAt: userQuests.completedAt,
    })
    .from(userQuests)
    .innerJoin(quests, eq(quests.id, userQuests.questId))
    .where(eq(userQuests.userId, playerId))
    // In progress first, then the most recently completed.
    .orderBy(sql`${userQuests.completedAt} IS NOT NULL`, desc(userQuests.completedAt), asc(userQuests.questId))
    .limit(QUEST_LIMIT);
  return rows.map(({ requirements, ...row }) => ({ ...row, target: questTarget(requirements) }));
}

export async function listTimers(database: AuroraDatabase, playerId: bigint): Promise<TimerEntry[]> {
  const { db } = database;
  await assertPlayerExists(db, playerId);
  return db
    .select({ type: userTimers.type, key: userTimers.key, expiresAt: userTimers.expiresAt, metadata: userTimers.metadata })
    .from(userTimers)
    .where(eq(userTimers.userId, playerId))
    .orderBy(asc(userTimers.expiresAt), asc(userTimers.type), asc(userTimers.key));
}

/**
 * Counts per case type. moderation_cases.user_id is a plain ID (no FK): people who are not
 * players can have cases, so this does not require the player row.
 */
export async function summariseModeration(database: AuroraDatabase, playerId: bigint): Promise<ModerationSummary> {
  const { db } = database;
  const rows = await db
    .select({
      type: moderationCases.type,
      total: sql<number>`count(*)::int`,
      active: sql<number>`(count(*) FILTER (WHERE ${moderationCases.active}))::int`,
      lastCaseAt: sql<Date | null>`max(${moderationCases.createdAt})`.mapWith(moderationCases.createdAt),
    })
    .from(moderationCases)
    .where(eq(moderationCases.userId, playerId))
    .groupBy(moderationCases.type)
    .orderBy(desc(sql`count(*)`), asc(moderationCases.type));
  let lastCaseAt: Date | null = null;
  for (const row of rows) {
    if (row.lastCaseAt && (!lastCaseAt || row.lastCaseAt > lastCaseAt)) lastCaseAt = row.lastCaseAt;
  }
  return {
    total: rows.reduce((n, r) => n + Number(r.total), 0),
    active: rows.reduce((n, r) => n + Number(r.active), 0),
    byType: rows.map((r) => ({ type: r.type, total: Number(r.total), active: Number(r.active) })),
    lastCaseAt,
  };
}

