/**
 * The item contract: what a row of `items` must hold for the bot to hand it out, show it and use
 * it. `usage_data` depends on the item type. Rows in another shape load as 'foreign' and keep
 * their exact stored text until a game master edits them.
 */
import { z } from 'zod';
import {
  httpsUrlSchema,
  issuesFrom,
  jsonEditSchema,
  nonNegativeAmountSchema,
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
import { ITEM_RARITIES } from './item-rarity.js';

export const ITEM_TYPES = ['MATERIAL', 'CONSUMABLE', 'EQUIPMENT', 'COLLECTIBLE', 'KEY'] as const;
export const itemTypeSchema = z.enum(ITEM_TYPES, { error: `The type is one of ${ITEM_TYPES.join(', ')}` });
export type ItemType = z.infer<typeof itemTypeSchema>;

export const ITEM_TYPE_INFO: Record<ItemType, { label: string; description: string }> = {
  MATERIAL: { label: 'Material', description: 'Crafting and trading stock; has no effect of its own.' },
  CONSUMABLE: { label: 'Consumable', description: 'Used up to apply an effect (heal, boost, grant) for a while.' },
  EQUIPMENT: { label: 'Equipment', description: 'Worn in a slot; adds its stats while equipped.' },
  COLLECTIBLE: { label: 'Collectible', description: 'Kept for the collection; may belong to a set.' },
  KEY: { label: 'Key', description: 'Opens something: a chest, a channel, an area of the game.' },
};

// Rarities and their colours live in a schema-free module the renderer's main bundle can import.
export { ITEM_RARITIES, RARITY_COLOURS, rarityColour, type ItemRarity } from './item-rarity.js';
export const itemRaritySchema = z.enum(ITEM_RARITIES, { error: `The rarity is one of ${ITEM_RARITIES.join(', ')}` });

// ── usage_data, per type ─────────────────────────────────────────────────────────────────────

/** Effects the bot applies; other UPPER_SNAKE effects a newer bot may add are accepted too. */
export const CONSUMABLE_EFFECTS = ['ADD_BALANCE', 'ADD_XP', 'XP_BOOST', 'CURRENCY_BOOST', 'LUCK_BOOST'] as const;
/** Boosts multiply for a while; grants add once. */
export const BOOST_EFFECTS: readonly string[] = ['XP_BOOST', 'CURRENCY_BOOST', 'LUCK_BOOST'];
export const GRANT_EFFECTS: readonly string[] = ['ADD_BALANCE', 'ADD_XP'];

/** The keys an effect uses: a grant an amount, a boost a multiplier and a duration; an effect the desk does not know, any. */
export function effectKeys(type: string): readonly string[] {
  if (GRANT_EFFECTS.includes(type)) return ['type', 'amount'];
  if (BOOST_EFFECTS.includes(type)) return ['type', 'multiplier', 'durationSeconds'];
  return ['type', 'amount', 'multiplier', 'durationSeconds'];
}

/** An effect switched to another type keeps only what the new type uses (a grant has no duration). */
export function switchEffectType(effect: Record<string, unknown>, type: string): Record<string, unknown> {
  const keep = effectKeys(type);
  return { ...Object.fromEntries(Object.entries(effect).filter(([key]) => keep.includes(key))), type };
}

const STAT_NAME = /^[a-z][a-zA-Z0-9_]{0,31}$/;

export const EQUIPMENT_SLOTS = ['weapon', 'offhand', 'head', 'chest', 'legs', 'hands', 'feet', 'trinket'] as const;

const MAX_DURATION_SECONDS = 366 * 24 * 3600;

export const consumableEffectSchema = z
  .strictObject({
    type: upperSnakeSchema('effect'),
    /** What a grant adds: a decimal string (balances and XP are 64-bit). */
    amount: positiveAmountSchema.optional(),
    /** What a boost multiplies by: 1.5 is +50 %. */
    multiplier: z.number({ error: 'The multiplier is a number' }).gt(0, 'The multiplier must be above 0 (1.5 is +50 %)').max(100, 'At most 100').optional(),
    durationSeconds: z
      .number({ error: 'The duration is whole seconds' })
      .int('The duration is whole seconds')
      .min(1, 'At least 1 second')
      .max(MAX_DURATION_SECONDS, 'At most a year')
      .optional(),
  })
  .superRefine((effect, ctx) => {
    if (GRANT_EFFECTS.includes(effect.type) && effect.amount === undefined) ctx.addIssue({ code: 'custom', path: ['amount'], message: `${effect.type} needs an amount` });
    if (BOOST_EFFECTS.includes(effect.type)) {
      if (effect.multiplier === undefined) ctx.addIssue({ code: 'custom', path: ['multiplier'], message: `${effect.type} needs a multiplier` });
      if (effect.durationSeconds === undefined) ctx.addIssue({ code: 'custom', path: ['durationSeconds'], message: `${effect.type} needs a duration` });
    }
  });
export type ConsumableEffect = z.infer<typeof consumableEffectSchema>;

export const consumableUsageSchema = z.strictObject({
  /** Whether using it removes one from the inventory (the bot's default: yes). */
  consume: z.boolean().optional(),
  effects: z.array(consumableEffectSchema).min(1, 'A consumable has at least one effect').max(10, 'At most 10 effects'),
});

export const equipmentUsageSchema = z.strictObject({
  slot: z.enum(EQUIPMENT_SLOTS, { error: `The slot is one of ${EQUIPMENT_SLOTS.join(', ')}` }),
  stats: z
    .record(z.string(), z.number({ error: 'A stat is a whole number' }).int('A stat is a whole number').min(-1_000_000).max(1_000_000))
    // Checked here rather than as the record's key schema, which reports only "Invalid key in record".
    .superRefine((stats, ctx) => {
      for (const name of Object.keys(stats)) {
        if (!STAT_NAME.test(name)) ctx.addIssue({ code: 'custom', path: [name], message: `“${name}” is not a stat name: lowerCamelCase letters and digits, e.g. attack` });
      }
    })
    .refine((stats) => Object.keys(stats).length <= 20, 'At most 20 stats'),
});

export const materialUsageSchema = z.strictObject({
  stackable: z.boolean().optional(),
  maxStack: z.number().int('A whole number').min(1, 'At least 1').max(1_000_000).optional(),
  craftingTier: z.number().int('A whole number').min(1, 'Tiers start at 1').max(10, 'At most tier 10').optional(),
});

export const collectibleUsageSchema = z.strictObject({
  /** The set it belongs to ("Starfall"), shown on the item card. */
  set: z.string().min(1, 'Name the set').max(100).optional(),
  /** Its number within the set. */
  number: z.number().int('A whole number').min(1).max(10_000).optional(),
  tradeable: z.boolean().optional(),
});

export const keyLootSchema = z.strictObject({
  itemId: rowIdSchema,
  /** Relative chance against the other entries. */
  weight: z.number().int('A whole number').min(1, 'At least 1').max(1_000_000),
});

export const keyUsageSchema = z.strictObject({
  /** What it opens, as the bot names it (lootbox, vault, raid_chest). */
  opens: z.string().regex(/^[a-z][a-z0-9_]{0,99}$/, 'What the key opens, in lower_snake_case (e.g. raid_chest)'),
  /** What opening it can give; item ids of this database. */
  lootTable: z.array(keyLootSchema).max(50, 'At most 50 entries').optional(),
  consumedOnUse: z.boolean().optional(),
});

export const usageSchemaByType = {
  MATERIAL: materialUsageSchema,
  CONSUMABLE: consumableUsageSchema,
  EQUIPMENT: equipmentUsageSchema,
  COLLECTIBLE: collectibleUsageSchema,
  KEY: keyUsageSchema,
} as const satisfies Record<ItemType, z.ZodType>;

export type MaterialUsage = z.infer<typeof materialUsageSchema>;
export type ConsumableUsage = z.infer<typeof consumableUsageSchema>;
export type EquipmentUsage = z.infer<typeof equipmentUsageSchema>;
export type CollectibleUsage = z.infer<typeof collectibleUsageSchema>;
export type KeyUsage = z.infer<typeof keyUsageSchema>;

/** What a new item of each type starts with in the form. */
export function defaultUsage(type: ItemType): Record<string, unknown> {
  switch (type) {
    case 'CONSUMABLE':
      return { consume: true, effects: [{ type: 'XP_BOOST', multiplier: 1.5, durationSeconds: 1800 }] };
    case 'EQUIPMENT':
      return { slot: 'weapon', stats: { attack: 5 } };
    case 'KEY':
      return { opens: 'lootbox' };
    case 'MATERIAL':
      return { stackable: true };
    default:
      return {};
  }
}

/** Item ids that `usage_data` points at (a key's loot table). */
export function usageItemIds(type: string, usage: unknown): number[] {
  if (type !== 'KEY') return [];
  const parsed = keyUsageSchema.safeParse(usage);
  return parsed.success ? (parsed.data.lootTable ?? []).map((entry) => entry.itemId) : [];
}

/** Checks `usage` against the schema of `type`; issues are pathed under `usageData`. */
export function checkItemUsage(type: string | null, usage: unknown): ContractIssue[] {
  if (type === null) return [{ path: 'type', message: 'No type: the column is NULL in the database' }];
  const schema = (usageSchemaByType as Record<string, z.ZodType>)[type];
  if (!schema) return [{ path: 'type', message: `Unknown item type ${type}: the bot may not know how to use it` }];
  const result = schema.safeParse(usage);
  return result.success ? [] : issuesFrom(result.error, 'usageData');
}

// ── the item row ─────────────────────────────────────────────────────────────────────────────

export const itemNameSchema = rowNameSchema('item');
export const itemDescriptionSchema = rowDescriptionSchema;

/** Every column of an item as the contract wants it, before `usageData` is checked against `type`. */
export const itemColumnsShape = {
  name: itemNameSchema,
  description: itemDescriptionSchema,
  rarity: itemRaritySchema,
  type: itemTypeSchema,
  usageData: z.record(z.string(), z.unknown(), { error: 'usage_data is a JSON object' }),
  /** Base value as a decimal string (bigint column); null for items the shop never sells. */
  price: nonNegativeAmountSchema.nullable(),
  iconUrl: httpsUrlSchema.nullable(),
  imageUrl: httpsUrlSchema.nullable(),
};

export const itemDefinitionSchema = z.strictObject(itemColumnsShape).superRefine(refineWith((item) => checkItemUsage(item.type, item.usageData)));
export type ItemDefinition = z.infer<typeof itemDefinitionSchema>;

/** An `items` row as Aurora Desk reads it: jsonb kept as PostgreSQL's own text, price as a decimal string. */
export interface ItemRow extends AuthoredRowColumns {
  rarity: string;
  type: string;
  usageDataJson: string;
  price: string | null;
  iconUrl: string | null;
  imageUrl: string | null;
}

export type StoredItem = StoredRow<ItemRow, ItemDefinition>;

/** The item's jsonb column, merged key by key when two edits meet. */
export const ITEM_JSON_COLUMNS = ['usageData'] as const;

/** A row as column text, under the names items.update's changes use (for merging by field). */
export function itemColumnTexts(row: ItemRow): Record<string, string | null> {
  return {
    name: row.name,
    description: row.description,
    rarity: row.rarity,
    type: row.type,
    usageData: row.usageDataJson,
    price: row.price,
    iconUrl: row.iconUrl,
    imageUrl: row.imageUrl,
  };
}

/** Classifies a stored row: 'valid' (typed, exactly as stored) or 'foreign' (kept raw, with the reasons). */
export function parseStoredItem(row: ItemRow): StoredItem {
  const usage = parseJsonText(row.usageDataJson);
  if (!usage.ok) return storedAsForeign(row, [{ path: 'usageData', message: usage.message }]);
  const result = itemDefinitionSchema.safeParse({
    name: row.name,
    description: row.description,
    rarity: row.rarity,
    type: row.type,
    usageData: usage.value,
    price: row.price,
    iconUrl: row.iconUrl,
    imageUrl: row.imageUrl,
  });
  if (result.success) return storedAsValid(row, result.data);
  const issues = issuesFrom(result.error);
  // zod skips the usage check once another column failed: run it anyway, so every reason shows.
  if (!issues.some((i) => i.path.startsWith('usageData'))) {
    issues.push(...checkItemUsage(row.type, usage.value).filter((i) => i.path !== 'type' || !issues.some((j) => j.path === 'type')));
  }
  return storedAsForeign(row, issues);
}

// ── procedure inputs ─────────────────────────────────────────────────────────────────────────

export const itemIdInputSchema = rowIdInputSchema;

export const itemListInputSchema = z.strictObject({
  ...rowListShape,
  type: z.string().max(50).optional(),
  rarity: z.string().max(20).optional(),
  /** Keyset: the last name of the previous page (names are unique). */
  cursor: z.string().max(255).optional(),
});
export type ItemListInput = z.input<typeof itemListInputSchema>;

export const itemCreateInputSchema = itemDefinitionSchema;

export const itemUpdateInputSchema = rowUpdateInputSchema({
  ...itemColumnsShape,
  usageData: jsonEditSchema(itemColumnsShape.usageData),
});
export type ItemUpdateInput = z.input<typeof itemUpdateInputSchema>;

export const itemDeleteInputSchema = rowDeleteInputSchema;

export interface ItemListPage {
  items: StoredItem[];
  total: number;
  nextCursor: string | null;
}

/** What still points at an item: while any count is above zero, the item cannot be deleted. */
export interface ItemReferences {
  itemId: number;
  /** Players holding it (inventory rows) and how many they hold in total. */
  holders: number;
  heldQuantity: bigint;
  /** Quests whose rewards or requirement filters name the item id. */
  quests: number;
  questExamples: { id: number; name: string }[];
  itemTransactions: number;
  /** Keys whose loot table can give it. */
  keyLootTables: number;
}

export function isItemReferenced(refs: ItemReferences): boolean {
  return refs.holders > 0 || refs.quests > 0 || refs.itemTransactions > 0 || refs.keyLootTables > 0;
}
