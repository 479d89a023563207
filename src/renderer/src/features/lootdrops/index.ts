import { IconGift } from '@tabler/icons-react';
import { lazyPage, type AreaDefinition } from '../../lib/areas';
import { lootdropPaletteActions } from './palette';

/** The Lootdrops entry of the sidebar, palette and routes (its place in the sidebar is in lib/areas.ts). */
export const lootdropsArea: AreaDefinition<'lootdrops'> = {
  id: 'lootdrops',
  label: 'Lootdrops',
  description: "Spawn drops into Discord channels and watch them get claimed.",
  icon: IconGift,
  Page: lazyPage(() => import('./LootdropsPage').then((m) => m.LootdropsPage)),
  keywords: ['drops', 'events', 'spawn', 'claims'],
  paletteActions: lootdropPaletteActions,
  paletteSources: [],
};
