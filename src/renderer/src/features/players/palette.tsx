import { IconUser } from '@tabler/icons-react';
import { playerName } from './player-name';
import type { PaletteAction, PaletteSource } from '../../lib/palette';
import { formatAmount } from '../../lib/format';
import { usePlayerLookup } from './api';
import { openPlayer } from './hooks/use-players-route';

/** Ctrl+K jumps to a player by name fragment or Discord ID. */
export const playerPaletteSource: PaletteSource = {
  id: 'players',
  group: 'Players',
  useResults(query: string): PaletteAction[] | undefined {
    const q = query.trim();
    const found = usePlayerLookup(q, q.length >= 2);
    if (q.length < 2) return [];
    if (!found.data) return undefined;
    return [...found.data.exact, ...found.data.players].slice(0, 6).map((p) => ({
      id: `player:${p.id}`,
      label: playerName(p),
      description: `${p.id} · ${p.className ?? 'no class'} · level ${p.level ?? '—'} · ${formatAmount(p.balance)} coins`,
      icon: <IconUser size={16} stroke={1.7} />,
      keywords: [p.id.toString()],
      run: () => openPlayer(p.id),
    }));
  },
};
