import { IconGift } from '@tabler/icons-react';
import { lazyPage, type AreaDefinition } from '../../lib/areas';

/** The Lootdrops entry of the sidebar, palette and routes (listed in src/areas.ts). */
export const lootdropsArea: AreaDefinition = {
  id: 'lootdrops',
  label: 'Lootdrops',
  description: "Spawn drops into Discord channels and watch them get claimed.",
  icon: IconGift,
  Page: lazyPage(() => import('./LootdropsPage').then((m) => m.LootdropsPage)),
  keywords: ['drops', 'events', 'spawn', 'claims'],
  paletteSources: [],
};
