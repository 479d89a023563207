import { IconScript } from '@tabler/icons-react';
import { lazyPage, type AreaDefinition } from '../../lib/areas';
import { questPaletteSource } from './palette';

/** The Quests entry of the sidebar, palette and routes (listed in src/areas.ts). */
export const questsArea: AreaDefinition = {
  id: 'quests',
  label: 'Quests',
  description: 'Write quests and preview them the way players will see them.',
  icon: IconScript,
  Page: lazyPage(() => import('./QuestsPage').then((m) => m.QuestsPage)),
  keywords: ['quest', 'authoring', 'rewards', 'import', 'export', 'pack'],
  paletteSources: [questPaletteSource],
};
