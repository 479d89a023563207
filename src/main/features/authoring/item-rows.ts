/**
 * How items are read: usage_data as PostgreSQL's own text and the price as a decimal string, so
 * nothing passes through a JS number; then classified by the contract.
 */
import { eq, inArray, sql } from 'drizzle-orm';
import { parseStoredItem, type ItemRow, type StoredItem } from '@shared/domain/items.js';
import type { AuroraDb } from '../../core/database.js';
import { items } from '../../db/schema.js';
import { ERRORS } from '../../core/errors.js';
import { rowVersion } from './revisions.js';

export const itemColumns = {
  id: items.id,
  name: items.name,
  description: items.description,
  rarity: items.rarity,
  type: items.type,
  usageDataJson: sql<string>`${items.usageData}::text`,
  price: sql<string | null>`${items.price}::text`,
  iconUrl: items.iconUrl,
  imageUrl: items.imageUrl,
};

export type ItemRecord = Omit<ItemRow, 'version'>;

export function toStoredItem(record: ItemRecord): StoredItem {
  const version = rowVersion([
    record.id,
    record.name,
    record.description,
    record.rarity,
    record.type,
    record.usageDataJson,
    record.price,
    record.iconUrl,
    record.imageUrl,
  ]);
  return parseStoredItem({ ...record, version });
}

export async function loadItem(db: AuroraDb, id: number, options: { lock?: boolean } = {}): Promise<StoredItem> {
  const query = db.select(itemColumns).from(items).where(eq(items.id, id));
  const [row] = options.lock ? await query.for('update') : await query;
  if (!row) throw ERRORS.notFound(`Item #${id}`);
  return toStoredItem(row);
}

export async function loadItems(db: AuroraDb, ids: readonly number[]): Promise<StoredItem[]> {
  if (ids.length === 0) return [];
  const rows = await db.select(itemColumns).from(items).where(inArray(items.id, [...ids]));
  return rows.map(toStoredItem);
}

/** Which of `ids` name no item; for "No item #99" field errors. */
export async function missingItemIds(db: AuroraDb, ids: readonly number[]): Promise<Set<number>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Set();
  const found = await db.select({ id: items.id }).from(items).where(inArray(items.id, unique));
  const present = new Set(found.map((r) => r.id));
  return new Set(unique.filter((id) => !present.has(id)));
}
