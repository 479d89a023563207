import { IconDiamond } from '@tabler/icons-react';
import { lazyPage, type AreaDefinition } from '../../lib/areas';
import { itemPaletteSource } from './palette';

/** The Items entry of the sidebar, palette and routes (its place in the sidebar is in lib/areas.ts). */
export const itemsArea: AreaDefinition<'items'> = {
  id: 'items',
  label: 'Items',
  description: 'The item catalogue: rarity, type, price and effects.',
  icon: IconDiamond,
  Page: lazyPage(() => import('./ItemsPage').then((m) => m.ItemsPage)),
  keywords: ['catalogue', 'inventory', 'rarity'],
  paletteSources: [itemPaletteSource],
};

// What other features may use: the picker and how an item looks (the authoring pieces quests
// share with items are in features/authoring).
export { ItemPicker } from './components/ItemPicker';
export { ItemIcon } from './components/ItemIcon';
export { RarityBadge } from './components/RarityBadge';
export { useItemsByIds } from './api';
