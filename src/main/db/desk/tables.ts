/**
 * Aurora Desk's own tables in the `aurora_desk` schema, for Drizzle queries: all of them, here.
 * Each is created by a step under db/desk/ (its number in the comment).
 */
import { bigint, bigserial, integer, jsonb, pgSchema, text, timestamp, varchar } from 'drizzle-orm/pg-core';
import type { BurstSlot } from '@shared/domain/lootdrops.js';

export const deskSchema = pgSchema('aurora_desk');

/** Every staff action (0002). */
export const auditLog = deskSchema.table('audit_log', {
  id: bigserial('id', { mode: 'bigint' }).primaryKey(),
  at: timestamp('at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  // Empty for a settings change made before any staff identity was set (0010).
  actorId: bigint('actor_id', { mode: 'bigint' }),
  actorName: varchar('actor_name', { length: 255 }),
  procedure: varchar('procedure', { length: 120 }).notNull(),
  input: jsonb('input').notNull(),
  outcome: varchar('outcome', { length: 20 }).notNull(),
  errorCode: varchar('error_code', { length: 40 }),
  errorMessage: text('error_message'),
  durationMs: integer('duration_ms').notNull().default(0),
});

/** Who saved which version of a quest or item (0006). */
export const authoringRevisions = deskSchema.table('authoring_revisions', {
  id: bigserial('id', { mode: 'bigint' }).primaryKey(),
  entity: varchar('entity', { length: 10 }).notNull(),
  entityId: integer('entity_id').notNull(),
  version: varchar('version', { length: 128 }).notNull(),
  action: varchar('action', { length: 20 }).notNull(),
  actorId: bigint('actor_id', { mode: 'bigint' }).notNull(),
  actorName: varchar('actor_name', { length: 255 }).notNull(),
  at: timestamp('at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
});

// Lootdrops spawned, cancelled and claimed through the desk, and event bursts (0007).
const moment = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const lootdropSpawns = deskSchema.table('lootdrop_spawns', {
  messageId: varchar('message_id', { length: 255 }).primaryKey(),
  idempotencyKey: varchar('idempotency_key', { length: 100 }).notNull().unique(),
  channelId: varchar('channel_id', { length: 255 }).notNull(),
  rewardAmount: integer('reward_amount').notNull(),
  currency: varchar('currency', { length: 50 }).notNull(),
  customId: varchar('custom_id', { length: 100 }).notNull(),
  spawnedById: bigint('spawned_by_id', { mode: 'bigint' }).notNull(),
  spawnedByName: varchar('spawned_by_name', { length: 255 }).notNull(),
  spawnedAt: moment('spawned_at').notNull().defaultNow(),
  burstId: bigint('burst_id', { mode: 'bigint' }),
  burstSeq: integer('burst_seq'),
  messageState: varchar('message_state', { length: 20 }).notNull().default('posted'),
  messageStateAt: moment('message_state_at'),
});

export const lootdropCancels = deskSchema.table('lootdrop_cancels', {
  messageId: varchar('message_id', { length: 255 }).primaryKey(),
  cancelledById: bigint('cancelled_by_id', { mode: 'bigint' }).notNull(),
  cancelledByName: varchar('cancelled_by_name', { length: 255 }).notNull(),
  cancelledAt: moment('cancelled_at').notNull().defaultNow(),
  messageAction: varchar('message_action', { length: 20 }).notNull(),
  detail: text('detail'),
});

export const lootdropClaims = deskSchema.table('lootdrop_claims', {
  messageId: varchar('message_id', { length: 255 }).primaryKey(),
  claimedBy: bigint('claimed_by', { mode: 'bigint' }).notNull(),
  claimedAt: moment('claimed_at').notNull(),
});

export type StoredBurstStatus = 'running' | 'paused' | 'completed' | 'cancelled' | 'discarded';

export const lootdropBursts = deskSchema.table('lootdrop_bursts', {
  id: bigserial('id', { mode: 'bigint' }).primaryKey(),
  idempotencyKey: varchar('idempotency_key', { length: 100 }).notNull().unique(),
  name: varchar('name', { length: 100 }).notNull(),
  status: varchar('status', { length: 20 }).$type<StoredBurstStatus>().notNull(),
  channelIds: jsonb('channel_ids').$type<string[]>().notNull(),
  currency: varchar('currency', { length: 50 }).notNull(),
  amountMin: integer('amount_min').notNull(),
  amountMax: integer('amount_max').notNull(),
  lifetimeSeconds: integer('lifetime_seconds').notNull(),
  windowSeconds: integer('window_seconds').notNull(),
  spacing: varchar('spacing', { length: 10 }).$type<'fixed' | 'random'>().notNull(),
  plan: jsonb('plan').$type<BurstSlot[]>().notNull(),
  total: integer('total').notNull(),
  elapsedMs: bigint('elapsed_ms', { mode: 'number' }).notNull().default(0),
  segmentStartedAt: moment('segment_started_at'),
  runnerId: varchar('runner_id', { length: 64 }),
  runnerHost: varchar('runner_host', { length: 255 }),
  heartbeatAt: moment('heartbeat_at'),
  lastError: text('last_error'),
  createdById: bigint('created_by_id', { mode: 'bigint' }).notNull(),
  createdByName: varchar('created_by_name', { length: 255 }).notNull(),
  createdAt: moment('created_at').notNull().defaultNow(),
  updatedById: bigint('updated_by_id', { mode: 'bigint' }),
  updatedByName: varchar('updated_by_name', { length: 255 }),
  updatedAt: moment('updated_at').notNull().defaultNow(),
  finishedAt: moment('finished_at'),
});
export type StoredBurst = typeof lootdropBursts.$inferSelect;

export type OutboxAction = 'timeout' | 'clear-timeout' | 'kick' | 'ban' | 'unban';
export type OutboxState = 'pending' | 'ok' | 'failed' | 'unknown' | 'retried';

/**
 * Discord actions asked for, from intent to outcome (0011). `audit_log.discord_outcome`, added by
 * the same step, is not declared on `auditLog` above: an insert names every declared column, and
 * the audit row must still be written where this step could not run.
 */
export const discordOutbox = deskSchema.table('discord_outbox', {
  id: bigserial('id', { mode: 'bigint' }).primaryKey(),
  subject: varchar('subject', { length: 40 }).notNull(),
  subjectId: bigint('subject_id', { mode: 'bigint' }).notNull(),
  subjectLabel: varchar('subject_label', { length: 100 }),
  action: varchar('action', { length: 20 }).$type<OutboxAction>().notNull(),
  guildId: bigint('guild_id', { mode: 'bigint' }).notNull(),
  userId: bigint('user_id', { mode: 'bigint' }).notNull(),
  reason: text('reason').notNull(),
  until: moment('until'),
  deleteMessageSeconds: integer('delete_message_seconds'),
  actorId: bigint('actor_id', { mode: 'bigint' }).notNull(),
  actorName: varchar('actor_name', { length: 255 }).notNull(),
  auditId: bigint('audit_id', { mode: 'bigint' }),
  runId: varchar('run_id', { length: 64 }).notNull(),
  runHost: varchar('run_host', { length: 255 }).notNull(),
  requestedAt: moment('requested_at').notNull().defaultNow(),
  state: varchar('state', { length: 20 }).$type<OutboxState>().notNull().default('pending'),
  learnedBy: varchar('learned_by', { length: 10 }).$type<'answer' | 'check'>(),
  errorKind: varchar('error_kind', { length: 40 }),
  errorMessage: text('error_message'),
  settledAt: moment('settled_at'),
  retriedBy: bigint('retried_by', { mode: 'bigint' }),
});
export type StoredOutboxRow = typeof discordOutbox.$inferSelect;

export type PostState = 'posting' | 'checking' | 'posted' | 'failed' | 'abandoned' | 'lost';

/** Messages the desk posts, from intent to outcome (0012). */
export const discordPosts = deskSchema.table('discord_posts', {
  nonce: varchar('nonce', { length: 25 }).primaryKey(),
  subject: varchar('subject', { length: 40 }).notNull(),
  subjectKey: varchar('subject_key', { length: 100 }).notNull(),
  channelId: varchar('channel_id', { length: 255 }).notNull(),
  body: jsonb('body').$type<Record<string, unknown>>().notNull(),
  details: jsonb('details').$type<Record<string, unknown>>().notNull(),
  actorId: bigint('actor_id', { mode: 'bigint' }).notNull(),
  actorName: varchar('actor_name', { length: 255 }).notNull(),
  runId: varchar('run_id', { length: 64 }).notNull(),
  requestedAt: moment('requested_at').notNull().defaultNow(),
  state: varchar('state', { length: 20 }).$type<PostState>().notNull().default('posting'),
  waitingUntil: moment('waiting_until'),
  messageId: varchar('message_id', { length: 255 }),
  acceptedAt: moment('accepted_at'),
  detail: text('detail'),
  settledAt: moment('settled_at'),
});
export type StoredPost = typeof discordPosts.$inferSelect;

/** Channel names Discord gave the desk, shown when it cannot be asked (0013). */
export const discordChannelNames = deskSchema.table('discord_channel_names', {
  channelId: varchar('channel_id', { length: 20 }).primaryKey(),
  guildId: varchar('guild_id', { length: 20 }),
  name: varchar('name', { length: 100 }).notNull(),
  seenAt: moment('seen_at').notNull().defaultNow(),
});
