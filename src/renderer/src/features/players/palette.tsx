import { IconCoins, IconUser } from '@tabler/icons-react';
import { playerName } from './player-name';
import { requestIntent, type PaletteAction, type PaletteSource } from '../../lib/palette';
import { notifyInfo } from '../../lib/notify';
import { navigate, parseHash } from '../../lib/router';
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

/** An open profile starts its "Grant coins" dialog when it sees this intent. */
export const GRANT_INTENT = 'players:grant';

/** Actions the palette offers from any screen. */
export const playerPaletteActions: PaletteAction[] = [
  {
    id: 'players-grant',
    group: 'Players',
    label: 'Grant coins…',
    description: 'To the open player, or to the one you choose next',
    icon: <IconCoins size={16} />,
    keys: 'g',
    keywords: ['grant', 'give', 'currency', 'balance', 'reward'],
    run: () => {
      requestIntent(GRANT_INTENT);
      const route = parseHash(window.location.hash);
      if (route.area === 'players' && route.search.get('player')) return;
      navigate({ area: 'players' });
      notifyInfo('Grant coins: choose the player', 'Find them by name or Discord ID and open their profile; the grant opens with it.');
    },
  },
];
