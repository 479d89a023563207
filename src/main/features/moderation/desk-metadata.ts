/**
 * Aurora Desk's own notes about a case live in the case's metadata under one key,
 * `metadata.aurora_desk`, so the bot's keys are never touched (writes go through
 * jsonb_set on that key only):
 *
 *   aurora_desk: {
 *     v: 1,
 *     claim:   { id, name, at } | null          who is triaging it now
 *     notes:   [{ id, at, by: { id, name }, text }]
 *     history: [{ at, by, action, text?, previous? }]   opened/resolved/reopened/reason-edited/claimed/unclaimed
 *     discord: [{ at, by, action, ok, error?, errorKind?, until?, checked? }]   what was done on Discord
 *     discordPending: [{ key, at, by, action, reason, until?, deleteMessageSeconds?, state, message? }]
 *              Discord actions asked for whose outcome is not known yet: written with the case
 *              change, before the call; replaced by a `discord` entry once Discord's answer (or a
 *              check when a desk starts) says what happened. `key` is the outbox row's id.
 *     timeout: { minutes, until }                 cases opened as timeouts by the desk
 *   }
 *
 * Snowflakes are decimal strings and times ISO strings (JSON has neither bigint nor Date).
 * When the bot stored metadata that is not an object, actions that must write here refuse
 * (see `assertWritableMetadata`) rather than rewrap the bot's value.
 */
import type { CaseClaim, DiscordPending, DiscordRecord, StaffRef, TimelineKind } from '@shared/domain/moderation.js';
import type { StaffIdentity } from '@shared/identity.js';
import { ERRORS } from '../../core/errors.js';

export const DESK_KEY = 'aurora_desk';
/** Bounds that keep a busy case's metadata (and every NOTIFY-triggered refetch) small. */
export const MAX_NOTES = 500;
export const MAX_HISTORY = 200;
export const MAX_DISCORD_RECORDS = 50;

export interface StoredStaff {
  id: string;
  name: string;
}
export interface StoredNote {
  id: string;
  at: string;
  by: StoredStaff;
  text: string;
}
export type HistoryAction = Exclude<TimelineKind, 'note' | 'discord'>;
export interface StoredHistory {
  at: string;
  by: StoredStaff;
  action: HistoryAction;
  text?: string | null;
  previous?: string | null;
}
export interface StoredDiscord {
  at: string;
  by: StoredStaff;
  action: DiscordRecord['action'];
  ok: boolean;
  error?: string | null;
  errorKind?: string | null;
  until?: string | null;
  /** The outcome was learned by checking Discord when a desk started. */
  checked?: boolean;
}
export interface StoredPending {
  key: string;
  at: string;
  by: StoredStaff;
  action: DiscordRecord['action'];
  /** Discord's audit-log reason as sent, so a retry sends the same. */
  reason: string;
  until?: string | null;
  deleteMessageSeconds?: number | null;
  /** refused: Discord said no (a permission, a limit); it stays here, beside its record, until retried. */
  state: 'pending' | 'unknown' | 'refused';
  message?: string | null;
}
export interface StoredClaim extends StoredStaff {
  at: string;
}
export interface DeskMeta {
  v: 1;
  claim: StoredClaim | null;
  notes: StoredNote[];
  history: StoredHistory[];
  discord: StoredDiscord[];
  discordPending: StoredPending[];
  timeout?: { minutes: number; until: string };
  [other: string]: unknown;
}

export const staffStamp = (actor: StaffIdentity): StoredStaff => ({ id: actor.id.toString(), name: actor.name });

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const isStaff = (value: unknown): value is StoredStaff =>
  isObject(value) && typeof value.id === 'string' && /^\d{1,20}$/.test(value.id) && typeof value.name === 'string';

const isTime = (value: unknown): value is string => typeof value === 'string' && !Number.isNaN(Date.parse(value));

const isClaim = (value: unknown): value is StoredClaim => isStaff(value) && isTime((value as unknown as { at?: unknown }).at);

const DISCORD_ACTIONS: readonly string[] = ['timeout', 'kick', 'ban', 'unban', 'clear-timeout'] satisfies DiscordRecord['action'][];

const isPending = (p: unknown): p is StoredPending =>
  isObject(p) &&
  typeof p.key === 'string' &&
  isStaff(p.by) &&
  isTime(p.at) &&
  typeof p.action === 'string' &&
  DISCORD_ACTIONS.includes(p.action) &&
  typeof p.reason === 'string' &&
  (p.state === 'pending' || p.state === 'unknown' || p.state === 'refused');

