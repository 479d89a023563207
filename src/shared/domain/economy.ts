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

/**
 * Sums over the bot's columns leave NULL out and say how many rows had none (`…Unrecorded`): a
 * NULL balance or quantity is not a 0, and the screens show the count beside the sum.
 */
export interface ClassOverview {
  id: bigint;
  /** NULL where the bot's classes.name allows it. */
  name: string | null;
  roleId: string | null;
  /** The class bank (classes.balance); null where none is recorded. */
  bankBalance: bigint | null;
  members: number;
  activeMembers: number;
  /** Sum of the members' own balances that are recorded. */
  memberBalance: bigint;
  /** Members whose balance is NULL (left out of memberBalance). */
  memberBalanceUnrecorded: number;
}

export interface ClassesOverview {
  classes: ClassOverview[];
  /** Players who have not picked a class. */
  unassigned: number;
}

export interface DailyTransactionVolume {
  /** UTC day, as YYYY-MM-DD. */
  day: string;
  /** null: transactions whose type is NULL. */
  type: string | null;
  count: number;
  /** Net amount of that type that day (credits positive, debits negative), of the rows with an amount. */
  net: bigint;
  /** Rows of that day and type whose amount is NULL (not in `net`). */
  unrecorded: number;
}

export interface ItemSupply {
  itemId: number;
  name: string | null;
  rarity: string | null;
  type: string | null;
  /** Sum of the recorded quantities. */
  supply: bigint;
  holders: number;
  /** Holdings whose quantity is NULL (not in `supply`). */
  unrecorded: number;
}

export interface EconomyOverview {
  /** Sum of every recorded player balance. */
  circulation: bigint;
  /** Players whose balance is NULL (left out of circulation). */
  circulationUnrecorded: number;
  /** Sum of the class banks, shown beside circulation (not part of it). */
  classBanks: bigint;
  /** Classes whose bank balance is NULL (left out of classBanks). */
  classBanksUnrecorded: number;
  players: number;
  activePlayers: number;
  days: number;
  /** From this UTC day (YYYY-MM-DD) to today, inclusive. */
  since: string;
  perDay: DailyTransactionVolume[];
  /** The largest recorded balances (players with a NULL balance are not ranked). */
  topHolders: { id: bigint; username: string | null; balance: bigint }[];
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
