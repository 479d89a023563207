/**
 * The Players area's place lives in the route, so the palette, links from other screens and
 * the back button all land on the same thing:
 *   #/players?q=nyx&player=123…&tab=inventory   lookup, with a profile open
 *   #/players/classes                           the classes view
 *   #/players/economy                           the economy overview
 */
import { useCallback, useMemo } from 'react';
import { navigate, useRoute } from '@renderer/lib/router';

export const PLAYER_VIEWS = ['lookup', 'classes', 'economy'] as const;
export type PlayerView = (typeof PLAYER_VIEWS)[number];

export const PROFILE_TABS = ['inventory', 'transactions', 'quests', 'timers', 'moderation', 'account'] as const;
export type ProfileTab = (typeof PROFILE_TABS)[number];

/** A link to a player's profile, for other screens and the palette. */
export function openPlayer(id: bigint, tab?: ProfileTab): void {
  navigate({ area: 'players', search: { player: id.toString(), ...(tab ? { tab } : {}) } });
}

export function usePlayersRoute() {
  const route = useRoute();
  const view: PlayerView = (PLAYER_VIEWS as readonly string[]).includes(route.rest[0] ?? '') ? (route.rest[0] as PlayerView) : 'lookup';
  const playerParam = route.search.get('player');
  const playerId = useMemo(() => (playerParam && /^\d{1,20}$/.test(playerParam) ? BigInt(playerParam) : null), [playerParam]);
  const tabParam = route.search.get('tab');
  const tab: ProfileTab = (PROFILE_TABS as readonly string[]).includes(tabParam ?? '') ? (tabParam as ProfileTab) : 'inventory';
  const query = route.search.get('q') ?? '';

  const go = useCallback(
    (next: { view?: PlayerView; playerId?: bigint | null; tab?: ProfileTab; query?: string }, replace = true) => {
      const v = next.view ?? view;
      const search: Record<string, string> = {};
      const q = next.query ?? query;
      const id = next.playerId === undefined ? playerId : next.playerId;
      if (v === 'lookup') {
        if (q) search.q = q;
        if (id !== null) search.player = id.toString();
        const t = next.tab ?? tab;
        if (id !== null && t !== 'inventory') search.tab = t;
      }
      navigate({ area: 'players', rest: v === 'lookup' ? [] : [v], search }, { replace });
    },
    [playerId, query, tab, view],
  );

  return {
    view,
    playerId,
    tab,
    query,
    setView: (v: PlayerView) => go({ view: v }, false),
    openPlayer: (id: bigint | null) => go({ view: 'lookup', playerId: id }, false),
    setTab: (t: ProfileTab) => go({ tab: t }),
    setQuery: (q: string) => go({ query: q }),
  };
}
