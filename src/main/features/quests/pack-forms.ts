/**
 * Quests and items in the form a pack holds them: ids replaced by names. Used to export, and to
 * compare a database row with a pack entry when planning an import.
 */
import { keyUsageSchema, type StoredItem } from '@shared/domain/items.js';
import type { PackItem, PackQuest } from '@shared/domain/quest-pack.js';
import type { StoredQuest } from '@shared/domain/quests.js';
import { parseJsonText } from '@shared/domain/authoring.js';

export type Converted<T> = { ok: true; entry: T } | { ok: false; reason: string };

export function itemToPackForm(item: StoredItem, itemNames: ReadonlyMap<number, string>): Converted<PackItem> {
  // The bot's column may hold NULL: a pack names its rows, so a nameless one cannot travel.
  if ((item.name as string | null) === null) return { ok: false, reason: 'it has no name, and a pack names its items' };
  if (item.shape === 'foreign') return { ok: false, reason: `foreign shape (${item.issues[0]?.path}: ${item.issues[0]?.message})` };
  const d = item.definition;
  let usageData: Record<string, unknown> = d.usageData;
  if (d.type === 'KEY') {
    const key = keyUsageSchema.parse(d.usageData);
    if (key.lootTable) {
      const missing = key.lootTable.find((entry) => !itemNames.has(entry.itemId));
      if (missing) return { ok: false, reason: `its loot table names item #${missing.itemId}, which does not exist` };
      usageData = { ...key, lootTable: key.lootTable.map((entry) => ({ item: itemNames.get(entry.itemId)!, weight: entry.weight })) };
    }
  }
  return {
    ok: true,
    entry: { name: d.name, description: d.description, rarity: d.rarity, type: d.type, usageData, price: d.price, iconUrl: d.iconUrl, imageUrl: d.imageUrl },
  };
}

export function questToPackForm(
  quest: StoredQuest,
  itemNames: ReadonlyMap<number, string>,
  questNames: ReadonlyMap<number, string>,
): Converted<PackQuest> {
  if ((quest.name as string | null) === null) return { ok: false, reason: 'it has no name, and a pack names its quests' };
  if (quest.shape === 'foreign') return { ok: false, reason: `foreign shape (${quest.issues[0]?.path}: ${quest.issues[0]?.message})` };
  const d = quest.definition;
  const { itemId, questId, ...otherFilters } = d.requirements.filters ?? {};
  if (itemId !== undefined && !itemNames.has(itemId)) return { ok: false, reason: `its filter names item #${itemId}, which does not exist` };
  if (questId !== undefined && !questNames.has(questId)) return { ok: false, reason: `its filter names quest #${questId}, which does not exist` };
  const missingReward = d.rewards.items?.find((entry) => !itemNames.has(entry.itemId));
  if (missingReward) return { ok: false, reason: `it rewards item #${missingReward.itemId}, which does not exist` };
  const filters = {
    ...otherFilters,
    ...(itemId !== undefined ? { item: itemNames.get(itemId)! } : {}),
    ...(questId !== undefined ? { quest: questNames.get(questId)! } : {}),
  };
  return {
    ok: true,
    entry: {
      name: d.name,
      description: d.description,
      triggerEvent: d.triggerEvent,
      requirements: { target: d.requirements.target, ...(d.requirements.filters ? { filters } : {}) },
      rewards: {
        ...(d.rewards.currency !== undefined ? { currency: d.rewards.currency } : {}),
        ...(d.rewards.xp !== undefined ? { xp: d.rewards.xp } : {}),
        ...(d.rewards.items ? { items: d.rewards.items.map((entry) => ({ item: itemNames.get(entry.itemId)!, quantity: entry.quantity })) } : {}),
      },
    },
  };
}

/** A row as close to pack form as it goes: typed when it can be, raw JSON values otherwise. */
export function comparableItem(item: StoredItem, itemNames: ReadonlyMap<number, string>): Record<string, unknown> {
  const converted = itemToPackForm(item, itemNames);
  if (converted.ok) return converted.entry;
  const usage = parseJsonText(item.usageDataJson);
  const { version: _v, shape: _s, definition: _d, issues: _i, id: _id, usageDataJson: _u, ...columns } = item;
  return { ...columns, usageData: usage.ok ? usage.value : item.usageDataJson };
}

export function comparableQuest(quest: StoredQuest, itemNames: ReadonlyMap<number, string>, questNames: ReadonlyMap<number, string>): Record<string, unknown> {
  const converted = questToPackForm(quest, itemNames, questNames);
  if (converted.ok) return converted.entry;
  const requirements = parseJsonText(quest.requirementsJson);
  const rewards = parseJsonText(quest.rewardsJson);
  return {
    name: quest.name,
    description: quest.description,
    triggerEvent: quest.triggerEvent,
    requirements: requirements.ok ? requirements.value : quest.requirementsJson,
    rewards: rewards.ok ? rewards.value : quest.rewardsJson,
  };
}
