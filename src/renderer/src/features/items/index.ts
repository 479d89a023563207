import { IconDiamond } from '@tabler/icons-react';
import type { AreaDefinition } from '../../lib/areas';
import { ItemsPage } from './ItemsPage';
import { itemPaletteSource } from './palette';

/** The Items entry of the sidebar, palette and routes (listed in src/areas.ts). */
export const itemsArea: AreaDefinition = {
  id: 'items',
  label: 'Items',
  description: 'The item catalogue: rarity, type, price and effects.',
  icon: IconDiamond,
  Page: ItemsPage,
  keywords: ['catalogue', 'inventory', 'rarity'],
  paletteSources: [itemPaletteSource],
};

// What other features may use: pickers and the authoring pieces quests share with items.
export { ItemPicker } from './components/ItemPicker';
export { ItemIcon } from './components/ItemIcon';
export { RarityBadge } from './components/RarityBadge';
export { RawJsonField } from './components/RawJsonField';
export { ConflictCompare, type ConflictField } from './components/ConflictCompare';
export { useItemsByIds } from './api/get-item';
