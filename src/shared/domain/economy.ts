/** The economy overview and the classes view: read-only figures over the bot's ledgers. */
import { z } from 'zod';

export const economyOverviewSchema = z
  .strictObject({
    /** Days of transaction history in the chart, ending today (UTC). */
    days: z.number().int().min(1).max(366).default(30),
    topHolders: z.number().int().min(1).max(50).default(10),
  })
  .default({ days: 30, topHolders: 10 });
export type EconomyOverviewInput = z.input<typeof economyOverviewSchema>;

export interface ClassOverview {
  id: bigint;
  name: string;
  roleId: string | null;
  /** The class bank (classes.balance). */
  bankBalance: bigint;
  members: number;
  activeMembers: number;
  /** Sum of the members' own balances. */
  memberBalance: bigint;
}

export interface ClassesOverview {
  classes: ClassOverview[];
  /** Players who have not picked a class. */
  unassigned: number;
}

export interface DailyTransactionVolume {
  /** UTC day, as YYYY-MM-DD. */
  day: string;
  type: string;
  count: number;
  /** Net amount of that type that day (credits positive, debits negative). */
  net: bigint;
}

export interface ItemSupply {
  itemId: number;
  name: string;
  rarity: string;
  type: string;
  supply: bigint;
  holders: number;
}

export interface EconomyOverview {
  /** Sum of every player's balance. */
  circulation: bigint;
  /** Sum of the class banks, shown beside circulation (not part of it). */
  classBanks: bigint;
  players: number;
  activePlayers: number;
  days: number;
  /** From this UTC day (YYYY-MM-DD) to today, inclusive. */
  since: string;
  perDay: DailyTransactionVolume[];
  topHolders: { id: bigint; username: string; balance: bigint }[];
  itemSupply: ItemSupply[];
  /** When circulation, players, top holders and item supply were summed. */
  asOf: Date;
  /**
   * 'exact': summed for this answer. 'cached': summed at `asOf` and reused (large tables only, for
   * a few seconds: re-summing 600,000 inventory rows on every view costs a few hundred ms). Class
   * banks and the chart are always read fresh.
   */
  basis: 'exact' | 'cached';
}
