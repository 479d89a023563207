import { Badge } from '@mantine/core';
import { Missing } from '@renderer/components/Missing';
import { rarityColour } from '@shared/domain/item-rarity';

/** A rarity in its colour, the same everywhere (catalogue, pickers, quest preview). */
export function RarityBadge({ rarity, size = 'sm' }: { rarity: string | null; size?: 'xs' | 'sm' | 'md' }) {
  // The bot's rarity column may hold NULL (the editor holds it as ''): a dash with the reason.
  if (!rarity) return <Missing reason="no rarity recorded" size={size} />;
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
