import { Badge } from '@mantine/core';
import { rarityColour } from '@shared/domain/item-rarity';

/** A rarity in its colour, the same everywhere (catalogue, pickers, quest preview). */
export function RarityBadge({ rarity, size = 'sm' }: { rarity: string; size?: 'xs' | 'sm' | 'md' }) {
  return (
    <Badge color={rarityColour(rarity)} size={size} variant="outline" data-rarity={rarity}>
      {rarity}
    </Badge>
  );
}

/**
 * A rarity's colour for text on the page: the theme's text shade of it, which reads at AA in
 * both schemes (lib/theme.ts). Undefined for Common and unknown rarities: plain text.
 */
export function rarityTextColour(rarity: string): string | undefined {
  const colour = rarityColour(rarity);
  if (rarity === 'Common' || colour === 'dark') return undefined;
  return `var(--mantine-color-${colour}-text)`;
}
