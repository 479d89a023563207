/**
 * A player's currency and item ledgers (`transactions`, `item_transactions`), newest first,
 * keyset-paged on the row ID (bigserial: newer rows have larger IDs), with the other party's
 * username. Served by the (user_id, id) indexes of db/desk/0005_player_indexes.ts.
 */
import { and, count, desc, eq, lt, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { z } from 'zod';
import type {
  CurrencyLedgerEntry,
  ItemLedgerEntry,
  LedgerParty,
  LedgerPageResult,
  ledgerPageSchema,
} from '../../../shared/domain/players.js';
import type { AuroraDb } from '../../db/open.js';
import { itemTransactions, items, transactions, users } from '../../db/schema.js';
import { assertPlayerExists } from './profile.js';

type LedgerPageInput = z.output<typeof ledgerPageSchema>;

const relatedUsers = alias(users, 'related_user');

function party(id: bigint | null, username: string | null): LedgerParty | null {
  return id === null ? null : { id, username };
}

export async function listCurrencyLedger(db: AuroraDb, input: LedgerPageInput): Promise<LedgerPageResult<CurrencyLedgerEntry>> {
  await assertPlayerExists(db, input.playerId);
  const where: (SQL | undefined)[] = [eq(transactions.userId, input.playerId)];
  if (input.type) where.push(eq(transactions.type, input.type));
  if (input.cursor != null) where.push(lt(transactions.id, input.cursor));
  const rows = await db
    .select({
      id: transactions.id,
      amount: transactions.amount,
      type: transactions.type,
      description: transactions.description,
      createdAt: transactions.createdAt,
      relatedUserId: transactions.relatedUserId,
      relatedUsername: relatedUsers.username,
    })
    .from(transactions)
    .leftJoin(relatedUsers, eq(relatedUsers.id, transactions.relatedUserId))
    .where(and(...where))
    .orderBy(desc(transactions.id))
    .limit(input.limit + 1);
  const page = rows.slice(0, input.limit);
  // The type filter's options only change with new types; compute them with the first page.
  const types =
    input.cursor == null
      ? await db
          .select({ type: transactions.type, count: count() })
          .from(transactions)
          .where(eq(transactions.userId, input.playerId))
          .groupBy(transactions.type)
          .orderBy(transactions.type)
      : [];
  return {
    entries: page.map(({ relatedUserId, relatedUsername, ...row }) => ({ ...row, relatedUser: party(relatedUserId, relatedUsername) })),
    nextCursor: rows.length > input.limit ? (page.at(-1)?.id ?? null) : null,
    types: types.map((t) => ({ type: t.type, count: Number(t.count) })),
  };
}

export async function listItemLedger(db: AuroraDb, input: LedgerPageInput): Promise<LedgerPageResult<ItemLedgerEntry>> {
  await assertPlayerExists(db, input.playerId);
  const where: (SQL | undefined)[] = [eq(itemTransactions.userId, input.playerId)];
  if (input.type) where.push(eq(itemTransactions.type, input.type));
  if (input.cursor != null) where.push(lt(itemTransactions.id, input.cursor));
  const rows = await db
    .select({
      id: itemTransactions.id,
      itemId: itemTransactions.itemId,
      itemName: items.name,
      quantity: itemTransactions.quantity,
      type: itemTransactions.type,
      description: itemTransactions.description,
      createdAt: itemTransactions.createdAt,
      relatedUserId: itemTransactions.relatedUserId,
      relatedUsername: relatedUsers.username,
    })
    .from(itemTransactions)
    .innerJoin(items, eq(items.id, itemTransactions.itemId))
    .leftJoin(relatedUsers, eq(relatedUsers.id, itemTransactions.relatedUserId))
    .where(and(...where))
    .orderBy(desc(itemTransactions.id))
    .limit(input.limit + 1);
  const page = rows.slice(0, input.limit);
  const types =
    input.cursor == null
      ? await db
          .select({ type: itemTransactions.type, count: count() })
          .from(itemTransactions)
          .where(eq(itemTransactions.userId, input.playerId))
          .groupBy(itemTransactions.type)
          .orderBy(itemTransactions.type)
      : [];
  return {
    entries: page.map(({ relatedUserId, relatedUsername, ...row }) => ({ ...row, relatedUser: party(relatedUserId, relatedUsername) })),
    nextCursor: rows.length > input.limit ? (page.at(-1)?.id ?? null) : null,
    types: types.map((t) => ({ type: t.type, count: Number(t.count) })),
  };
}
