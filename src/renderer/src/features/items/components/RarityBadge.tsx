import { Badge } from '@mantine/core';
import { rarityColour } from '../../../../../shared/domain/items';

/** A rarity in its colour, the same everywhere (catalogue, pickers, quest preview). */
export function RarityBadge({ rarity, size = 'sm' }: { rarity: string; size?: 'xs' | 'sm' | 'md' }) {
  return (
    <Badge color={rarityColour(rarity)} size={size} variant="outline" data-rarity={rarity}>
      {rarity}
    </Badge>
  );
}
