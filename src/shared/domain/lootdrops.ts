/**
 * Lootdrops: spawning drops into Discord channels, the live board, history, stats and event
 * bursts, as both sides see them.
 *
 * A lootdrop is a Discord message; `lootdrops.message_id` is that message's ID, so IDs of
 * messages and channels are decimal strings here (the bot stores them as varchar), and the
 * claimer (`claimed_by`, a bigint) is a bigint. `reward_amount` is an int4: it fits a JS number
 * exactly, but forms still send it as a decimal string.
 */
import type { DiscordStatus } from './discord.js';
import { z } from 'zod';
import { dateInputSchema, infinitePageShape, int8Schema, keysetCursorSchema } from '../input-bounds.js';
import { snowflakeSchema } from '../identity.js';

// ── the bot's message format ───────────────────────────────────────────────────────────────

/**
 * The claim button's `custom_id` when Settings → Discord names none. The bot finds the drop by
 * the message the button sits on (`interaction.message.id` is `lootdrops.message_id`), so the
 * default carries no ID at all. Staff whose bot expects another shape set a format in
 * Settings → Discord → Advanced, with these placeholders:
 *   {messageId}  the drop's message ID (the desk posts, then edits the button in: 2 requests)
 *   {channelId}  the channel's ID
 *   {amount}     the reward amount, digits only
 *   {currency}   the currency constant, e.g. COINS
 *   {nonce}      a random 16-hex-digit value, unique per drop
 * e.g. `claim_lootdrop:{messageId}` or `lootdrop:{nonce}`.
 */
export const DEFAULT_CLAIM_BUTTON_FORMAT = 'lootdrop_claim';
export const CLAIM_BUTTON_PLACEHOLDERS = ['messageId', 'channelId', 'amount', 'currency', 'nonce'] as const;
export type ClaimButtonPlaceholder = (typeof CLAIM_BUTTON_PLACEHOLDERS)[number];
/** Discord caps a component's custom_id at 100 characters. */
export const CUSTOM_ID_MAX = 100;
/** The longest each placeholder can expand to (snowflakes 20 digits, int4 10, currency 50). */
const placeholderWidth: Record<ClaimButtonPlaceholder, number> = { messageId: 20, channelId: 20, amount: 10, currency: 50, nonce: 16 };

/** Why a claim button format cannot be used, or null when it can. */
export function claimButtonFormatProblem(format: string): string | null {
  if (format.trim() === '') return 'The format is empty.';
  let longest = format.length;
  for (const match of format.matchAll(/\{([^{}]*)\}/g)) {
    const name = match[1] as ClaimButtonPlaceholder;
    if (!CLAIM_BUTTON_PLACEHOLDERS.includes(name)) {
      return `Unknown placeholder {${match[1]}}: use ${CLAIM_BUTTON_PLACEHOLDERS.map((p) => `{${p}}`).join(', ')}.`;
    }
    longest += placeholderWidth[name] - match[0].length;
  }
  if (longest > CUSTOM_ID_MAX) return `The claim button ID can reach ${longest} characters; Discord allows ${CUSTOM_ID_MAX}.`;
  return null;
}

export function claimButtonNeedsMessageId(format: string): boolean {
  return format.includes('{messageId}');
}

/** Fills a claim button format in. */
export function renderClaimButtonId(format: string, values: Partial<Record<ClaimButtonPlaceholder, string>>): string {
  return format.replace(/\{(messageId|channelId|amount|currency|nonce)\}/g, (_, name: ClaimButtonPlaceholder) => values[name] ?? '');
}

/** Used when neither Settings nor the bot's history name a currency. */
export const DEFAULT_CURRENCIES = ['COINS'] as const;

// ── inputs ─────────────────────────────────────────────────────────────────────────────────

/** A message or channel ID: kept as the decimal string the bot stores. */
export const discordIdSchema = z
  .string()
  .trim()
  .regex(/^\d{15,20}$/, 'A Discord ID is 15 to 20 digits');

