/**
 * The quest contract: what a row of `quests` must hold for the bot to track and reward it.
 *
 *   trigger_event  UPPER_SNAKE_CASE, at most 50 characters: one of QUEST_TRIGGERS or a custom event
 *   requirements   {"target": 10, "filters": {"channelId": "1200000000000000001"}}
 *   rewards        {"currency": "500", "xp": 100, "items": [{"itemId": 3, "quantity": 2}]}
 *
 * Each matching event adds 1 to a player's `user_quests.progress` (LEVEL_UP instead sets it to
 * the level reached); the quest completes when progress reaches `target`. Rows in another shape load as 'foreign' and keep
 * their exact stored text until a game master edits them.
 */
import { z } from 'zod';
import {
  issuesFrom,
  jsonEditSchema,
  parseJsonText,
  positiveAmountSchema,
  refineWith,
  rowDeleteInputSchema,
  rowDescriptionSchema,
  rowIdInputSchema,
  rowIdSchema,
  rowListShape,
  rowNameSchema,
  rowUpdateInputSchema,
  storedAsForeign,
  storedAsValid,
  upperSnakeSchema,
  type AuthoredRowColumns,
  type ContractIssue,
  type StoredRow,
} from './authoring.js';
import { itemRaritySchema, itemTypeSchema } from './items.js';
import { snowflakeSchema } from '../identity.js';

// ── trigger events ───────────────────────────────────────────────────────────────────────────

export const QUEST_FILTER_KEYS = ['itemId', 'itemType', 'rarity', 'channelId', 'currency', 'questId'] as const;
export type QuestFilterKey = (typeof QUEST_FILTER_KEYS)[number];

export interface QuestTriggerInfo {
  event: string;
  label: string;
  /** What one step of progress is, singular and plural, for "Send 10 messages". */
  unit: [string, string];
  verb: string;
  /** 'count': each matching event adds 1. 'level': progress is the level reached. */
  progress: 'count' | 'level';
  description: string;
  /** The filters the bot applies for this event; others are refused. */
  filters: readonly QuestFilterKey[];
}

/** The bot's events. Custom UPPER_SNAKE events are accepted too (any filter, no preview wording). */
export const QUEST_TRIGGERS: readonly QuestTriggerInfo[] = [
  trigger('MESSAGE_SENT', 'Message sent', 'Send', ['message', 'messages'], 'Each message the player sends (in that channel, if filtered).', ['channelId']),
  trigger('VOICE_MINUTES', 'Minutes in voice', 'Spend', ['minute in voice', 'minutes in voice'], 'Each full minute in a voice channel (that channel, if filtered).', ['channelId']),
  trigger('DAILY_CLAIMED', 'Daily claimed', 'Claim', ['daily reward', 'daily rewards'], 'Each claim of the daily reward.', []),
  trigger('WORK_COMPLETED', 'Work completed', 'Work', ['shift', 'shifts'], 'Each completed work shift.', []),
  trigger('ITEM_USED', 'Item used', 'Use', ['item', 'items'], 'Each item the player uses (that item, type or rarity, if filtered).', ['itemId', 'itemType', 'rarity']),
  trigger('ITEM_COLLECTED', 'Item collected', 'Collect', ['item', 'items'], 'Each item entering the inventory; the quantity counts.', ['itemId', 'itemType', 'rarity']),
  trigger('LOOTDROP_CLAIMED', 'Lootdrop claimed', 'Claim', ['lootdrop', 'lootdrops'], 'Each lootdrop claimed (in that channel or of that currency, if filtered).', ['channelId', 'currency']),
  trigger('QUEST_COMPLETED', 'Quest completed', 'Complete', ['quest', 'quests'], 'Each other quest completed (that quest, if filtered).', ['questId']),
  { ...trigger('LEVEL_UP', 'Level reached', 'Reach', ['level', 'levels'], 'Progress is the level the player reaches; the target is a level.', []), progress: 'level' },
  trigger('TRADE_COMPLETED', 'Trade completed', 'Complete', ['trade', 'trades'], 'Each trade with another player (involving that item, if filtered).', ['itemId']),
  trigger('SHOP_BUY', 'Shop purchase', 'Buy', ['item from the shop', 'items from the shop'], 'Each item bought in the shop (that item, type or rarity, if filtered).', ['itemId', 'itemType', 'rarity']),
];

function trigger(event: string, label: string, verb: string, unit: [string, string], description: string, filters: QuestFilterKey[]): QuestTriggerInfo {
  return { event, label, verb, unit, description, filters, progress: 'count' };
}

export function questTrigger(event: string): QuestTriggerInfo | undefined {
  return QUEST_TRIGGERS.find((t) => t.event === event);
}

export const triggerEventSchema = upperSnakeSchema('trigger event', 50);

// ── requirements and rewards ─────────────────────────────────────────────────────────────────