/** The pending list as the queue reads it (`metadata #> '{aurora_desk,discordPending}'`): malformed entries dropped. */
export function readDiscordPending(value: unknown): StoredPending[] {
  return Array.isArray(value) ? value.filter(isPending) : [];
}

/** The desk's namespace of a case's metadata, tolerant of anything: malformed entries are dropped. */
export function readDeskMeta(metadata: unknown): DeskMeta {
  const raw = isObject(metadata) && isObject(metadata[DESK_KEY]) ? (metadata[DESK_KEY] as Record<string, unknown>) : {};
  const list = (key: string) => (Array.isArray(raw[key]) ? (raw[key] as unknown[]) : []);
  const claim = raw.claim;
  return {
    ...raw,
    v: 1,
    claim: isClaim(claim) ? claim : null,
    notes: list('notes').filter(
      (n): n is StoredNote => isObject(n) && isStaff(n.by) && isTime(n.at) && typeof n.text === 'string',
    ),
    history: list('history').filter(
      (h): h is StoredHistory => isObject(h) && isStaff(h.by) && isTime(h.at) && typeof h.action === 'string',
    ),
    discord: list('discord').filter(
      (d): d is StoredDiscord => isObject(d) && isStaff(d.by) && isTime(d.at) && typeof d.action === 'string' && typeof d.ok === 'boolean',
    ),
    discordPending: readDiscordPending(raw.discordPending),
  };
}

export type MetadataKind = 'object' | 'array' | 'string' | 'number' | 'boolean' | 'null';

export function metadataKind(metadata: unknown): MetadataKind {
  if (metadata === null || metadata === undefined) return 'null';
  if (Array.isArray(metadata)) return 'array';
  if (isObject(metadata)) return 'object';
  return typeof metadata as 'string' | 'number' | 'boolean';
}

/**
 * Refuses to write into metadata the bot did not make an object (or whose `aurora_desk` key the
 * bot uses for something else): rewrapping it would change the shape the bot reads.
 */
export function assertWritableMetadata(metadata: unknown, caseId: string, what: string): void {
  const kind = metadataKind(metadata);
  if (kind !== 'object') {
    throw ERRORS.badRequest(
      `Case ${caseId} has metadata that is not a JSON object (it is ${kind === 'array' ? 'an array' : `a ${kind}`}), so Aurora Desk cannot ${what} without rewriting the bot's data. Resolving still works.`,
    );
  }
  const desk = (metadata as Record<string, unknown>)[DESK_KEY];
  if (desk !== undefined && !isObject(desk)) {
    throw ERRORS.badRequest(`Case ${caseId} uses the metadata key "${DESK_KEY}" for something else, so Aurora Desk cannot ${what}.`);
  }
}

export function isWritableMetadata(metadata: unknown): boolean {
  try {
    assertWritableMetadata(metadata, '', '');
    return true;
  } catch {
    return false;
  }
}

/** A copy of the namespace with one more history entry (oldest dropped past the cap). */
export function withHistory(meta: DeskMeta, entry: StoredHistory): DeskMeta {
  return { ...meta, history: [...meta.history, entry].slice(-MAX_HISTORY) };
}

export function withDiscord(meta: DeskMeta, records: StoredDiscord[]): DeskMeta {
  return records.length ? { ...meta, discord: [...meta.discord, ...records].slice(-MAX_DISCORD_RECORDS) } : meta;
}

export function withPending(meta: DeskMeta, pending: StoredPending): DeskMeta {
  return { ...meta, discordPending: [...meta.discordPending.filter((p) => p.key !== pending.key), pending] };
}

export function withoutPending(meta: DeskMeta, key: string): DeskMeta {
  return { ...meta, discordPending: meta.discordPending.filter((p) => p.key !== key) };
}

export function toStaffRef(staff: StoredStaff): StaffRef {
  return { id: BigInt(staff.id), name: staff.name };
}

export function toClaim(stored: unknown): CaseClaim | null {
  if (!isClaim(stored)) return null;
  return { by: toStaffRef(stored), at: new Date(stored.at) };
}

export function toDiscordRecord(stored: StoredDiscord): DiscordRecord {
  return {
    at: new Date(stored.at),
    action: stored.action,
    ok: stored.ok,
    by: toStaffRef(stored.by),
    error: stored.error ?? null,
    errorKind: stored.errorKind ?? null,
    until: stored.until ? new Date(stored.until) : null,
    ...(stored.checked ? { checked: true } : {}),
  };
}

export function toDiscordPending(stored: StoredPending): DiscordPending {
  return {
    key: stored.key,
    action: stored.action,
    at: new Date(stored.at),
    by: toStaffRef(stored.by),
    state: stored.state,
    message: stored.message ?? null,
    until: stored.until ? new Date(stored.until) : null,
  };
}
