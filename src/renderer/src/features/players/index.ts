import { IconUsers } from '@tabler/icons-react';
import { lazyPage, type AreaDefinition } from '../../lib/areas';
import { playerPaletteActions, playerPaletteSource } from './palette';

/** The Players entry of the sidebar, palette and routes (its place in the sidebar is in lib/areas.ts). */
export const playersArea: AreaDefinition<'players'> = {
  id: 'players',
  label: 'Players',
  description: 'Look up a player: balance, inventory, quests and history; the economy at a glance.',
  icon: IconUsers,
  Page: lazyPage(() => import('./PlayersPage').then((m) => m.PlayersPage)),
  keywords: ['users', 'members', 'economy', 'balance', 'classes', 'inventory', 'coins'],
  paletteActions: playerPaletteActions,
  paletteSources: [playerPaletteSource],
};
