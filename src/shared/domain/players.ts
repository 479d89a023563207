/**
 * Player lookup and staff economy actions: the contract between the Players screen and
 * `src/main/features/players`. IDs and amounts are bigint here; forms may send decimal strings,
 * which the schemas turn into bigint without ever passing through a JS number.
 */
import { z } from 'zod';
import { infinitePageShape, int8Schema, snowflakeBigintSchema } from '../input-bounds.js';

const INT8_LIMIT = 2n ** 63n;

/** A player (Discord user) ID: bigint, or its decimal string from a form or the clipboard. */
export const playerIdSchema = z
  .union([z.bigint(), z.string().trim().regex(/^\d{1,20}$/, 'A player ID is a Discord ID: digits only').transform((s) => BigInt(s))])
  .refine((v) => v >= 0n && v < INT8_LIMIT, 'Too large for a Discord ID');

/** A positive amount of coins or items: bigint or a decimal string, 1 … 2^63-1. */
export const positiveAmountSchema = z
  .union([
    z.bigint(),
    z
      .string()
      .trim()
      // Forms show separators ("1,200"); the value is the digits.
      .transform((s) => s.replace(/[,_\s]/g, ''))
      .pipe(z.string().regex(/^\d{1,19}$/, 'Enter a whole number'))
      .transform((s) => BigInt(s)),
  ])
  .refine((v) => v > 0n, 'Must be at least 1')
  .refine((v) => v < INT8_LIMIT, 'Too large (the limit is 9,223,372,036,854,775,807)');

/**
 * Every staff action on a player says why; the reason lands in the ledger row's description and
 * in the audit log. 200 characters: the audit log keeps inputs up to that length whole.
 */
export const STAFF_REASON_MAX = 200;
export const staffReasonSchema = z
  .string()
  .trim()
  .min(3, 'Give a reason (at least 3 characters)')
  .max(STAFF_REASON_MAX, `Keep the reason under ${STAFF_REASON_MAX} characters`);

export const PLAYER_SEARCH_MAX = 100;

export const playerSearchCursorSchema = z.strictObject({ name: z.string().max(255), id: snowflakeBigintSchema });
export type PlayerSearchCursor = z.infer<typeof playerSearchCursorSchema>;

export const playerSearchSchema = z.strictObject({
  /** A username fragment, or an exact Discord ID. Empty lists every player by name. */
  query: z.string().trim().max(PLAYER_SEARCH_MAX).default(''),
  /** null or absent: the first page (TanStack's infinite queries start from null). */
  cursor: playerSearchCursorSchema.nullish(),
  limit: z.number().int().min(1).max(200).default(50),
  ...infinitePageShape,
});
export type PlayerSearch = z.input<typeof playerSearchSchema>;

export const playerRefSchema = z.strictObject({ playerId: playerIdSchema });

/** Ledger pages: newest first, keyset on the ledger row ID. */
export const ledgerPageSchema = z.strictObject({
  playerId: playerIdSchema,
  type: z.string().trim().min(1).max(50).optional(),
  cursor: int8Schema.nullish(),
  limit: z.number().int().min(1).max(200).default(50),
  ...infinitePageShape,
});
export type LedgerPage = z.input<typeof ledgerPageSchema>;

export const currencyActionSchema = z.strictObject({
  playerId: playerIdSchema,
  amount: positiveAmountSchema,
  reason: staffReasonSchema,
});
export type CurrencyAction = z.output<typeof currencyActionSchema>;

/**
 * A take. `wholeBalance`: "take all" as reviewed: `amount` is the balance staff saw, and the take
 * happens only while the balance is still exactly that (a changed balance is refused, never
 * half-emptied or overdrawn).
 */
export const takeCurrencySchema = currencyActionSchema.extend({ wholeBalance: z.boolean().default(false) });
export type TakeCurrencyAction = z.output<typeof takeCurrencySchema>;

export const itemActionSchema = z.strictObject({
  playerId: playerIdSchema,
  itemId: z.number().int().positive().max(2_147_483_647),
  quantity: positiveAmountSchema,
  reason: staffReasonSchema,
});
export type ItemAction = z.output<typeof itemActionSchema>;

export const clearTimerSchema = z.strictObject({
  playerId: playerIdSchema,
  type: z.string().min(1).max(50),
  key: z.string().min(1).max(100),
  reason: staffReasonSchema,
});
export type ClearTimer = z.output<typeof clearTimerSchema>;

export const setActiveSchema = z.strictObject({
  playerId: playerIdSchema,
  active: z.boolean(),
  reason: staffReasonSchema,
});
export type SetActive = z.output<typeof setActiveSchema>;

