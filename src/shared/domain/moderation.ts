/**
 * Moderation: the queues, the case detail and the actions, as both sides see them.
 *
 * Every action carries `expected`: what the moderator saw of the case (a `CaseSeen`, copied
 * from the row on screen). The main process checks the part that matters to the action and
 * answers CONFLICT, naming who changed the case and when, if it no longer holds.
 */
import { z } from 'zod';
import { dateInputSchema, int8Schema, isInt8Digits, keysetCursorSchema, snowflakeBigintSchema } from '../input-bounds.js';
import { snowflakeSchema } from '../identity.js';
import { MAX_PAGE_SIZE, MAX_TIMEOUT_MINUTES, moderationQueues } from './moderation-rules.js';

// The constants live in a schema-free module the renderer's first screen can import without zod.
export {
  CSV_EXPORT_CAP,
  discordCaseTypes,
  knownCaseTypes,
  liftableCaseTypes,
  MAX_PAGE_SIZE,
  MAX_TIMEOUT_MINUTES,
  moderationQueues,
  type KnownCaseType,
} from './moderation-rules.js';

export const moderationQueueSchema = z.enum(moderationQueues);
export type ModerationQueue = z.infer<typeof moderationQueueSchema>;

/** `moderation_cases.type` is varchar(20). */
export const caseTypeSchema = z
  .string()
  .trim()
  .min(1, 'Choose a case type')
  .max(20, 'A case type has at most 20 characters')
  .regex(/^[\w.-]+$/, 'Letters, digits, "_", "-" and "." only');

export const caseFiltersSchema = z.strictObject({
  /** Exact types (lower/upper case as stored). Empty: every type. */
  types: z.array(z.string().trim().min(1).max(20)).max(20).default([]),
  moderatorId: snowflakeBigintSchema.optional(),
  /** Exactly this target (the player page and the case history use it). */
  userId: snowflakeBigintSchema.optional(),
  /** A Discord ID (15-20 digits) matches user_id; anything else is a username fragment. */
  target: z
    .string()
    .trim()
    .max(100)
    .refine((text) => !/^\d{15,20}$/.test(text) || isInt8Digits(text), 'Too large for a Discord ID')
    .optional(),
  /** created_at >= from. */
  from: dateInputSchema.optional(),
  /** created_at < to. */
  to: dateInputSchema.optional(),
  /** Text anywhere in the reason (case-insensitive). */
  reason: z.string().trim().max(200).optional(),
});
export type CaseFilters = z.infer<typeof caseFiltersSchema>;
export type CaseFiltersInput = z.input<typeof caseFiltersSchema>;

/**
 * Keyset cursor: the last row's created_at (to the microsecond, as the database has it: a JS
 * Date would drop the microseconds and skip rows) and id, as "2026-01-02T03:04:05.123456|42".
 */
export const caseCursorSchema = keysetCursorSchema('Not a case list cursor');


export const caseListInputSchema = z.strictObject({
  queue: moderationQueueSchema,
  filters: caseFiltersSchema.default({ types: [] }),
  /** Rows strictly older than this key (the next page). */
  cursor: caseCursorSchema.nullish(),
  /**
   * Rows down to and including this key: the whole window a moderator has scrolled through,
   * re-read in one go after a live change, so an arrival at the top never pushes a row out.
   */
  through: caseCursorSchema.nullish(),
  limit: z.number().int().min(1).max(MAX_PAGE_SIZE).default(50),
});
export type CaseListInput = z.input<typeof caseListInputSchema>;

export const caseCountsInputSchema = z.strictObject({
  queue: moderationQueueSchema,
  filters: caseFiltersSchema.default({ types: [] }),
});

export const caseIdInputSchema = z.strictObject({ id: int8Schema });
/** The command palette: a case by its exact case_id (any letter case) or its row number. */
export const findCaseInputSchema = z.strictObject({ text: z.string().trim().min(1).max(50), limit: z.number().int().min(1).max(20).default(6) });
/** The open-case form's member lookup: part of a name, or the start of a Discord ID. */
export const findMembersInputSchema = z.strictObject({ text: z.string().trim().min(2).max(64), limit: z.number().int().min(1).max(20).default(8) });

export const caseIdsInputSchema = z.strictObject({ ids: z.array(int8Schema).min(1).max(1000) });
export const targetHistoryInputSchema = z.strictObject({ userId: snowflakeBigintSchema, limit: z.number().int().min(1).max(500).default(100) });

export const caseExportInputSchema = z.strictObject({
  queue: moderationQueueSchema,
  filters: caseFiltersSchema.default({ types: [] }),
});

// ── what the moderator saw: the condition every action checks ─────────────────────────────

