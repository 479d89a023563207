import { IconGift } from '@tabler/icons-react';
import type { AreaDefinition } from '../../lib/areas';
import { LootdropsPage } from './LootdropsPage';

/** The Lootdrops entry of the sidebar, palette and routes (listed in src/areas.ts). */
export const lootdropsArea: AreaDefinition = {
  id: 'lootdrops',
  label: 'Lootdrops',
  description: "Spawn drops into Discord channels and watch them get claimed.",
  icon: IconGift,
  Page: LootdropsPage,
  keywords: ['drops', 'events', 'spawn', 'claims'],
  paletteSources: [],
};
