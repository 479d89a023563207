/**
 * The classes view and the economy overview: aggregates over the bot's tables.
 *
 * Whole-table figures (circulation, players, top holders, supply per item) scan `users` and
 * `inventory`: exact, but at 200,000 players and 600,000 inventory rows the supply alone takes
 * 0.1–0.3 s. Above LARGE_ECONOMY_ROWS they are reused for WHOLE_TABLE_TTL_MS, and the answer
 * says so (`basis: 'cached'`, `asOf`), the way moderation counts do; switching the chart's window
 * then costs only the window. The daily chart is always read fresh, through
 * `aurora_desk_transactions_created_at`; 0008's per-day statistics let it hash the window's rows
 * instead of sorting them (a year at scale spilled its sort to disk).
 */
import { asc, desc, eq, gte, isNotNull, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { ClassesOverview, EconomyOverview, ItemSupply, economyOverviewSchema } from '@shared/domain/economy.js';
import type { AuroraDatabase, AuroraDb } from '../../core/database.js';
import { estimatedRows } from '../../db/estimated-rows.js';
import { reusedFigures } from '../../core/reused-figures.js';
import { classes, inventory, items, transactions, users } from '../../db/schema.js';

export async function listClassesOverview(database: AuroraDatabase): Promise<ClassesOverview> {
  const { db } = database;
  const members = db
    .select({
      classId: users.classId,
      members: sql<number>`count(*)::int`.as('members'),
      activeMembers: sql<number>`(count(*) FILTER (WHERE ${users.isActive}))::int`.as('active_members'),
      memberBalance: sql<string>`sum(${users.balance})::text`.as('member_balance'),
      memberBalanceUnrecorded: sql<number>`(count(*) FILTER (WHERE ${users.balance} IS NULL))::int`.as('member_balance_unrecorded'),
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
        memberBalanceUnrecorded: members.memberBalanceUnrecorded,
      })
      .from(classes)
      .leftJoin(members, eq(members.classId, classes.id))
      .orderBy(sql`${classes.name} ASC NULLS LAST`, asc(classes.id)),
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
      memberBalanceUnrecorded: Number(r.memberBalanceUnrecorded ?? 0),
    })),
    unassigned: Number(unassigned?.n ?? 0),
  };
}

type OverviewInput = z.output<typeof economyOverviewSchema>;

/** Above this many rows in users and inventory together (planner estimate), whole-table figures are reused. */
export const LARGE_ECONOMY_ROWS = 200_000;
export const WHOLE_TABLE_TTL_MS = 15_000;

interface WholeTableFigures {
  circulation: bigint;
  circulationUnrecorded: number;
  players: number;
  activePlayers: number;
  topHolders: EconomyOverview['topHolders'];
  itemSupply: ItemSupply[];
}

/** Per database handle, per top-holders count. */
const wholeTable = reusedFigures<AuroraDb, WholeTableFigures>(WHOLE_TABLE_TTL_MS);

/** Drops reused figures, so the next overview sums again (the bench; tests; a desk write may call it). */
export function forgetEconomyFigures(database: AuroraDatabase): void {
  const { db } = database;
  wholeTable.forget(db);
}