export const caseSeenSchema = z.strictObject({
  /** null: the bot left `active` NULL (an unresolved case whose state it never recorded). */
  active: z.boolean().nullable(),
  resolvedAt: dateInputSchema.nullable(),
  claimedById: snowflakeBigintSchema.nullable(),
  /** md5 of the reason as the database has it, or 'null'. */
  reasonDigest: z.string().max(64),
});
export type CaseSeen = z.infer<typeof caseSeenSchema>;

const resolutionReason = z.string().trim().min(1, 'Say why the case is resolved').max(1000);
const caseRef = { id: int8Schema, expected: caseSeenSchema };

export const resolveCaseInputSchema = z.strictObject({
  ...caseRef,
  reason: resolutionReason,
  /**
   * Also lift an active ban or timeout on Discord (when Discord is configured). A separate
   * decision from closing the case: off unless asked for.
   */
  liftOnDiscord: z.boolean().default(false),
});
export type ResolveCaseInput = z.input<typeof resolveCaseInputSchema>;

export const reopenCaseInputSchema = z.strictObject({ ...caseRef, note: z.string().trim().max(1000).optional() });
export const editCaseReasonInputSchema = z.strictObject({
  ...caseRef,
  /** Empty clears the reason (Discord allows actions without one). */
  reason: z.string().trim().max(4000),
});
export const addCaseNoteInputSchema = z.strictObject({ id: int8Schema, text: z.string().trim().min(1, 'Write the note').max(2000) });
export const claimCaseInputSchema = z.strictObject(caseRef);
export const unclaimCaseInputSchema = z.strictObject(caseRef);
export const bulkResolveInputSchema = z.strictObject({
  cases: z.array(z.strictObject(caseRef)).min(1, 'Select cases to resolve').max(500, 'Resolve at most 500 cases at once'),
  reason: resolutionReason,
  liftOnDiscord: z.boolean().default(false),
});
export type BulkResolveInput = z.input<typeof bulkResolveInputSchema>;

export const openCaseInputSchema = z
  .strictObject({
    type: caseTypeSchema,
    /** The member acted on, typed as a decimal string. */
    userId: snowflakeSchema,
    /** Username snapshot; absent: taken from `users` when the target is a player. */
    username: z.string().trim().max(255).optional(),
    reason: z.string().trim().max(4000).optional(),
    /** timeout only: how long. */
    durationMinutes: z.number().int().min(1).max(MAX_TIMEOUT_MINUTES).optional(),
    /** timeout, kick, ban: also carry it out on Discord (when configured). */
    carryOutOnDiscord: z.boolean().default(true),
    /** ban only: delete the member's recent messages. */
    deleteMessageSeconds: z.number().int().min(0).max(604_800).default(0),
  })
  .refine((v) => v.type !== 'timeout' || v.durationMinutes !== undefined, {
    message: 'A timeout needs a duration',
    path: ['durationMinutes'],
  });
export type OpenCaseInput = z.input<typeof openCaseInputSchema>;

/** Ask Discord again for an action whose outcome is unknown (`key`: a `DiscordPending.key`). */
export const retryDiscordInputSchema = z.strictObject({ id: int8Schema, key: z.string().trim().min(1).max(64) });
export type RetryDiscordInput = z.input<typeof retryDiscordInputSchema>;

// ── what the main process answers ──────────────────────────────────────────────────────────

export interface StaffRef {
  id: bigint;
  name: string | null;
}

export interface CaseClaim {
  by: StaffRef;
  at: Date;
}

export interface CaseSummary {
  id: bigint;
  /** The bot's columns may hold NULL where its schema allows it: shown blank, never guessed. */
  caseId: string | null;
  type: string | null;
  userId: bigint | null;
  username: string | null;
  moderatorId: bigint | null;
  /** The name recorded on this case when it was written (the detail shows it). */
  moderatorName: string | null;
  /**
   * The latest name known for this moderator ID (from their newest named case): the queue shows
   * one name per moderator, whatever each case recorded. Filled in by list reads and the detail.
   */
  moderatorCurrentName?: string | null;
  /** The first 240 characters; `reasonLength` says whether there is more. */
  reasonExcerpt: string | null;
  reasonLength: number;
  /** NULL: the bot never said whether the case is active (listed under Recent only). */
  active: boolean | null;
  createdAt: Date | null;
  resolvedAt: Date | null;
  resolvedBy: bigint | null;
  resolvedReasonExcerpt: string | null;
  claim: CaseClaim | null;
  noteCount: number;
  /** False when the bot stored metadata that is not a JSON object (shown raw; notes refused). */
  metadataIsObject: boolean;
  /** Discord actions asked for this case whose outcome is not known (usually none). */
  discordPending: DiscordPending[];
  seen: CaseSeen;
  /** Keyset position of this row. */
  cursor: string;
}

/** A member the open-case form can act on: a player, or a name the bot recorded on a case. */
export interface MemberMatch {
  id: bigint;
  name: string;
  /** 'player': a row in the game's users; 'case': only seen as a case's target. */
  source: 'player' | 'case';
}

