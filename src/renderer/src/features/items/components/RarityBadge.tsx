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
 * A rarity's colour for text on the page: shade 4 reads on the dark scheme, but on white only the
 * darkest shade does (green 4 is under 2:1 there, green 9 over 4:1). Undefined for Common: plain text.
 */
export function rarityTextColour(rarity: string): string | undefined {
  if (rarity === 'Common') return undefined;
  const colour = rarityColour(rarity);
  return `light-dark(var(--mantine-color-${colour}-9), var(--mantine-color-${colour}-4))`;
}
