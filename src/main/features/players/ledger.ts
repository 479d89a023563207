/**
 * A player's currency and item ledgers (`transactions`, `item_transactions`), newest first,
 * keyset-paged on the row ID (bigserial: newer rows have larger IDs), with the other party's
 * username. Served by the (user_id, id) indexes of db/desk/0005_player_indexes.ts.
 */
import { and, count, desc, eq, lt, sql, type Placeholder } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { z } from 'zod';
import type {
  CurrencyLedgerEntry,
  ItemLedgerEntry,
  LedgerParty,
  LedgerPageResult,
  ledgerPageSchema,
} from '@shared/domain/players.js';
import type { AuroraDatabase, AuroraDb } from '../../core/database.js';
import { preparedRead } from '../../db/prepared-reads.js';
import { itemTransactions, items, transactions, users } from '../../db/schema.js';
import { assertPlayerExists } from './profile.js';

type LedgerPageInput = z.output<typeof ledgerPageSchema>;

const relatedUsers = alias(users, 'related_user');

function party(id: bigint | null, username: string | null): LedgerParty | null {
  return id === null ? null : { id, username };
}

/** A value, or its placeholder in a read built once. */
type Or<T> = T | Placeholder;

/** One player's rows of a ledger, of one type when asked, older than the cursor when there is one. */
function ofPlayer(ledger: typeof transactions | typeof itemTransactions, playerId: Or<bigint>, type: Or<string> | undefined, cursor: Or<bigint> | undefined) {
  return and(eq(ledger.userId, playerId), type !== undefined ? eq(ledger.type, type) : undefined, cursor !== undefined ? lt(ledger.id, cursor) : undefined);
}

/** A page of the currency ledger: newest first, after the cursor when there is one. */
function currencyPage(db: AuroraDb, playerId: Or<bigint>, type: Or<string> | undefined, cursor: Or<bigint> | undefined, limit: Or<number>) {
  return db
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
    .where(ofPlayer(transactions, playerId, type, cursor))
    .orderBy(desc(transactions.id))
    .limit(limit);
}

function itemPage(db: AuroraDb, playerId: Or<bigint>, type: Or<string> | undefined, cursor: Or<bigint> | undefined, limit: Or<number>) {
  return db
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
    // item_id may be NULL in the bot's table: the row is still listed, with no item named.
    .leftJoin(items, eq(items.id, itemTransactions.itemId))
    .leftJoin(relatedUsers, eq(relatedUsers.id, itemTransactions.relatedUserId))
    .where(ofPlayer(itemTransactions, playerId, type, cursor))
    .orderBy(desc(itemTransactions.id))
    .limit(limit);
}

const playerId = sql.placeholder('playerId');
const limit = sql.placeholder('limit');

/**
 * The ledger as the profile opens it (no type filter): its first page and the type filter's
 * options, built once per database. The options only change with new types, so they come with
 * the first page only.
 */
const opening = {
  currencyPage: preparedRead((db: AuroraDb) => currencyPage(db, playerId, undefined, undefined, limit)),
  currencyTypes: preparedRead((db: AuroraDb) => typeCounts(db, transactions)),
  itemPage: preparedRead((db: AuroraDb) => itemPage(db, playerId, undefined, undefined, limit)),
  itemTypes: preparedRead((db: AuroraDb) => typeCounts(db, itemTransactions)),
};

/** The type filter's options: each type in the player's ledger with its count. */
function typeCounts(db: AuroraDb, ledger: typeof transactions | typeof itemTransactions) {
  return db
    .select({ type: ledger.type, count: count() })
    .from(ledger)
    .where(eq(ledger.userId, playerId))
    .groupBy(ledger.type)
    .orderBy(ledger.type);
}

function toPage<Row extends { id: bigint; relatedUserId: bigint | null; relatedUsername: string | null }>(
  rows: Row[],
  types: { type: string | null; count: number }[],
  input: LedgerPageInput,
) {
  const page = rows.slice(0, input.limit);
  return {
    entries: page.map(({ relatedUserId, relatedUsername, ...row }) => ({ ...row, relatedUser: party(relatedUserId, relatedUsername) })),
    nextCursor: rows.length > input.limit ? (page.at(-1)?.id ?? null) : null,
    // Rows whose type is NULL are listed but offer no type to filter by.
    types: types.flatMap((t) => (t.type === null ? [] : [{ type: t.type, count: Number(t.count) }])),
  };
}

export async function listCurrencyLedger(database: AuroraDatabase, input: LedgerPageInput): Promise<LedgerPageResult<CurrencyLedgerEntry>> {
  const { db } = database;
  await assertPlayerExists(db, input.playerId);
  const values = { playerId: input.playerId, limit: input.limit + 1 };
  const first = input.cursor == null;
  const rows =
    first && !input.type
      ? await opening.currencyPage(db, values)
      : await currencyPage(db, input.playerId, input.type || undefined, input.cursor ?? undefined, values.limit);
  return toPage(rows, first ? await opening.currencyTypes(db, values) : [], input);
}

export async function listItemLedger(database: AuroraDatabase, input: LedgerPageInput): Promise<LedgerPageResult<ItemLedgerEntry>> {
  const { db } = database;
  await assertPlayerExists(db, input.playerId);
  const values = { playerId: input.playerId, limit: input.limit + 1 };
  const first = input.cursor == null;
  const rows =
    first && !input.type ? await opening.itemPage(db, values) : await itemPage(db, input.playerId, input.type || undefined, input.cursor ?? undefined, values.limit);
  return toPage(rows, first ? await opening.itemTypes(db, values) : [], input);
}