/** `reward_amount` is an int4: 1 .. 2,147,483,647, typed as digits (separators allowed). */
export const MAX_REWARD_AMOUNT = 2_147_483_647;
const MAX_REWARD_TEXT = MAX_REWARD_AMOUNT.toLocaleString('en-US');
export const REWARD_AMOUNT_TOO_SMALL = 'The amount must be at least 1';
export const REWARD_AMOUNT_TOO_LARGE = `At most ${MAX_REWARD_TEXT}: the largest reward the bot can store`;
export const rewardAmountSchema = z
  .union([z.string().max(40, 'Enter a whole amount'), z.number()])
  .transform((value) => (typeof value === 'number' ? String(value) : value.replace(/[\s,_]/g, '')))
  .pipe(
    z
      .string()
      // More digits than an int4 has is too large, not "not a number".
      .regex(/^\d+$/, 'Enter a whole amount')
      .refine((s) => !/^\d+$/.test(s) || BigInt(s) >= 1n, REWARD_AMOUNT_TOO_SMALL)
      // zod 4 runs refinements after a failed regex too: guard BigInt against non-digits.
      .refine((s) => !/^\d+$/.test(s) || BigInt(s) <= BigInt(MAX_REWARD_AMOUNT), REWARD_AMOUNT_TOO_LARGE)
      .transform((s) => Number(s)),
  );

/** What a form says of a typed reward amount: its digits, or why it cannot be spawned (the server's own rule). */
export function readRewardAmount(text: string): { digits: string | null; problem: string | null } {
  if (text.trim() === '') return { digits: null, problem: null };
  const parsed = rewardAmountSchema.safeParse(text);
  if (parsed.success) return { digits: String(parsed.data), problem: null };
  return { digits: null, problem: parsed.error.issues[0]?.message ?? 'Enter a whole amount' };
}

/** Why a burst's amount range cannot be used ("from" above "to"), or null. */
export function burstRangeProblem(min: number, max: number): string | null {
  return max < min
    ? `"to" (${max.toLocaleString('en-US')}) is below "from" (${min.toLocaleString('en-US')}): the range runs from the smaller amount to the larger`
    : null;
}

export const currencySchema = z
  .string()
  .trim()
  .min(1, 'Choose a currency')
  .max(50)
  .regex(/^[A-Za-z0-9_.-]+$/, 'A currency constant is letters, digits and _ only');

export const MIN_LIFETIME_SECONDS = 10;
export const MAX_LIFETIME_SECONDS = 24 * 60 * 60;
export const lifetimeSecondsSchema = z
  .number()
  .int()
  .min(MIN_LIFETIME_SECONDS, `A drop lives at least ${MIN_LIFETIME_SECONDS} seconds`)
  .max(MAX_LIFETIME_SECONDS, 'A drop lives at most 24 hours');

/** One per form submission: a repeated call with the same key answers the first result. */
export const idempotencyKeySchema = z.uuid('Not a submission key');

export const spawnLootdropInputSchema = z.strictObject({
  idempotencyKey: idempotencyKeySchema,
  channelId: discordIdSchema,
  amount: rewardAmountSchema,
  currency: currencySchema,
  lifetimeSeconds: lifetimeSecondsSchema,
});
export type SpawnLootdropInput = z.output<typeof spawnLootdropInputSchema>;
export type SpawnLootdropForm = z.input<typeof spawnLootdropInputSchema>;

export const cancelLootdropInputSchema = z.strictObject({
  messageId: discordIdSchema,
  /** true: delete the Discord message; false (default): edit it to say the drop was cancelled. */
  deleteMessage: z.boolean().default(false),
});
export type CancelLootdropInput = z.output<typeof cancelLootdropInputSchema>;

export const giveUpPostInputSchema = z.strictObject({
  /** The post's nonce, as the board lists it. */
  nonce: z.string().regex(/^[0-9a-f]{1,25}$/),
});

export const boardInputSchema = z.strictObject({
  /** How many claimed and expired drops to list beside the active ones. */
  recent: z.number().int().min(1).max(200).default(30),
});

export const lootdropStatuses = ['active', 'claimed', 'expired', 'cancelled'] as const;
export type LootdropStatus = (typeof lootdropStatuses)[number];

/** Keyset cursor of the history: created_at to the microsecond, then the message ID. */
export const historyCursorSchema = keysetCursorSchema('Not a history cursor');

