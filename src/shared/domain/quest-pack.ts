/**
 * Quest packs: quests and the items they reward, as a versioned JSON file that moves between
 * Aurora databases. Ids differ from one database to the next, so a pack names items (and the
 * quest a QUEST_COMPLETED filter waits for) by name; import matches them by name again.
 *
 * {
 *   "format": "aurora-desk.quest-pack", "version": 1,
 *   "items":  [{ "name": "Moonstone", "type": "MATERIAL", "rarity": "Rare", "usageData": {}, ... }],
 *   "quests": [{ "name": "Chatterbox", "triggerEvent": "MESSAGE_SENT",
 *                "requirements": { "target": 50, "filters": { "channelId": "1200000000000000001" } },
 *                "rewards": { "currency": "500", "items": [{ "item": "Moonstone", "quantity": 2 }] } }]
 * }
 */
import { z } from 'zod';
import { checkItemUsage, itemColumnsShape, keyLootSchema } from './items.js';
import {
  checkTriggerFilters,
  questDescriptionSchema,
  questFiltersSchema,
  questNameSchema,
  questRequirementsSchema,
  questRewardItemSchema,
  questRewardsShape,
  triggerEventSchema,
} from './quests.js';
import { rowIdSchema } from './authoring.js';

export const QUEST_PACK_FORMAT = 'aurora-desk.quest-pack';
export const QUEST_PACK_VERSION = 1;

const nameRef = z.string().min(1, 'Name the item').max(255);

export const packQuestFiltersSchema = questFiltersSchema.omit({ itemId: true, questId: true }).extend({
  item: nameRef.optional(),
  quest: z.string().min(1).max(255).optional(),
});

export const packQuestSchema = z
  .strictObject({
    name: questNameSchema,
    description: questDescriptionSchema.default(null),
    triggerEvent: triggerEventSchema,
    requirements: questRequirementsSchema.omit({ filters: true }).extend({ filters: packQuestFiltersSchema.optional() }),
    rewards: z.strictObject({
      currency: questRewardsShape.currency,
      xp: questRewardsShape.xp,
      items: z.array(z.strictObject({ item: nameRef, quantity: questRewardItemSchema.shape.quantity })).max(25, 'At most 25 reward items').optional(),
    }),
  })
  .superRefine((quest, ctx) => {
    const seen = new Set<string>();
    quest.rewards.items?.forEach((entry, index) => {
      if (seen.has(entry.item)) ctx.addIssue({ code: 'custom', path: ['rewards', 'items', index, 'item'], message: 'This item is already a reward: add to its quantity instead' });
      seen.add(entry.item);
    });
    // The pack names the filters `item` and `quest`; the trigger catalogue speaks of ids.
    const { item, quest: waitFor, ...rest } = quest.requirements.filters ?? {};
    const filters = { ...rest, ...(item !== undefined ? { itemId: 1 } : {}), ...(waitFor !== undefined ? { questId: 1 } : {}) };
    for (const issue of checkTriggerFilters(quest.triggerEvent, { target: 1, filters })) {
      ctx.addIssue({
        code: 'custom',
        message: issue.message.replace(/\bitemId\b/, 'item').replace(/\bquestId\b/, 'quest'),
        path: issue.path.replace('itemId', 'item').replace('questId', 'quest').split('.'),
      });
    }
  });
export type PackQuest = z.infer<typeof packQuestSchema>;

const packLootTableSchema = z.array(z.strictObject({ item: nameRef, weight: keyLootSchema.shape.weight })).max(50, 'At most 50 entries');

/** An item as the contract wants it, except that a key's loot table names items: {"item": "Moonstone", "weight": 10}. */
export const packItemSchema = z.object(itemColumnsShape).superRefine((item, ctx) => {
  let usage: Record<string, unknown> = item.usageData;
  if (item.type === 'KEY' && usage.lootTable !== undefined) {
    const loot = packLootTableSchema.safeParse(usage.lootTable);
    if (!loot.success) {
      for (const issue of loot.error.issues) ctx.addIssue({ code: 'custom', message: issue.message, path: ['usageData', 'lootTable', ...issue.path.map(String)] });
      return;
    }
    // Checked like a stored key, with stand-in ids: the names are resolved on import.
    usage = { ...usage, lootTable: loot.data.map((entry) => ({ itemId: 1, weight: entry.weight })) };
  }
  for (const issue of checkItemUsage(item.type, usage)) ctx.addIssue({ code: 'custom', message: issue.message, path: issue.path.split('.') });
});
export type PackItem = z.infer<typeof packItemSchema>;

export interface QuestPack {
  format: typeof QUEST_PACK_FORMAT;
  version: typeof QUEST_PACK_VERSION;
  exportedAt: string;
  exportedBy: string;
  items: PackItem[];
  quests: PackQuest[];
}

/** The envelope; entries are validated one by one so each invalid one gets its own reasons. */
export const packEnvelopeSchema = z.object({
  format: z.literal(QUEST_PACK_FORMAT, { error: `Not a quest pack: "format" must be "${QUEST_PACK_FORMAT}"` }),
  version: z
    .number({ error: 'The pack has no version number' })
    .int()
    .refine((v) => v <= QUEST_PACK_VERSION, 'This pack was written by a newer Aurora Desk: update the app to import it')
    .refine((v) => v >= 1, 'Unknown pack version'),
  items: z.array(z.unknown()).max(5000, 'At most 5,000 items per pack').default([]),
  quests: z.array(z.unknown()).max(5000, 'At most 5,000 quests per pack').default([]),
});

// ── procedure inputs and answers ─────────────────────────────────────────────────────────────

const selection = <T extends string>(...words: [T, ...T[]]) => z.union([z.enum(words), z.array(rowIdSchema).max(5000)]);

export const packExportInputSchema = z.strictObject({
  /** Which quests: all, none (an item catalogue), or these ids. */
  quests: selection('all', 'none').default('all'),
  /** Which items: those the exported quests reference, all, or these ids (plus the referenced ones). */
  items: selection('referenced', 'all').default('referenced'),
});
export type PackExportInput = z.input<typeof packExportInputSchema>;

export interface PackExport {
  pack: QuestPack;
  fileName: string;
  /** Rows that cannot travel (foreign shapes, unknown item ids), with why. */
  skipped: { kind: 'item' | 'quest'; id: number; name: string; reason: string }[];
}

/** 10 MB of JSON text; the file is read in the renderer and sent as text. */
export const packImportInputSchema = z.strictObject({ text: z.string().min(1, 'The file is empty').max(10_000_000, 'A pack is at most 10 MB') });

export type PackAction = 'create' | 'update' | 'unchanged' | 'invalid';

export interface PackPlanEntry {
  kind: 'item' | 'quest';
  /** Position in the pack's items or quests array. */
  index: number;
  name: string;
  action: PackAction;
  /** For 'invalid': why; for 'update': nothing. */
  reasons: string[];
  /** For 'update': the fields that differ from the database. */
  changedFields: string[];
  existingId: number | null;
}

export interface PackPlan {
  entries: PackPlanEntry[];
  counts: Record<PackAction, number>;
  /** Problems with the file as a whole (not JSON, wrong format, newer version). */
  fileErrors: string[];
  /** True when nothing is invalid: apply writes everything or nothing. */
  canApply: boolean;
}

export interface PackApplied {
  plan: PackPlan;
  created: { kind: 'item' | 'quest'; id: number; name: string }[];
  updated: { kind: 'item' | 'quest'; id: number; name: string }[];
}