/** A case named by a live event, with the queues it now belongs to (for unread counters). */
export interface CaseArrival {
  summary: CaseSummary;
  queues: ModerationQueue[];
}

export interface CasePage {
  cases: CaseSummary[];
  /** Pass back as `cursor` for the next page; null at the end. */
  nextCursor: string | null;
}

export interface TypeCount {
  type: string;
  count: number;
}

export interface CaseCounts {
  queues: Record<ModerationQueue, number>;
  /** Per type within the asked queue (and filters), most frequent first. */
  types: TypeCount[];
  asOf: Date;
  /**
   * 'exact': counted for this answer. 'cached': counted at `asOf` and reused (large tables only,
   * for a few seconds, so a burst of live events does not recount a million rows each time).
   */
  basis: 'exact' | 'cached';
}

export type TimelineKind =
  | 'opened'
  | 'resolved'
  | 'reopened'
  | 'reason-edited'
  | 'note'
  | 'claimed'
  | 'unclaimed'
  | 'discord';

export interface TimelineEntry {
  at: Date;
  kind: TimelineKind;
  by: StaffRef | null;
  /** Note text, resolution reason, new reason... */
  text?: string | null;
  /** reason-edited: the text before. */
  previous?: string | null;
  /** discord: whether Discord did it, and the readable failure. */
  ok?: boolean;
  detail?: string | null;
  /** discord: a timeout's end. */
  until?: Date | null;
  /** Entries from the desk's own metadata vs facts read from the row's columns. */
  source: 'desk' | 'row';
}

export interface DiscordRecord {
  at: Date;
  action: 'timeout' | 'kick' | 'ban' | 'unban' | 'clear-timeout';
  ok: boolean;
  by: StaffRef;
  /** Readable failure (or why it was not attempted). */
  error?: string | null;
  errorKind?: string | null;
  until?: Date | null;
  /** Learned by asking Discord what is true when a desk started, not from the call's answer. */
  checked?: boolean;
}

/**
 * A Discord action the desk asked for whose outcome it does not know: no answer recorded yet
 * (the call is under way, or the desk stopped before the answer was written), or an answer or a
 * check that could not tell. A retry asks Discord again; a desk that starts checks it.
 */
export interface DiscordPending {
  /** Names this attempt for a retry. */
  key: string;
  action: DiscordRecord['action'];
  /** When it was asked for, and by whom. */
  at: Date;
  by: StaffRef;
  /** refused: Discord said no (the bot lacks a permission, a rate limit, an outage): not carried out. */
  state: 'pending' | 'unknown' | 'refused';
  /** Why it is unknown, or what Discord refused, when something said so. */
  message: string | null;
  until: Date | null;
}

export type TargetProfile =
  | {
      kind: 'player';
      username: string | null;
      className: string | null;
      level: number | null;
      xp: bigint | null;
      balance: bigint | null;
      isActive: boolean | null;
      createdAt: Date | null;
    }
  | { kind: 'not-a-player' };

export interface CaseDetail {
  summary: CaseSummary;
  reason: string | null;
  resolvedReason: string | null;
  resolvedByName: string | null;
  /**
   * 'object' and others: the JSON kind. 'too-large': over the display cap, `metadataRaw` holds the
   * start of its text and `metadata` is null.
   */
  metadataKind: 'object' | 'array' | 'string' | 'number' | 'boolean' | 'null' | 'too-large';
  metadata: unknown;
  metadataRaw: string;
  metadataBytes: number;
  /** Keys the bot wrote (everything except Aurora Desk's own `aurora_desk`). */
  botMetadataKeys: string[];
  timeline: TimelineEntry[];
  discord: DiscordRecord[];
  target: TargetProfile;
  targetHistory: { total: number; counts: TypeCount[]; cases: CaseSummary[] };
}

export interface DiscordOutcome {
  attempted: boolean;
  ok: boolean;
  action: DiscordRecord['action'] | null;
  /** Why it failed or was not attempted, in words. */
  message: string | null;
  /** Asked, but whether Discord did it is not known (no answer came, or it was not recorded). */
  unknown?: boolean;
}

export interface CaseActionResult {
  summary: CaseSummary;
  discord?: DiscordOutcome;
}

export interface BulkResolveResult {
  resolved: CaseSummary[];
  /** Cases left alone, each with why (already resolved by whom, gone...). */
  skipped: { id: bigint; caseId: string | null; reason: string }[];
  discord: { id: bigint; outcome: DiscordOutcome }[];
}

export interface CaseExport {
  csv: string;
  rows: number;
  truncated: boolean;
  /** Set when truncated: what to do to get the rest. */
  message: string | null;
}

export interface ModerationIndexStatus {
  name: string;
  present: boolean;
}