export const historyInputSchema = z.strictObject({
  channelId: discordIdSchema.optional(),
  currency: z.string().trim().min(1).max(50).optional(),
  status: z.enum(lootdropStatuses).optional(),
  claimedBy: snowflakeSchema.optional(),
  /** Only drops spawned from Aurora Desk. */
  fromDeskOnly: z.boolean().default(false),
  /** created_at >= from, created_at < to. */
  from: dateInputSchema.optional(),
  to: dateInputSchema.optional(),
  cursor: historyCursorSchema.nullish(),
  limit: z.number().int().min(1).max(200).default(50),
  ...infinitePageShape,
});
export type HistoryInput = z.output<typeof historyInputSchema>;
export type HistoryForm = z.input<typeof historyInputSchema>;

export const statsInputSchema = z.strictObject({
  /** Drops created in the last N days; null: all of them. */
  days: z.number().int().min(1).max(3650).nullable().default(30),
});

export const discordUsersInputSchema = z.strictObject({ ids: z.array(snowflakeSchema).min(1).max(50) });
export const channelsInputSchema = z.strictObject({ refresh: z.boolean().default(false) });
export const channelNamesInputSchema = z.strictObject({ ids: z.array(snowflakeSchema).min(1).max(50) });

/** A channel named by its ID (one of another server, or one the list did not include). */
export interface DiscordChannelName {
  id: string;
  name: string;
}

// ── bursts ─────────────────────────────────────────────────────────────────────────────────

export const burstSpacings = ['fixed', 'random'] as const;
export const MAX_BURST_DROPS = 500;
export const MAX_BURST_WINDOW_MINUTES = 24 * 60;
/** How far ahead a burst can be scheduled: a week covers any planned event. */
export const MAX_BURST_LEAD_DAYS = 7;

export const startBurstInputSchema = z
  .strictObject({
    idempotencyKey: idempotencyKeySchema,
    name: z.string().trim().max(100).default(''),
    channelIds: z.array(discordIdSchema).min(1, 'Choose at least one channel').max(25),
    count: z.number().int().min(1, 'At least one drop').max(MAX_BURST_DROPS, `At most ${MAX_BURST_DROPS} drops`),
    windowMinutes: z.number().int().min(1, 'At least one minute').max(MAX_BURST_WINDOW_MINUTES, 'At most 24 hours'),
    spacing: z.enum(burstSpacings).default('fixed'),
    amountMin: rewardAmountSchema,
    amountMax: rewardAmountSchema,
    currency: currencySchema,
    lifetimeSeconds: lifetimeSecondsSchema,
    /** When the first drop goes out; absent: at once. The main process checks it against its own clock. */
    startAt: z.date().optional(),
  })
  .superRefine((value, ctx) => {
    const range = burstRangeProblem(value.amountMin, value.amountMax);
    if (range) ctx.addIssue({ code: 'custom', path: ['amountMax'], message: range });
    if (new Set(value.channelIds).size !== value.channelIds.length) ctx.addIssue({ code: 'custom', path: ['channelIds'], message: 'A channel is listed twice' });
  });
export type StartBurstInput = z.output<typeof startBurstInputSchema>;
export type StartBurstForm = z.input<typeof startBurstInputSchema>;

export const burstIdInputSchema = z.strictObject({ id: int8Schema });

// ── what the renderer sees ────────────────────────────────────────────────────────────────

export interface StaffStamp {
  id: bigint;
  name: string;
}

export interface LootdropView {
  messageId: string;
  channelId: string;
  amount: number;
  currency: string;
  status: LootdropStatus;
  claimedBy: bigint | null;
  /** The claimer's username in the bot's `users` table. */
  claimerName: string | null;
  createdAt: Date;
  expiresAt: Date | null;
  /**
   * When the claim was recorded (Aurora Desk's claim recorder in aurora_desk notes the moment
   * the bot writes claimed_by). Null when the claim happened before the recorder existed or
   * where it could not be installed: the bot's table has no claim time.
   */
  claimedAt: Date | null;
  /** claimedAt - createdAt in milliseconds, when both are known. */
  claimMs: number | null;
  /** Set when the drop was spawned from Aurora Desk. */
  spawnedBy: StaffStamp | null;
  burstId: bigint | null;
  cancelled: { by: StaffStamp; at: Date; messageAction: string } | null;
}

