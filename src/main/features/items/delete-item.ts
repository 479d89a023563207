/**
 * An item can only be deleted while nothing points at it: no inventory holds it, no quest
 * rewards or filters on it, no key's loot table gives it, no item transaction records it (the
 * bot's history must keep making sense). The delete counts again under the row lock.
 */
import { and, count, eq, ne, or, sql, type SQLWrapper } from 'drizzle-orm';
import { isItemReferenced, type ItemReferences } from '@shared/domain/items.js';
import type { StaffWrite } from '../../core/audit.js';
import type { AuroraDb } from '../../core/database.js';
import { inventory, itemTransactions, items, quests } from '../../db/schema.js';
import { ERRORS } from '../../core/errors.js';
import { conflictError, recordRevision } from '../authoring/revisions.js';
import { loadItem } from '../authoring/item-rows.js';

/** Any "itemId": N, at any depth: foreign quest shapes that name the item count too. */
const namesItem = (column: SQLWrapper, id: number) =>
  sql`jsonb_path_exists(${column}, 'lax $.** ? (@.itemId == $id)', jsonb_build_object('id', ${id}::int))`;

export async function findItemReferences(db: AuroraDb, input: { id: number }): Promise<ItemReferences> {
  const item = await loadItem(db, input.id);
  const questRefs = or(namesItem(quests.rewards, item.id), namesItem(quests.requirements, item.id));
  const [[held], [txs], [questCount], questExamples, [keys]] = await Promise.all([
    db
      .select({ holders: count(), quantity: sql<string>`coalesce(sum(${inventory.quantity}), 0)::text` })
      .from(inventory)
      .where(eq(inventory.itemId, item.id)),
    db.select({ n: count() }).from(itemTransactions).where(eq(itemTransactions.itemId, item.id)),
    db.select({ n: count() }).from(quests).where(questRefs),
    db.select({ id: quests.id, name: quests.name }).from(quests).where(questRefs).orderBy(quests.id).limit(5),
    db
      .select({ n: count() })
      .from(items)
      .where(and(ne(items.id, item.id), sql`jsonb_path_exists(${items.usageData}, 'lax $.lootTable[*] ? (@.itemId == $id)', jsonb_build_object('id', ${item.id}::int))`)),
  ]);
  return {
    itemId: item.id,
    holders: held?.holders ?? 0,
    heldQuantity: BigInt(held?.quantity ?? '0'),
    quests: questCount?.n ?? 0,
    questExamples,
    itemTransactions: txs?.n ?? 0,
    keyLootTables: keys?.n ?? 0,
  };
}

export function describeItemReferences(name: string, refs: ItemReferences): string[] {
  const lines: string[] = [];
  if (refs.holders) lines.push(`${refs.holders.toLocaleString('en-US')} inventories hold ${refs.heldQuantity.toLocaleString('en-US')} × ${name}`);
  if (refs.quests) lines.push(`${refs.quests.toLocaleString('en-US')} quests reward or filter on it (${refs.questExamples.map((q) => `#${q.id} ${q.name}`).join(', ')}${refs.quests > refs.questExamples.length ? ', …' : ''})`);
  if (refs.keyLootTables) lines.push(`${refs.keyLootTables.toLocaleString('en-US')} keys can drop it from their loot tables`);
  if (refs.itemTransactions) lines.push(`${refs.itemTransactions.toLocaleString('en-US')} item transactions record it`);
  return lines;
}

export async function deleteItem(write: StaffWrite, input: { id: number; version?: string }): Promise<{ itemId: number; name: string }> {
  const db = write.database.db;
  const { actor } = write;
  const outcome = await write.transaction(async (tx) => {
    const item = await loadItem(tx, input.id, { lock: true });
    if (input.version !== undefined && input.version !== item.version) return { conflict: item };
    const refs = await findItemReferences(tx, { id: item.id });
    if (isItemReferenced(refs)) {
      const lines = describeItemReferences(item.name, refs);
      throw ERRORS.badRequest(`“${item.name}” is still in use and cannot be deleted: ${lines.join('; ')}.`, { references: lines });
    }
    await tx.delete(items).where(eq(items.id, item.id));
    await recordRevision(tx, actor, 'item', item.id, item.version, 'delete');
    return { deleted: { itemId: item.id, name: item.name } };
  });
  if (outcome.conflict) throw await conflictError(db, 'item', outcome.conflict, outcome.conflict);
  return outcome.deleted;
}
