/**
 * Item rarities and their colours, without a schema: the command palette's item results (in the
 * renderer's main bundle) colour icons by rarity, and importing this keeps zod out of that bundle.
 * items.ts builds its schema from ITEM_RARITIES and re-exports all of this.
 */

export const ITEM_RARITIES = ['Common', 'Uncommon', 'Rare', 'Epic', 'Legendary'] as const;
export type ItemRarity = (typeof ITEM_RARITIES)[number];

/** Mantine colour names, so the catalogue and the quest preview colour a rarity the same way. */
export const RARITY_COLOURS: Record<ItemRarity, string> = {
  Common: 'gray',
  Uncommon: 'green',
  Rare: 'blue',
  Epic: 'grape',
  Legendary: 'orange',
};

export function rarityColour(rarity: string): string {
  return (RARITY_COLOURS as Record<string, string>)[rarity] ?? 'dark';
}