async function readWholeTableFigures(db: AuroraDb, topHolderCount: number, largeRows: number): Promise<{ value: WholeTableFigures; large: boolean }> {
  // Independent reads: on PostgreSQL they run side by side on the pool (PGlite queues them).
  // Sums of bigint are numeric in SQL: carried as text, parsed as bigint, never a JS number.
  const [[totals], topHolders, supply, size] = await Promise.all([
    db
      .select({
        circulation: sql<string>`coalesce(sum(${users.balance}), 0)::text`,
        circulationUnrecorded: sql<number>`(count(*) FILTER (WHERE ${users.balance} IS NULL))::int`,
        players: sql<number>`count(*)::int`,
        activePlayers: sql<number>`(count(*) FILTER (WHERE ${users.isActive}))::int`,
      })
      .from(users),
    db
      .select({ id: users.id, username: users.username, balance: users.balance })
      .from(users)
      .where(isNotNull(users.balance))
      .orderBy(desc(users.balance), asc(users.id))
      .limit(topHolderCount),
    db
      .select({
        itemId: items.id,
        name: items.name,
        rarity: items.rarity,
        type: items.type,
        supply: sql<string>`coalesce(sum(${inventory.quantity}), 0)::text`,
        holders: sql<number>`count(*)::int`,
        unrecorded: sql<number>`(count(*) FILTER (WHERE ${inventory.quantity} IS NULL))::int`,
      })
      .from(inventory)
      .innerJoin(items, eq(items.id, inventory.itemId))
      .groupBy(items.id)
      .orderBy(desc(sql`coalesce(sum(${inventory.quantity}), 0)`), sql`${items.name} ASC NULLS LAST`, asc(items.id)),
    estimatedRows(db, ['users', 'inventory']),
  ]);
  return {
    value: {
      circulation: BigInt(totals?.circulation ?? '0'),
      circulationUnrecorded: Number(totals?.circulationUnrecorded ?? 0),
      players: Number(totals?.players ?? 0),
      activePlayers: Number(totals?.activePlayers ?? 0),
      topHolders,
      itemSupply: supply.map((s) => ({ ...s, supply: BigInt(s.supply), holders: Number(s.holders), unrecorded: Number(s.unrecorded) })),
    },
    large: size >= largeRows,
  };
}

export interface ReuseOptions {
  /** From how many rows (users + inventory, planner estimate) figures are reused (tests lower it). */
  largeRows?: number;
}

export async function getEconomyOverview(database: AuroraDatabase, input: OverviewInput, reuse: ReuseOptions = {}): Promise<EconomyOverview> {
  const { db } = database;
  // Days are UTC days: the bot's timestamps are UTC wall-clock values.
  const since = sql`(date_trunc('day', now() AT TIME ZONE 'UTC') - make_interval(days => ${input.days - 1}))`;
  // Grouped on date_trunc and formatted after aggregating: to_char per row costs more than the sum.
  const dayStart = sql`date_trunc('day', ${transactions.createdAt})`;

  const [whole, [banks], [window], perDay] = await Promise.all([
    wholeTable.get(db, String(input.topHolders), () =>
      readWholeTableFigures(db, input.topHolders, reuse.largeRows ?? LARGE_ECONOMY_ROWS),
    ),
    db
      .select({
        total: sql<string>`coalesce(sum(${classes.balance}), 0)::text`,
        unrecorded: sql<number>`(count(*) FILTER (WHERE ${classes.balance} IS NULL))::int`,
      })
      .from(classes),
    db.select({ since: sql<string>`to_char(${since}, 'YYYY-MM-DD')` }).from(sql`(SELECT 1) AS one`),
    db
      .select({
        day: sql<string>`to_char(${dayStart}, 'YYYY-MM-DD')`,
        type: transactions.type,
        count: sql<number>`count(*)::int`,
        net: sql<string>`coalesce(sum(${transactions.amount}), 0)::text`,
        unrecorded: sql<number>`(count(*) FILTER (WHERE ${transactions.amount} IS NULL))::int`,
      })
      .from(transactions)
      .where(gte(transactions.createdAt, sql`${since}`))
      .groupBy(dayStart, transactions.type)
      .orderBy(dayStart, sql`${transactions.type} ASC NULLS LAST`),
  ]);
  const figures = whole.value;

  return {
    circulation: figures.circulation,
    circulationUnrecorded: figures.circulationUnrecorded,
    classBanks: BigInt(banks?.total ?? '0'),
    classBanksUnrecorded: Number(banks?.unrecorded ?? 0),
    players: figures.players,
    activePlayers: figures.activePlayers,
    days: input.days,
    since: window?.since ?? '',
    perDay: perDay.map((r) => ({ day: r.day, type: r.type, count: Number(r.count), net: BigInt(r.net), unrecorded: Number(r.unrecorded) })),
    topHolders: figures.topHolders,
    itemSupply: figures.itemSupply,
    asOf: whole.at,
    basis: whole.basis,
  };
}
