/** The item catalogue: search by name, filter by type and rarity, keyset-paged by name. */
import { and, asc, count, eq, gt, ilike, or, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import type { ItemListPage, StoredItem, itemListInputSchema } from '@shared/domain/items.js';
import type { AuroraDatabase } from '../../core/database.js';
import { items } from '../../db/schema.js';
import { likePattern } from '../../core/sql.js';
import { itemColumns, loadItem, loadItems, toStoredItem } from '../authoring/item-rows.js';

type ItemListInput = z.output<typeof itemListInputSchema>;

export async function listItems(database: AuroraDatabase, input: ItemListInput): Promise<ItemListPage> {
  const { db } = database;
  const where: (SQL | undefined)[] = [];
  const search = input.search?.trim();
  if (search) {
    const byName = ilike(items.name, likePattern(search));
    where.push(/^#?\d{1,9}$/.test(search) ? or(byName, eq(items.id, Number(search.replace('#', '')))) : byName);
  }
  if (input.type) where.push(eq(items.type, input.type));
  if (input.rarity) where.push(eq(items.rarity, input.rarity));
  const filters = and(...where);
  const [rows, [total]] = await Promise.all([
    db
      .select(itemColumns)
      .from(items)
      .where(and(filters, input.cursor !== undefined ? gt(items.name, input.cursor) : undefined))
      .orderBy(asc(items.name))
      .limit(input.limit + 1),
    db.select({ n: count() }).from(items).where(filters),
  ]);
  const list = rows.slice(0, input.limit).map(toStoredItem);
  return { items: list, total: total?.n ?? 0, nextCursor: rows.length > input.limit ? (list.at(-1)?.name ?? null) : null };
}

export function getItem(database: AuroraDatabase, id: number): Promise<StoredItem> {
  const { db } = database;
  return loadItem(db, id);
}

/** Several items by id, for the names and icons of quest rewards. Missing ids are left out. */
export function getItemsByIds(database: AuroraDatabase, ids: readonly number[]): Promise<StoredItem[]> {
  const { db } = database;
  return loadItems(db, ids);
}
