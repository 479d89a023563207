/**
 * Import, step one: read a pack and decide, entry by entry, what applying it would do (create,
 * update, unchanged, or invalid with reasons). Writes nothing. `applyQuestPack` runs the same
 * plan again inside its transaction.
 */
import { inArray } from 'drizzle-orm';
import type { z } from 'zod';
import { canonicalJson, issuesFrom, parseJsonText } from '@shared/domain/authoring.js';
import { packEnvelopeSchema, packItemSchema, packQuestSchema, type PackAction, type PackItem, type PackPlan, type PackPlanEntry, type PackQuest } from '@shared/domain/quest-pack.js';
import type { AuroraDatabase, AuroraDb } from '../../core/database.js';
import { items, quests } from '../../db/schema.js';
import { itemColumns, toStoredItem } from '../authoring/item-rows.js';
import { loadNames } from './export-pack.js';
import { comparableItem, comparableQuest } from './pack-forms.js';
import { questColumns, toStoredQuest } from './quest-rows.js';

export interface PlannedEntry<T> {
  index: number;
  entry: T;
  action: Exclude<PackAction, 'invalid'>;
  existingId: number | null;
}

export interface PackWork {
  plan: PackPlan;
  items: PlannedEntry<PackItem>[];
  quests: PlannedEntry<PackQuest>[];
  /** The database's items and quests by name, as found when planning. */
  itemIdsByName: Map<string, number>;
  questIdsByName: Map<string, number[]>;
}

function describe(error: z.ZodError): string[] {
  return issuesFrom(error).map((issue) => (issue.path ? `${issue.path}: ${issue.message}` : issue.message));
}

function summarise(entries: PackPlanEntry[], fileErrors: string[]): PackPlan {
  const counts: Record<PackAction, number> = { create: 0, update: 0, unchanged: 0, invalid: 0 };
  for (const entry of entries) counts[entry.action]++;
  return { entries, counts, fileErrors, canApply: fileErrors.length === 0 && counts.invalid === 0 && entries.length > 0 };
}

function entryName(raw: unknown, index: number, kind: string): string {
  const name = (raw as { name?: unknown } | null)?.name;
  return typeof name === 'string' && name ? name : `${kind} ${index + 1} (no name)`;
}

function changedFields(existing: Record<string, unknown>, entry: Record<string, unknown>): string[] {
  const keys = new Set([...Object.keys(existing), ...Object.keys(entry)]);
  return [...keys].filter((key) => canonicalJson(existing[key] ?? null) !== canonicalJson(entry[key] ?? null)).sort();
}

