/**
 * Export: the chosen quests, the items they point at (and the items those keys can drop), as a
 * version 1 pack. Rows that cannot travel are left out and listed with the reason.
 */
import { asc } from 'drizzle-orm';
import { z } from 'zod';
import { usageItemIds } from '@shared/domain/items.js';
import { QUEST_PACK_FORMAT, QUEST_PACK_VERSION, type PackExport, type PackItem, type PackQuest, type packExportInputSchema } from '@shared/domain/quest-pack.js';
import { questItemIds, type StoredQuest } from '@shared/domain/quests.js';
import type { AuroraDatabase, AuroraDb } from '../../core/database.js';
import { items, quests } from '../../db/schema.js';
import { itemColumns, loadItems, toStoredItem } from '../authoring/item-rows.js';
import { itemToPackForm, questToPackForm } from './pack-forms.js';
import { loadQuests, questColumns, toStoredQuest } from './quest-rows.js';

type ExportInput = z.output<typeof packExportInputSchema>;

export async function loadNames(db: AuroraDb): Promise<{ itemNames: Map<number, string>; questNames: Map<number, string> }> {
  const [itemRows, questRows] = await Promise.all([
    db.select({ id: items.id, name: items.name }).from(items),
    db.select({ id: quests.id, name: quests.name }).from(quests),
  ]);
  return { itemNames: new Map(itemRows.map((r) => [r.id, r.name])), questNames: new Map(questRows.map((r) => [r.id, r.name])) };
}

async function selectQuests(db: AuroraDb, selection: ExportInput['quests']): Promise<StoredQuest[]> {
  if (selection === 'none') return [];
  if (selection === 'all') return (await db.select(questColumns).from(quests).orderBy(asc(quests.id))).map(toStoredQuest);
  return (await loadQuests(db, selection)).sort((a, b) => a.id - b.id);
}

export async function exportQuestPack(database: AuroraDatabase, input: ExportInput, exportedBy: string | null): Promise<PackExport> {
  const { db } = database;
  const { itemNames, questNames } = await loadNames(db);
  const skipped: PackExport['skipped'] = [];
  const packQuests: PackQuest[] = [];
  const wantedItems = new Set<number>();
  const exportedNames = new Set<string>();
  for (const quest of await selectQuests(db, input.quests)) {
    // A pack names quests; two of the same name could never be told apart on import.
    if (quest.name !== null && exportedNames.has(quest.name)) {
      skipped.push({ kind: 'quest', id: quest.id, name: quest.name, reason: 'another exported quest has the same name: rename one to export both' });
      continue;
    }
    const converted = questToPackForm(quest, itemNames, questNames);
    if (!converted.ok) {
      skipped.push({ kind: 'quest', id: quest.id, name: quest.name, reason: converted.reason });
      continue;
    }
    packQuests.push(converted.entry);
    exportedNames.add(quest.name);
    for (const id of questItemIds(quest.definition!)) wantedItems.add(id);
  }

  let itemRows = input.items === 'all' ? (await db.select(itemColumns).from(items).orderBy(asc(items.name))).map(toStoredItem) : [];
  if (input.items !== 'all') {
    for (const id of Array.isArray(input.items) ? input.items : []) wantedItems.add(id);
    itemRows = await loadItems(db, [...wantedItems]);
  }
  // A key's loot table names other items: bring them along so the pack stands on its own.
  const included = new Set(itemRows.map((i) => i.id));
  for (let frontier = itemRows; frontier.length; ) {
    const more = frontier.flatMap((i) => usageItemIds(i.type, i.definition?.usageData)).filter((id) => !included.has(id));
    more.forEach((id) => included.add(id));
    frontier = await loadItems(db, [...new Set(more)]);
    itemRows.push(...frontier);
  }

  const packItems: PackItem[] = [];
  for (const item of itemRows.sort((a, b) => (a.name ?? '').localeCompare(b.name ?? ''))) {
    const converted = itemToPackForm(item, itemNames);
    if (converted.ok) packItems.push(converted.entry);
    else skipped.push({ kind: 'item', id: item.id, name: item.name, reason: `${converted.reason}; quests that reward it still name it` });
  }

  const exportedAt = new Date();
  const kind = packQuests.length ? 'quest-pack' : 'item-catalogue';
  return {
    pack: { format: QUEST_PACK_FORMAT, version: QUEST_PACK_VERSION, exportedAt: exportedAt.toISOString(), exportedBy: exportedBy ?? 'Aurora Desk', items: packItems, quests: packQuests },
    fileName: `aurora-${kind}-${exportedAt.toISOString().slice(0, 10)}.json`,
    skipped,
  };
}
