import { IconScript } from '@tabler/icons-react';
import { lazyPage, type AreaDefinition } from '../../lib/areas';
import { questPaletteActions, questPaletteSource } from './palette';

/** The Quests entry of the sidebar, palette and routes (its place in the sidebar is in lib/areas.ts). */
export const questsArea: AreaDefinition<'quests'> = {
  id: 'quests',
  label: 'Quests',
  description: 'Write quests and preview them the way players will see them.',
  icon: IconScript,
  Page: lazyPage(() => import('./QuestsPage').then((m) => m.QuestsPage)),
  keywords: ['quest', 'authoring', 'rewards', 'import', 'export', 'pack'],
  paletteActions: questPaletteActions,
  paletteSources: [questPaletteSource],
};