export async function buildPackWork(db: AuroraDb, text: string): Promise<PackWork> {
  const empty = (fileErrors: string[]): PackWork => ({ plan: summarise([], fileErrors), items: [], quests: [], itemIdsByName: new Map(), questIdsByName: new Map() });
  const json = parseJsonText(text);
  if (!json.ok) return empty([`The file is not JSON: ${json.message.replace(/^Not valid JSON: /, '')}`]);
  const envelope = packEnvelopeSchema.safeParse(json.value);
  if (!envelope.success) return empty(describe(envelope.error));
  if (envelope.data.items.length + envelope.data.quests.length === 0) return empty(['The pack holds no items and no quests']);

  const { itemNames, questNames } = await loadNames(db);
  const itemIdsByName = new Map([...itemNames].map(([id, name]) => [name, id]));
  const questIdsByName = new Map<string, number[]>();
  for (const [id, name] of questNames) questIdsByName.set(name, [...(questIdsByName.get(name) ?? []), id]);

  // Items: each on its own, then names unique within the pack.
  const itemEntries = envelope.data.items.map((raw, index) => {
    const parsed = packItemSchema.safeParse(raw);
    return { index, name: entryName(raw, index, 'Item'), entry: parsed.success ? parsed.data : null, reasons: parsed.success ? [] : describe(parsed.error) };
  });
  const questEntries = envelope.data.quests.map((raw, index) => {
    const parsed = packQuestSchema.safeParse(raw);
    return { index, name: entryName(raw, index, 'Quest'), entry: parsed.success ? parsed.data : null, reasons: parsed.success ? [] : describe(parsed.error) };
  });
  for (const list of [itemEntries, questEntries]) {
    const seen = new Set<string>();
    for (const e of list) {
      if (e.entry && seen.has(e.entry.name)) e.reasons.push(`“${e.entry.name}” is listed twice in the pack`);
      if (e.entry) seen.add(e.entry.name);
    }
  }

  // References by name: to a valid entry of the pack, or to what the database already holds.
  const packItemNames = new Set(itemEntries.filter((e) => e.entry && !e.reasons.length).map((e) => e.name));
  const knownItem = (name: string) => packItemNames.has(name) || itemIdsByName.has(name);
  const itemRef = (name: string) =>
    knownItem(name)
      ? null
      : itemEntries.some((e) => e.name === name)
        ? `item “${name}” is invalid in this pack`
        : `no item “${name}” in the pack or the database`;
  for (const e of itemEntries) {
    const loot = (e.entry?.usageData.lootTable ?? []) as { item: string }[];
    for (const [i, entry] of loot.entries()) {
      const problem = itemRef(entry.item);
      if (problem) e.reasons.push(`usageData.lootTable.${i}.item: ${problem}`);
    }
  }
  for (const e of questEntries) {
    const sameName = e.entry ? (questIdsByName.get(e.entry.name)?.length ?? 0) : 0;
    if (sameName > 1) e.reasons.push(`${sameName} quests are named “${e.name}” in this database: rename all but one so the pack knows which to update`);
  }
  const packQuestNames = new Set(questEntries.filter((e) => e.entry && !e.reasons.length).map((e) => e.name));
  for (const e of questEntries) {
    if (!e.entry) continue;
    const filters = e.entry.requirements.filters;
    if (filters?.item !== undefined) {
      const problem = itemRef(filters.item);
      if (problem) e.reasons.push(`requirements.filters.item: ${problem}`);
    }
    e.entry.rewards.items?.forEach((reward, i) => {
      const problem = itemRef(reward.item);
      if (problem) e.reasons.push(`rewards.items.${i}.item: ${problem}`);
    });
    if (filters?.quest !== undefined && !packQuestNames.has(filters.quest)) {
      const matches = questIdsByName.get(filters.quest)?.length ?? 0;
      if (matches === 0) e.reasons.push(`requirements.filters.quest: no quest “${filters.quest}” in the pack or the database`);
      if (matches > 1) e.reasons.push(`requirements.filters.quest: ${matches} quests are named “${filters.quest}” in the database`);
    }
  }

  // Compare with the database rows of the same name.
  const existingItems = new Map(
    (await loadByName(db, 'items', itemEntries.flatMap((e) => (e.entry ? [e.entry.name] : []))))
      .map((row) => [row.name, row] as const),
  );
  const existingQuests = new Map(
    (await loadByName(db, 'quests', questEntries.flatMap((e) => (e.entry && (questIdsByName.get(e.entry.name)?.length ?? 0) === 1 ? [e.entry.name] : []))))
      .map((row) => [row.name, row] as const),
  );

  const entries: PackPlanEntry[] = [];
  const plannedItems: PlannedEntry<PackItem>[] = [];
  const plannedQuests: PlannedEntry<PackQuest>[] = [];
  for (const e of itemEntries) {
    const existing = e.entry ? existingItems.get(e.entry.name) : undefined;
    const stored = existing && 'rarity' in existing ? existing : undefined;
    const changes = e.entry && stored ? changedFields(comparableItem(stored, itemNames), e.entry) : [];
    const action: PackAction = e.reasons.length || !e.entry ? 'invalid' : !stored ? 'create' : changes.length ? 'update' : 'unchanged';
    entries.push({ kind: 'item', index: e.index, name: e.name, action, reasons: e.reasons, changedFields: changes, existingId: stored?.id ?? null });
    if (action !== 'invalid') plannedItems.push({ index: e.index, entry: e.entry!, action, existingId: stored?.id ?? null });
  }
  for (const e of questEntries) {
    const existing = e.entry ? existingQuests.get(e.entry.name) : undefined;
    const stored = existing && 'triggerEvent' in existing ? existing : undefined;
    const changes = e.entry && stored ? changedFields(comparableQuest(stored, itemNames, questNames), e.entry) : [];
    const action: PackAction = e.reasons.length || !e.entry ? 'invalid' : !stored ? 'create' : changes.length ? 'update' : 'unchanged';
    entries.push({ kind: 'quest', index: e.index, name: e.name, action, reasons: e.reasons, changedFields: changes, existingId: stored?.id ?? null });
    if (action !== 'invalid') plannedQuests.push({ index: e.index, entry: e.entry!, action, existingId: stored?.id ?? null });
  }
  return { plan: summarise(entries, []), items: plannedItems, quests: plannedQuests, itemIdsByName, questIdsByName };
}

async function loadByName(db: AuroraDb, table: 'items' | 'quests', names: string[]) {
  if (names.length === 0) return [];
  if (table === 'items') return (await db.select(itemColumns).from(items).where(inArray(items.name, names))).map(toStoredItem);
  return (await db.select(questColumns).from(quests).where(inArray(quests.name, names))).map(toStoredQuest);
}

export async function planQuestPack(database: AuroraDatabase, text: string): Promise<PackPlan> {
  const { db } = database;
  return (await buildPackWork(db, text)).plan;
}
