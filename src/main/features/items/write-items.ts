/**
 * Creating and editing items, one transaction each, with the same rules as quests: an edit
 * carries the version the game master opened and only the changed columns; a foreign
 * usage_data stays as the bot wrote it unless it is edited.
 */
import { and, eq, ne } from 'drizzle-orm';
import { z } from 'zod';
import { fieldErrorsFrom, parseJsonText, type ContractIssue } from '@shared/domain/authoring.js';
import { ITEM_JSON_COLUMNS, itemColumnTexts, usageItemIds, type ItemDefinition, type StoredItem, type itemUpdateInputSchema } from '@shared/domain/items.js';
import type { StaffWrite } from '../../core/audit.js';
import type { AuroraDb } from '../../core/database.js';
import { items } from '../../db/schema.js';
import { ERRORS } from '../../core/errors.js';
import { conflictError, jsonbText, rebaseEdit, recordRevision } from '../authoring/revisions.js';
import { itemColumns, loadItem, missingItemIds, toStoredItem, type ItemRecord } from '../authoring/item-rows.js';

type ItemUpdate = z.output<typeof itemUpdateInputSchema>;

function refuse(message: string, issues: ContractIssue[]): never {
  throw ERRORS.badRequest(`${message}: ${issues.map((i) => `${i.path || 'item'}: ${i.message}`).join('; ')}`, fieldErrorsFrom(issues));
}

async function checkNameFree(db: AuroraDb, name: string, exceptId?: number): Promise<void> {
  const [taken] = await db
    .select({ id: items.id })
    .from(items)
    .where(and(eq(items.name, name), exceptId !== undefined ? ne(items.id, exceptId) : undefined));
  if (taken) refuse('Item names are unique', [{ path: 'name', message: `Item #${taken.id} is already called “${name}”` }]);
}

async function checkLootTable(db: AuroraDb, type: string, usage: unknown): Promise<void> {
  const ids = usageItemIds(type, usage);
  const missing = await missingItemIds(db, ids);
  const issues = ids.flatMap((id, i) => (missing.has(id) ? [{ path: `usageData.lootTable.${i}.itemId`, message: `No item #${id}` }] : []));
  if (issues.length) refuse('The loot table names items that do not exist', issues);
}

export async function createItem(write: StaffWrite, input: ItemDefinition): Promise<StoredItem> {
  const { actor } = write;
  return write.transaction(async (tx) => {
    await checkNameFree(tx, input.name);
    await checkLootTable(tx, input.type, input.usageData);
    const [row] = await tx
      .insert(items)
      .values({
        name: input.name,
        description: input.description,
        rarity: input.rarity,
        type: input.type,
        usageData: jsonbText(JSON.stringify(input.usageData)),
        price: input.price === null ? null : BigInt(input.price),
        iconUrl: input.iconUrl,
        imageUrl: input.imageUrl,
      })
      .returning(itemColumns);
    const stored = toStoredItem(row!);
    await recordRevision(tx, actor, 'item', stored.id, stored.version, 'create');
    return stored;
  });
}

export async function updateItem(write: StaffWrite, input: ItemUpdate): Promise<StoredItem> {
  const db = write.database.db;
  const { actor } = write;
  const outcome = await write.transaction(async (tx) => {
    const current = await loadItem(tx, input.id, { lock: true });
    let changes = input.changes;
    if (current.version !== input.version) {
      const rebased = rebaseEdit(changes, input.originals, itemColumnTexts(current), ITEM_JSON_COLUMNS);
      if (!rebased.changes) return { conflict: current, fields: rebased.conflicts };
      changes = rebased.changes;
    }
    const changed = new Set(Object.keys(changes).filter((key) => changes[key as keyof typeof changes] !== undefined));
    if (changed.size === 0) return { item: current };

    const usageEdit = changes.usageData;
    let usageJson = current.usageDataJson;
    if (usageEdit?.kind === 'typed') usageJson = JSON.stringify(usageEdit.value);
    if (usageEdit?.kind === 'raw') {
      const parsed = parseJsonText(usageEdit.json);
      if (!parsed.ok) refuse('The raw JSON cannot be saved', [{ path: 'usageData', message: parsed.message }]);
      if (parsed.value === null || typeof parsed.value !== 'object' || Array.isArray(parsed.value)) {
        refuse('The raw JSON cannot be saved', [{ path: 'usageData', message: 'Must be a JSON object' }]);
      }
      usageJson = usageEdit.json;
    }
    const next: ItemRecord = {
      id: current.id,
      name: changes.name ?? current.name,
      description: changes.description !== undefined ? changes.description : current.description,
      rarity: changes.rarity ?? current.rarity,
      type: changes.type ?? current.type,
      usageDataJson: usageJson,
      price: changes.price !== undefined ? changes.price : current.price,
      iconUrl: changes.iconUrl !== undefined ? changes.iconUrl : current.iconUrl,
      imageUrl: changes.imageUrl !== undefined ? changes.imageUrl : current.imageUrl,
    };
    const merged = toStoredItem(next);
    const knowinglyForeign = usageEdit?.kind === 'raw' && usageEdit.allowForeign;
    // usage_data is defined per type: a new type must come with usage that fits it.
    if (changed.has('type')) changed.add('usageData');
    const blocked = merged.issues.filter((issue) => {
      const field = issue.path.split('.')[0] ?? '';
      if (field === 'usageData' && knowinglyForeign) return false;
      return current.shape === 'valid' || changed.has(field);
    });
    if (blocked.length) refuse('The item does not match the contract', blocked);
    if (changed.has('name')) await checkNameFree(tx, next.name, current.id);
    if (changed.has('usageData')) await checkLootTable(tx, next.type, JSON.parse(next.usageDataJson));

    const [row] = await tx
      .update(items)
      .set({
        ...(changed.has('name') ? { name: next.name } : {}),
        ...(changed.has('description') ? { description: next.description } : {}),
        ...(changed.has('rarity') ? { rarity: next.rarity } : {}),
        ...(changed.has('type') ? { type: next.type } : {}),
        ...(usageEdit ? { usageData: jsonbText(next.usageDataJson) } : {}),
        ...(changed.has('price') ? { price: next.price === null ? null : BigInt(next.price) } : {}),
        ...(changed.has('iconUrl') ? { iconUrl: next.iconUrl } : {}),
        ...(changed.has('imageUrl') ? { imageUrl: next.imageUrl } : {}),
      })
      .where(eq(items.id, current.id))
      .returning(itemColumns);
    const stored = toStoredItem(row!);
    await recordRevision(tx, actor, 'item', stored.id, stored.version, 'update');
    return { item: stored };
  });
  if (outcome.conflict) throw await conflictError(db, 'item', outcome.conflict, outcome.conflict, outcome.fields);
  return outcome.item;
}
