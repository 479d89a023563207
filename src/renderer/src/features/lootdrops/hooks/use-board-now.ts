import { useMemo } from 'react';
import type { LootdropBoard } from '@shared/domain/lootdrops';
import { useSecondTicker } from '@renderer/lib/clock';
import { boardAsOf } from '../board-time';

interface BoardRead {
  data: LootdropBoard | undefined;
  dataUpdatedAt: number;
}

/**
 * The board read as it stands this second: drops whose time is up have left Active (and its
 * count) before the next read confirms it. Everything else of the query passes through.
 */
export function useBoardAsOfNow<Q extends BoardRead>(read: Q): Q {
  const tick = useSecondTicker();
  const { data, dataUpdatedAt } = read;
  // The main process' clock now: its clock at the read plus the time since, on this window's.
  const mainNow = data ? data.now.getTime() + (tick - dataUpdatedAt) : 0;
  const ended = data ? data.active.filter((drop) => drop.expiresAt !== null && drop.expiresAt.getTime() <= mainNow).length : 0;
  const shown = useMemo(() => (data ? boardAsOf(data, mainNow) : data), [data, ended]); // eslint-disable-line react-hooks/exhaustive-deps
  return shown === data ? read : { ...read, data: shown };
}
