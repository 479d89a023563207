/**
 * The classes view and the economy overview: aggregates over the bot's tables.
 *
 * Whole-table sums (circulation, members per class, supply per item) are exact and scan `users`
 * and `inventory` once each; at 200,000 players that is a few tens of milliseconds. The daily
 * chart reads only the window's rows through `aurora_desk_transactions_created_at`.
 */
import { asc, desc, eq, gte, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { ClassesOverview, EconomyOverview, economyOverviewSchema } from '../../../shared/domain/economy.js';
import type { AuroraDb } from '../../db/open.js';
import { classes, inventory, items, transactions, users } from '../../db/schema.js';

export async function listClassesOverview(db: AuroraDb): Promise<ClassesOverview> {
  const members = db
    .select({
      classId: users.classId,
      members: sql<number>`count(*)::int`.as('members'),
      activeMembers: sql<number>`(count(*) FILTER (WHERE ${users.isActive}))::int`.as('active_members'),
      memberBalance: sql<string>`sum(${users.balance})::text`.as('member_balance'),
    })
    .from(users)
    .groupBy(users.classId)
    .as('members');
  const [rows, [unassigned]] = await Promise.all([
    db
      .select({
        id: classes.id,
        name: classes.name,
        roleId: classes.roleId,
        bankBalance: classes.balance,
        members: members.members,
        activeMembers: members.activeMembers,
        memberBalance: members.memberBalance,
      })
      .from(classes)
      .leftJoin(members, eq(members.classId, classes.id))
      .orderBy(asc(classes.name)),
    db.select({ n: sql<number>`count(*)::int` }).from(users).where(sql`${users.classId} IS NULL`),
  ]);
  return {
    classes: rows.map((r) => ({
      id: r.id,
      name: r.name,
      roleId: r.roleId,
      bankBalance: r.bankBalance,
      members: Number(r.members ?? 0),
      activeMembers: Number(r.activeMembers ?? 0),
      memberBalance: BigInt(r.memberBalance ?? '0'),
    })),
    unassigned: Number(unassigned?.n ?? 0),
  };
}

type OverviewInput = z.output<typeof economyOverviewSchema>;

export async function getEconomyOverview(db: AuroraDb, input: OverviewInput): Promise<EconomyOverview> {
  // Days are UTC days: the bot's timestamps are UTC wall-clock values.
  const since = sql`(date_trunc('day', now() AT TIME ZONE 'UTC') - make_interval(days => ${input.days - 1}))`;
  // Grouped on date_trunc and formatted after aggregating: to_char per row costs more than the sum.
  const dayStart = sql`date_trunc('day', ${transactions.createdAt})`;

  // Independent reads: on PostgreSQL they run side by side on the pool (PGlite queues them).
  // Sums of bigint are numeric in SQL: carried as text, parsed as bigint, never a JS number.
  const [[totals], [banks], [window], perDay, topHolders, supply] = await Promise.all([
    db
      .select({
        circulation: sql<string>`coalesce(sum(${users.balance}), 0)::text`,
        players: sql<number>`count(*)::int`,
        activePlayers: sql<number>`(count(*) FILTER (WHERE ${users.isActive}))::int`,
      })
      .from(users),
    db.select({ total: sql<string>`coalesce(sum(${classes.balance}), 0)::text` }).from(classes),
    db.select({ since: sql<string>`to_char(${since}, 'YYYY-MM-DD')` }).from(sql`(SELECT 1) AS one`),
    db
      .select({
        day: sql<string>`to_char(${dayStart}, 'YYYY-MM-DD')`,
        type: transactions.type,
        count: sql<number>`count(*)::int`,
        net: sql<string>`sum(${transactions.amount})::text`,
      })
      .from(transactions)
      .where(gte(transactions.createdAt, sql`${since}`))
      .groupBy(dayStart, transactions.type)
      .orderBy(dayStart, asc(transactions.type)),
    db
      .select({ id: users.id, username: users.username, balance: users.balance })
      .from(users)
      .orderBy(desc(users.balance), asc(users.id))
      .limit(input.topHolders),
    db
      .select({
        itemId: items.id,
        name: items.name,
        rarity: items.rarity,
        type: items.type,
        supply: sql<string>`sum(${inventory.quantity})::text`,
        holders: sql<number>`count(*)::int`,
      })
      .from(inventory)
      .innerJoin(items, eq(items.id, inventory.itemId))
      .groupBy(items.id)
      .orderBy(desc(sql`sum(${inventory.quantity})`), asc(items.name)),
  ]);

  return {
    circulation: BigInt(totals?.circulation ?? '0'),
    classBanks: BigInt(banks?.total ?? '0'),
    players: Number(totals?.players ?? 0),
    activePlayers: Number(totals?.activePlayers ?? 0),
    days: input.days,
    since: window?.since ?? '',
    perDay: perDay.map((r) => ({ day: r.day, type: r.type, count: Number(r.count), net: BigInt(r.net) })),
    topHolders,
    itemSupply: supply.map((s) => ({ ...s, supply: BigInt(s.supply), holders: Number(s.holders) })),
  };
}
