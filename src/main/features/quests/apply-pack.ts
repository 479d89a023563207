/**
 * Import, step two: the plan again, inside ONE transaction, then every write. Any invalid
 * entry refuses the whole pack before anything is written; any failure while writing rolls the
 * whole pack back. Names become ids here: items first (so quests can point at them), references
 * to entries created later in the same pack filled in on a second pass.
 */
import { eq } from 'drizzle-orm';
import type { PackApplied, PackItem, PackQuest } from '@shared/domain/quest-pack.js';
import type { QuestRequirements, QuestRewards } from '@shared/domain/quests.js';
import type { StaffWrite } from '../../core/audit.js';
import { items, quests } from '../../db/schema.js';
import { ERRORS } from '../../core/errors.js';
import { loadItems } from '../authoring/item-rows.js';
import { buildPackWork } from './plan-pack.js';
import { loadQuests } from './quest-rows.js';
import { jsonbText, recordRevision } from '../authoring/revisions.js';

type Ids = Map<string, number>;

/** usage_data with loot names turned into ids; null while a name is not created yet. */
function resolveUsage(entry: PackItem, itemIds: Ids): Record<string, unknown> | null {
  const loot = entry.usageData.lootTable as { item: string; weight: number }[] | undefined;
  if (entry.type !== 'KEY' || !loot) return entry.usageData;
  if (loot.some((l) => !itemIds.has(l.item))) return null;
  return { ...entry.usageData, lootTable: loot.map((l) => ({ itemId: itemIds.get(l.item)!, weight: l.weight })) };
}

function resolveRequirements(entry: PackQuest, itemIds: Ids, questIds: Ids): QuestRequirements | null {
  const { item, quest, ...filters } = entry.requirements.filters ?? {};
  if (quest !== undefined && !questIds.has(quest)) return null;
  return {
    target: entry.requirements.target,
    ...(entry.requirements.filters
      ? {
          filters: {
            ...filters,
            ...(item !== undefined ? { itemId: itemIds.get(item)! } : {}),
            ...(quest !== undefined ? { questId: questIds.get(quest)! } : {}),
          },
        }
      : {}),
  };
}

function resolveRewards(entry: PackQuest, itemIds: Ids): QuestRewards {
  const { items: rewardItems, ...rest } = entry.rewards;
  return { ...rest, ...(rewardItems ? { items: rewardItems.map((r) => ({ itemId: itemIds.get(r.item)!, quantity: r.quantity })) } : {}) };
}

export async function applyQuestPack(write: StaffWrite, text: string): Promise<PackApplied> {
  const { actor } = write;
  return write.transaction(async (tx) => {
    const work = await buildPackWork(tx, text);
    if (!work.plan.canApply) {
      const invalid = work.plan.entries.filter((e) => e.action === 'invalid');
      const fieldErrors: Record<string, string[]> = {};
      if (work.plan.fileErrors.length) fieldErrors.file = work.plan.fileErrors;
      for (const e of invalid) fieldErrors[`${e.kind === 'item' ? 'items' : 'quests'}.${e.index}`] = e.reasons;
      throw ERRORS.badRequest(
        work.plan.fileErrors.length
          ? `The file cannot be imported: ${work.plan.fileErrors.join('; ')}`
          : `${invalid.length} of ${work.plan.entries.length} entries are invalid (${invalid.map((e) => `${e.kind} “${e.name}”`).join(', ')}): nothing was imported.`,
        fieldErrors,
      );
    }
    const created: PackApplied['created'] = [];
    const updated: PackApplied['updated'] = [];
    const itemIds: Ids = new Map(work.itemIdsByName);

    const deferredItems: { id: number; entry: PackItem }[] = [];
    for (const planned of work.items) {
      if (planned.action === 'unchanged') continue;
      const e = planned.entry;
      const usage = resolveUsage(e, itemIds);
      const values = {
        name: e.name,
        description: e.description,
        rarity: e.rarity,
        type: e.type,
        usageData: jsonbText(JSON.stringify(usage ?? {})),
        price: e.price === null ? null : BigInt(e.price),
        iconUrl: e.iconUrl,
        imageUrl: e.imageUrl,
      };
      let id = planned.existingId;
      if (planned.action === 'create') {
        const [row] = await tx.insert(items).values(values).returning({ id: items.id });
        id = row!.id;
        itemIds.set(e.name, id);
        created.push({ kind: 'item', id, name: e.name });
      } else {
        await tx.update(items).set(values).where(eq(items.id, id!));
        updated.push({ kind: 'item', id: id!, name: e.name });
      }
      if (!usage) deferredItems.push({ id: id!, entry: e });
    }
    for (const { id, entry } of deferredItems) {
      await tx.update(items).set({ usageData: jsonbText(JSON.stringify(resolveUsage(entry, itemIds))) }).where(eq(items.id, id));
    }

    const questIds: Ids = new Map([...work.questIdsByName].flatMap(([name, ids]) => (ids.length === 1 ? [[name, ids[0]!] as const] : [])));
    const deferredQuests: { id: number; entry: PackQuest }[] = [];
    for (const planned of work.quests) {
      if (planned.action === 'unchanged') continue;
      const e = planned.entry;
      const requirements = resolveRequirements(e, itemIds, questIds);
      const values = {
        name: e.name,
        description: e.description,
        triggerEvent: e.triggerEvent,
        requirements: jsonbText(JSON.stringify(requirements ?? { target: e.requirements.target })),
        rewards: jsonbText(JSON.stringify(resolveRewards(e, itemIds))),
      };
      let id = planned.existingId;
      if (planned.action === 'create') {
        const [row] = await tx.insert(quests).values(values).returning({ id: quests.id });
        id = row!.id;
        questIds.set(e.name, id);
        created.push({ kind: 'quest', id, name: e.name });
      } else {
        await tx.update(quests).set(values).where(eq(quests.id, id!));
        updated.push({ kind: 'quest', id: id!, name: e.name });
      }
      if (!requirements) deferredQuests.push({ id: id!, entry: e });
    }
    for (const { id, entry } of deferredQuests) {
      await tx.update(quests).set({ requirements: jsonbText(JSON.stringify(resolveRequirements(entry, itemIds, questIds))) }).where(eq(quests.id, id));
    }

    // Everything written must read back as the contract says; otherwise nothing is kept.
    const written = [...created, ...updated];
    const storedItems = await loadItems(tx, written.filter((w) => w.kind === 'item').map((w) => w.id));
    const storedQuests = await loadQuests(tx, written.filter((w) => w.kind === 'quest').map((w) => w.id));
    for (const row of [...storedItems, ...storedQuests]) {
      if (row.shape !== 'valid') throw ERRORS.badRequest(`Imported “${row.name}” does not read back as the contract says (${row.issues[0]?.message}): nothing was imported.`);
    }
    for (const row of storedItems) await recordRevision(tx, actor, 'item', row.id, row.version, 'import');
    for (const row of storedQuests) await recordRevision(tx, actor, 'quest', row.id, row.version, 'import');
    return { plan: work.plan, created, updated };
  });
}