/** Discord IDs inside JSON are strings: a JSON number cannot hold 64 bits. */
const discordIdText = z
  .string({ error: 'A Discord ID is a string of digits (JSON numbers cannot hold it)' })
  .regex(/^\d{15,20}$/, 'A Discord ID is 15 to 20 digits')
  .refine((s) => !/^\d+$/.test(s) || BigInt(s) < 2n ** 63n, 'Too large for a Discord ID');

/**
 * The filters the desk knows, typed; any other key is a custom filter, allowed for custom
 * triggers (the bot's own code reads it) and refused for catalogued ones (checkTriggerFilters).
 */
export const questFiltersSchema = z.object({
  itemId: rowIdSchema.optional(),
  itemType: itemTypeSchema.optional(),
  rarity: itemRaritySchema.optional(),
  channelId: discordIdText.optional(),
  /** A currency constant, as lootdrops.currency holds it (GOLD, GEMS). */
  currency: upperSnakeSchema('currency', 50).optional(),
  questId: rowIdSchema.optional(),
}).catchall(z.json());
export type QuestFilters = z.infer<typeof questFiltersSchema>;

/** user_quests.progress is an int4: a target above 2^31-1 could never be reached. */
export const QUEST_TARGET_MAX = 2147483647;

export const questRequirementsSchema = z.strictObject({
  target: z
    .number({ error: (issue) => (issue.input === undefined ? 'Set a target' : 'The target is a whole number') })
    .int('The target is a whole number')
    .min(1, 'The target is at least 1')
    .max(QUEST_TARGET_MAX, 'The target fits in 32 bits'),
  filters: questFiltersSchema.optional(),
});
export type QuestRequirements = z.infer<typeof questRequirementsSchema>;

export const questRewardItemSchema = z.strictObject({
  itemId: rowIdSchema,
  quantity: z.number({ error: 'The quantity is a whole number' }).int('The quantity is a whole number').min(1, 'At least 1').max(1_000_000, 'At most 1,000,000'),
});

export const questRewardsShape = {
  /** Currency as a decimal string (balances are 64-bit). */
  currency: positiveAmountSchema.optional(),
  xp: z.number({ error: 'XP is a whole number' }).int('XP is a whole number').min(1, 'XP is at least 1').max(Number.MAX_SAFE_INTEGER).optional(),
  items: z.array(questRewardItemSchema).max(25, 'At most 25 reward items').optional(),
};

export const questRewardsSchema = z
  .strictObject(questRewardsShape)
  .superRefine((rewards, ctx) => {
    const seen = new Set<number>();
    rewards.items?.forEach((entry, index) => {
      if (seen.has(entry.itemId)) ctx.addIssue({ code: 'custom', path: ['items', index, 'itemId'], message: 'This item is already a reward: add to its quantity instead' });
      seen.add(entry.itemId);
    });
  });
export type QuestRewards = z.infer<typeof questRewardsSchema>;

export const questNameSchema = rowNameSchema('quest');
export const questDescriptionSchema = rowDescriptionSchema;

/** Filter keys the form has no field for: such requirements are edited as JSON. */
export function customFilterKeys(requirements: QuestRequirements): string[] {
  return Object.keys(requirements.filters ?? {}).filter((key) => !(QUEST_FILTER_KEYS as readonly string[]).includes(key));
}

/** Filters a catalogued trigger does not apply would be ignored by the bot: refuse them. */
export function checkTriggerFilters(triggerEvent: string, requirements: QuestRequirements): ContractIssue[] {
  const trigger = questTrigger(triggerEvent);
  if (!trigger || !requirements.filters) return [];
  return Object.keys(requirements.filters)
    .filter((key) => !trigger.filters.includes(key as QuestFilterKey))
    .map((key) => ({
      path: `requirements.filters.${key}`,
      message: `${triggerEvent} does not filter by ${key}${trigger.filters.length ? ` (it filters by ${trigger.filters.join(', ')})` : ''}`,
    }));
}

/** Every column of a quest as the contract wants it, before the trigger's filters are checked. */
export const questColumnsShape = {
  name: questNameSchema,
  description: questDescriptionSchema,
  triggerEvent: triggerEventSchema,
  requirements: questRequirementsSchema,
  rewards: questRewardsSchema,
};

export const questDefinitionSchema = z.strictObject(questColumnsShape).superRefine(refineWith((quest) => checkTriggerFilters(quest.triggerEvent, quest.requirements)));
export type QuestDefinition = z.infer<typeof questDefinitionSchema>;

/** A `quests` row as Aurora Desk reads it, jsonb kept as PostgreSQL's own text (no precision lost). */
export interface QuestRow extends AuthoredRowColumns {
  triggerEvent: string;
  requirementsJson: string;
  rewardsJson: string;
}

export type StoredQuest = StoredRow<QuestRow, QuestDefinition>;

/** The quest's jsonb columns, merged key by key when two edits meet. */
export const QUEST_JSON_COLUMNS = ['requirements', 'rewards'] as const;

/** A row as column text, under the names quests.update's changes use (for merging by field). */
export function questColumnTexts(row: QuestRow): Record<string, string | null> {
  return { name: row.name, description: row.description, triggerEvent: row.triggerEvent, requirements: row.requirementsJson, rewards: row.rewardsJson };
}

