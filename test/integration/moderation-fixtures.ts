/**
 * Moderation test data, inserted the way the bot would (straight SQL, its own 'A-' case IDs),
 * with snowflakes above 2^53 so a JS number anywhere on the path shows up as a wrong digit.
 */
import { expect } from 'vitest';
import { TRPCError } from '@trpc/server';
import type { AuroraDatabase } from '../../src/main/core/database.js';
import type { DeskErrorData } from '../../src/shared/errors.js';
import type { StaffIdentity } from '../../src/shared/identity.js';

export const NYX = 1234567890123456789n; // a player
export const EMBER = 1234567890123456790n; // a player
export const DRIFTER = 1234567890123450001n; // never a player
export const BOT_MOD = { id: 1300000000000000001n, name: 'Bot Moderator Vega' };
export const OTHER_MOD: StaffIdentity = { id: 1100000000000000009n, name: 'Moderator Orin' };
export const WARDEN_CLASS = 1234567890123456001n;

let botSequence = 0;
export const nextBotCaseId = () => `A-${String(++botSequence).padStart(6, '0')}-${process.pid}-${Math.random().toString(36).slice(2, 6)}`;

export interface BotCase {
  caseId?: string;
  type?: string;
  userId?: bigint;
  username?: string | null;
  moderatorId?: bigint;
  moderatorName?: string | null;
  reason?: string | null;
  /** Raw JSON text, so tests can store arrays, scalars and huge integers exactly. */
  metadataJson?: string;
  active?: boolean;
  createdAt?: string;
  resolvedAt?: string | null;
  resolvedBy?: bigint | null;
  resolvedReason?: string | null;
}

/** Inserts a case as the bot would; returns its id. */
export async function insertBotCase(database: AuroraDatabase, c: BotCase = {}): Promise<bigint> {
  const { rows } = await database.query<{ id: string }>(
    `INSERT INTO moderation_cases (case_id, type, user_id, username, moderator_id, moderator_name, reason, metadata, active,
                                   created_at, resolved_at, resolved_by, resolved_reason)
     VALUES ($1, $2, $3::bigint, $4, $5::bigint, $6, $7, $8::jsonb, $9, coalesce($10::timestamp, now()), $11::timestamp, $12::bigint, $13)
     RETURNING id`,
    [
      c.caseId ?? nextBotCaseId(),
      c.type ?? 'warn',
      (c.userId ?? NYX).toString(),
      c.username === undefined ? 'nyx' : c.username,
      (c.moderatorId ?? BOT_MOD.id).toString(),
      c.moderatorName === undefined ? BOT_MOD.name : c.moderatorName,
      c.reason === undefined ? 'spamming the tavern' : c.reason,
      c.metadataJson ?? '{}',
      c.active ?? true,
      c.createdAt ?? null,
      c.resolvedAt ?? null,
      c.resolvedBy?.toString() ?? null,
      c.resolvedReason ?? null,
    ],
  );
  return BigInt(rows[0]!.id);
}

export async function seedPlayers(database: AuroraDatabase): Promise<void> {
  await database.query(`INSERT INTO classes (id, name, balance) VALUES ($1::bigint, 'Warden', 0) ON CONFLICT DO NOTHING`, [WARDEN_CLASS.toString()]);
  await database.query(
    `INSERT INTO users (id, class_id, username, balance, xp, level, is_active)
     VALUES ($1::bigint, $3::bigint, 'nyx', 9007199254740993, 42, 12, true), ($2::bigint, NULL, 'Ember_Fox', 300, 1, 3, false)
     ON CONFLICT DO NOTHING`,
    [NYX.toString(), EMBER.toString(), WARDEN_CLASS.toString()],
  );
}

export async function caseRow(database: AuroraDatabase, id: bigint) {
  const { rows } = await database.query<{
    case_id: string;
    type: string;
    user_id: string;
    username: string | null;
    moderator_id: string;
    moderator_name: string | null;
    reason: string | null;
    metadata_text: string;
    active: boolean;
    resolved_at: string | null;
    resolved_by: string | null;
    resolved_reason: string | null;
  }>(
    `SELECT case_id, type, user_id, username, moderator_id, moderator_name, reason, metadata::text AS metadata_text, active,
            resolved_at::text AS resolved_at, resolved_by, resolved_reason
       FROM moderation_cases WHERE id = $1::bigint`,
    [id.toString()],
  );
  const row = rows[0]!;
  return { ...row, metadata: JSON.parse(row.metadata_text) as Record<string, unknown> & { aurora_desk?: Record<string, unknown> } };
}

export async function trpcFailure(promise: Promise<unknown>): Promise<TRPCError & { data?: DeskErrorData }> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error, 'expected the call to fail').toBeInstanceOf(TRPCError);
  return error as TRPCError;
}

/** The error data the renderer would get (what the error formatter puts in `data`). */
export function conflictData(error: TRPCError): DeskErrorData['conflict'] {
  const cause = error.cause as { extra?: DeskErrorData } | undefined;
  return cause?.extra?.conflict;
}