export interface LootdropBoard {
  /** The main process' clock when it read the board: countdowns start from here. */
  now: Date;
  active: LootdropView[];
  claimed: LootdropView[];
  expired: LootdropView[];
  counts: { active: number; claimedLastDay: number; expiredLastDay: number };
  /** Whether claim times are being recorded (the claim recorder trigger exists). */
  claimTimesRecorded: boolean;
  /** Drops on their way to Discord, and posts that ended without a drop in the last hour. */
  posts: DropPost[];
}

/**
 * A drop on its way to Discord: `sending` (no answer yet), `waiting` for Discord's rate limit
 * (until `waitingUntil`; may be given up), `checking` (no answer came: the desk asks Discord
 * again under the post's nonce), or settled without a drop: `failed`, `abandoned`, `lost`.
 */
export interface DropPost {
  nonce: string;
  channelId: string;
  amount: number;
  currency: string;
  lifetimeSeconds: number;
  state: 'sending' | 'waiting' | 'checking' | 'failed' | 'abandoned' | 'lost';
  waitingUntil: Date | null;
  requestedAt: Date;
  spawnedBy: { id: bigint; name: string };
  detail: string | null;
}

export interface LootdropHistoryPage {
  rows: LootdropView[];
  nextCursor: string | null;
}

export interface ChannelClaimStats {
  channelId: string;
  drops: number;
  claimed: number;
  expired: number;
  active: number;
  /** claimed / (claimed + expired); null while none has finished. */
  claimRate: number | null;
  /** Over the claims with a recorded claim time. */
  measuredClaims: number;
  medianClaimMs: number | null;
}

export interface ClaimTimeBucket {
  label: string;
  /** Upper bound in ms (exclusive); null for the last, open bucket. */
  upToMs: number | null;
  claims: number;
}

export interface LootdropStats {
  since: Date | null;
  channels: ChannelClaimStats[];
  overall: Omit<ChannelClaimStats, 'channelId'>;
  claimTimes: ClaimTimeBucket[];
  claimTimesRecorded: boolean;
}

export interface DiscordChannelOption {
  id: string;
  name: string;
  /** 0 text, 5 announcement. */
  type: number;
}

export interface DiscordChannelGroup {
  /** null: channels outside any category. */
  categoryId: string | null;
  categoryName: string | null;
  channels: DiscordChannelOption[];
}

export interface LootdropChannels {
  groups: DiscordChannelGroup[];
  fetchedAt: Date;
}

export interface LootdropSettingsView {
  discord: DiscordStatus;
  currencies: string[];
  /** Where the list comes from: Settings, the bot's past drops, or the built-in default. */
  currencySource: 'settings' | 'history' | 'default';
  claimButtonFormat: string;
  claimButtonFormatIsDefault: boolean;
  /** Set when the configured format cannot be used (spawning refuses until it is fixed). */
  claimButtonFormatProblem: string | null;
}

export interface DiscordUserView {
  id: bigint;
  username: string;
  globalName: string | null;
  avatarUrl: string | null;
}

export interface SpawnLootdropResult {
  drop: LootdropView;
  /** true when this answer is the first submission's (a double click or a retry). */
  repeated: boolean;
}

export interface CancelLootdropResult {
  drop: LootdropView;
  /** What happened to the Discord message. */
  message: { action: 'edited' | 'deleted' | 'failed' | 'none'; detail: string | null };
}

export type BurstStatus = 'running' | 'paused' | 'interrupted' | 'elsewhere' | 'completed' | 'cancelled' | 'discarded';

export interface BurstSlot {
  offsetMs: number;
  channelId: string;
  amount: number;
}

export interface BurstView {
  id: bigint;
  name: string;
  status: BurstStatus;
  total: number;
  spawned: number;
  claimed: number;
  channelIds: string[];
  currency: string;
  amountMin: number;
  amountMax: number;
  lifetimeSeconds: number;
  windowSeconds: number;
  spacing: (typeof burstSpacings)[number];
  /** When the next drop goes out (running here only). */
  nextAt: Date | null;
  /** A burst scheduled for later that has not started yet: when its first drop goes out. */
  startsAt: Date | null;
  /** Why it paused by itself (a Discord failure), if it did. */
  lastError: string | null;
  createdBy: StaffStamp;
  createdAt: Date;
  updatedBy: StaffStamp | null;
  updatedAt: Date;
  /** The machine running it (for 'elsewhere' and 'interrupted'). */
  runnerHost: string | null;
  heartbeatAt: Date | null;
}