export const changeClassSchema = z.strictObject({
  playerId: playerIdSchema,
  /** null: no class. */
  classId: playerIdSchema.nullable(),
  /** The class the staff member saw; when given and no longer current, the change is refused. */
  expectedClassId: playerIdSchema.nullable().optional(),
  reason: staffReasonSchema,
});
export type ChangeClass = z.output<typeof changeClassSchema>;

export const itemChoiceSearchSchema = z.strictObject({
  query: z.string().trim().max(100).default(''),
  limit: z.number().int().min(1).max(50).default(20),
});

/** The ledger `type` values Aurora Desk writes; the bot writes its own (TRADE, SHOP_BUY, DROP …). */
export const STAFF_LEDGER_TYPES = {
  /** Coins or items given by staff: positive amount / quantity. */
  grant: 'STAFF_GRANT',
  /** Coins or items taken by staff: negative amount / quantity. */
  take: 'STAFF_TAKE',
} as const;

/**
 * What the Players screen reads. The bot's columns may hold NULL wherever its schema allows
 * (the desk's own schema says NOT NULL for many): such values arrive as null and are shown as
 * "—" with the reason on hover, never as 0 or an empty name.
 */
export interface PlayerSummary {
  id: bigint;
  username: string | null;
  level: number | null;
  balance: bigint | null;
  isActive: boolean | null;
  className: string | null;
}

export interface PlayerSearchResult {
  /** Exact hits (the Discord ID, or the whole username) on the first page, shown first. */
  exact: PlayerSummary[];
  players: PlayerSummary[];
  nextCursor: PlayerSearchCursor | null;
}

export interface PlayerClass {
  id: bigint;
  name: string | null;
  roleId: string | null;
}

export interface PlayerProfile {
  id: bigint;
  username: string | null;
  class: PlayerClass | null;
  level: number | null;
  xp: bigint | null;
  balance: bigint | null;
  dailyStreak: number | null;
  isActive: boolean | null;
  settings: unknown;
  createdAt: Date | null;
  updatedAt: Date | null;
  counts: { itemKinds: number; quests: number; questsCompleted: number; timers: number; moderationCases: number };
}

export interface InventoryEntry {
  itemId: number;
  name: string | null;
  description: string | null;
  rarity: string | null;
  type: string | null;
  price: bigint | null;
  iconUrl: string | null;
  quantity: bigint | null;
}

export interface LedgerParty {
  id: bigint;
  /** null when that ID is not (or no longer) a player. */
  username: string | null;
}

export interface CurrencyLedgerEntry {
  id: bigint;
  amount: bigint | null;
  type: string | null;
  description: string | null;
  createdAt: Date | null;
  relatedUser: LedgerParty | null;
}

export interface ItemLedgerEntry {
  id: bigint;
  itemId: number | null;
  itemName: string | null;
  quantity: bigint | null;
  type: string | null;
  description: string | null;
  createdAt: Date | null;
  relatedUser: LedgerParty | null;
}

export interface LedgerPageResult<Entry> {
  entries: Entry[];
  nextCursor: bigint | null;
  /** The ledger types this player has rows of, for the filter (with counts). */
  types: { type: string; count: number }[];
}

export interface QuestProgressEntry {
  questId: number;
  name: string | null;
  triggerEvent: string | null;
  progress: number | null;
  /** From the quest's requirements when it names one (`target`, `count` or `amount`). */
  target: number | null;
  completedAt: Date | null;
}

export interface TimerEntry {
  type: string;
  key: string;
  expiresAt: Date | null;
  metadata: unknown;
}

export interface ModerationSummary {
  total: number;
  active: number;
  byType: { type: string | null; total: number; active: number }[];
  lastCaseAt: Date | null;
}

export interface CurrencyActionResult {
  /** null: the balance was NULL (a grant starts it from 0; a take is refused). */
  balanceBefore: bigint | null;
  balance: bigint;
  transactionId: bigint;
  /** The staff member when they are a player; null otherwise (then named in the description). */
  relatedUserId: bigint | null;
}

export interface ItemActionResult {
  /** null: the held quantity was NULL (an add starts it from 0; a removal is refused). */
  quantityBefore: bigint | null;
  /** 0 when the inventory row was deleted. */
  quantity: bigint;
  itemTransactionId: bigint;
  relatedUserId: bigint | null;
}

export interface ItemChoice {
  id: number;
  name: string | null;
  rarity: string | null;
  type: string | null;
}