/** Classifies a stored row: 'valid' (typed, exactly as stored) or 'foreign' (kept raw, with the reasons). */
export function parseStoredQuest(row: QuestRow): StoredQuest {
  const requirements = parseJsonText(row.requirementsJson);
  const rewards = parseJsonText(row.rewardsJson);
  const unreadable: ContractIssue[] = [];
  if (!requirements.ok) unreadable.push({ path: 'requirements', message: requirements.message });
  if (!rewards.ok) unreadable.push({ path: 'rewards', message: rewards.message });
  if (!requirements.ok || !rewards.ok) return storedAsForeign(row, unreadable);
  const result = questDefinitionSchema.safeParse({
    name: row.name,
    description: row.description,
    triggerEvent: row.triggerEvent,
    requirements: requirements.value,
    rewards: rewards.value,
  });
  if (result.success) return storedAsValid(row, result.data);
  const issues = issuesFrom(result.error);
  // zod skips the trigger/filter check once another field failed: run it anyway, so every reason shows.
  const typedRequirements = questRequirementsSchema.safeParse(requirements.value);
  if (typedRequirements.success) {
    for (const extra of checkTriggerFilters(row.triggerEvent, typedRequirements.data)) {
      if (!issues.some((i) => i.path === extra.path && i.message === extra.message)) issues.push(extra);
    }
  }
  return storedAsForeign(row, issues);
}

/** The item ids a definition points at (rewards and filter), for existence checks and packs. */
export function questItemIds(definition: Pick<QuestDefinition, 'requirements' | 'rewards'>): number[] {
  const ids = new Set<number>(definition.rewards.items?.map((i) => i.itemId) ?? []);
  if (definition.requirements.filters?.itemId !== undefined) ids.add(definition.requirements.filters.itemId);
  return [...ids];
}

// ── procedure inputs ─────────────────────────────────────────────────────────────────────────

/** A player: a bigint from a list, or a Discord ID typed into a form. */
export const playerIdSchema = z.union([z.bigint().positive().max(2n ** 63n - 1n), snowflakeSchema]);

export const questIdInputSchema = rowIdInputSchema;

export const questListInputSchema = z.strictObject({
  ...rowListShape,
  triggerEvent: z.string().max(50).optional(),
  rewardItemId: rowIdSchema.optional(),
  /** Keyset: newest first, the last id of the previous page. */
  cursor: rowIdSchema.optional(),
});
export type QuestListInput = z.input<typeof questListInputSchema>;

export const questCreateInputSchema = questDefinitionSchema;

export const questUpdateInputSchema = rowUpdateInputSchema({
  ...questColumnsShape,
  requirements: jsonEditSchema(questRequirementsSchema),
  rewards: jsonEditSchema(questRewardsSchema),
});
export type QuestUpdateInput = z.input<typeof questUpdateInputSchema>;

export const questDeleteInputSchema = rowDeleteInputSchema;

export const questStatsInputSchema = z.strictObject({ id: rowIdSchema, days: z.number().int().min(1).max(366).default(30) });

export const questPlayersInputSchema = z.strictObject({
  id: rowIdSchema,
  status: z.enum(['all', 'active', 'completed']).default('all'),
  /** A username fragment or a Discord ID. */
  search: z.string().max(100).optional(),
  offset: z.number().int().min(0).max(10_000_000).default(0),
  limit: z.number().int().min(1).max(200).default(50),
});

export const questProgressInputSchema = z.strictObject({ questId: rowIdSchema, userId: playerIdSchema });

// ── answers ──────────────────────────────────────────────────────────────────────────────────

export interface QuestListPage {
  quests: StoredQuest[];
  total: number;
  nextCursor: number | null;
}

export interface QuestDeletionPreview {
  questId: number;
  name: string;
  /** Players with a user_quests row on this quest (in progress or completed). */
  playersWithProgress: number;
  /** Quests waiting for this one (QUEST_COMPLETED with its id): they could never complete once it is gone. */
  waitingQuests: { id: number; name: string }[];
  completed: number;
  /** Said in the confirmation, and again in the answer. */
  consequence: string;
}

export interface QuestDeletion {
  questId: number;
  deletedProgressRows: number;
  consequence: string;
}

export interface QuestStats {
  questId: number;
  /** From the definition; null for a foreign row. */
  target: number | null;
  started: number;
  completed: number;
  inProgress: number;
  /** completed / started, 0 when nobody started. */
  completionRate: number;
  /** Median progress of the players still on the quest; null when none is. */
  medianProgress: number | null;
  days: number;
  /** One entry per UTC day, oldest first, including days without completions. */
  completionsPerDay: { day: string; completions: number }[];
}

export interface QuestPlayer {
  userId: bigint;
  username: string | null;
  level: number | null;
  progress: number;
  completedAt: Date | null;
}

export interface QuestPlayersPage {
  players: QuestPlayer[];
  total: number;
}
