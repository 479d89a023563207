/**
 * A small Aurora world for the quest and item tests: players with IDs above 2^53, items of
 * several types, a quest in the contract's shape and one the bot wrote in another shape.
 */
import { TRPCError } from '@trpc/server';
import { sql } from 'drizzle-orm';
import { expect } from 'vitest';
import { ZodError } from 'zod';
import type { AuroraDb } from '../../src/main/core/database.js';
import * as s from '../../src/main/db/schema.js';
import { DeskError } from '../../src/main/core/errors.js';
import type { StaffIdentity } from '../../src/shared/identity.js';

export const NYX = 1234567890123456789n; // > 2^53: a JS number would change its last digits
export const EMBER = 1234567890123456790n;
export const SAGE = 1234567890123456791n;
export const ROOK = 1234567890123456792n;
export const LYRA: StaffIdentity = { id: 1100000000000000002n, name: 'Game Master Lyra' };
export const ORIN: StaffIdentity = { id: 1100000000000000003n, name: 'Game Master Orin' };

/** Text the bot wrote: a big number (a JSON number, which JavaScript would round) and its own keys. */
export const FOREIGN_REQUIREMENTS = '{"count": 5, "channel": 1200000000000000001}';
export const FOREIGN_REWARDS = '{"gold": 250, "note": "bot v1 shape"}';

export interface QuestWorld {
  moonstone: number;
  sunpetal: number;
  vaultKey: number;
  chatter: number;
  foreign: number;
}

const DAY = 86_400_000;

export async function seedQuestWorld(db: AuroraDb): Promise<QuestWorld> {
  await db.insert(s.users).values([
    { id: NYX, username: 'nyx', level: 12 },
    { id: EMBER, username: 'Ember_Fox', level: 3 },
    { id: SAGE, username: 'sage', level: 7 },
    { id: ROOK, username: 'rook', level: 1 },
  ]);
  const [moonstone, sunpetal, vaultKey] = await db
    .insert(s.items)
    .values([
      { name: 'Moonstone', type: 'MATERIAL', rarity: 'Rare', price: 25n, usageData: { stackable: true, craftingTier: 3 }, iconUrl: 'https://cdn.example/moonstone.png' },
      { name: 'Sunpetal', type: 'CONSUMABLE', rarity: 'Common', price: 9223372036854775807n, usageData: { consume: true, effects: [{ type: 'ADD_XP', amount: '50' }] } },
      { name: 'Vault Key', type: 'KEY', rarity: 'Epic', usageData: { opens: 'vault' } },
    ])
    .returning({ id: s.items.id });
  const [chatter] = await db
    .insert(s.quests)
    .values({
      name: 'Chatterbox',
      description: 'Say hello in the tavern.',
      triggerEvent: 'MESSAGE_SENT',
      requirements: { target: 10, filters: { channelId: '1200000000000000001' } },
      rewards: { currency: '500', xp: 100, items: [{ itemId: moonstone!.id, quantity: 2 }] },
    })
    .returning({ id: s.quests.id });
  // Written as text so the big number reaches jsonb exactly, as the bot's own driver would.
  const [foreign] = await db
    .insert(s.quests)
    .values({ name: 'Old timer', description: null, triggerEvent: 'msg_sent', requirements: sql`${FOREIGN_REQUIREMENTS}::jsonb`, rewards: sql`${FOREIGN_REWARDS}::jsonb` })
    .returning({ id: s.quests.id });
  return { moonstone: moonstone!.id, sunpetal: sunpetal!.id, vaultKey: vaultKey!.id, chatter: chatter!.id, foreign: foreign!.id };
}

/** Progress on a quest: completions on given days before the latest one, and players still on it. */
export async function seedProgress(db: AuroraDb, questId: number, rows: { userId: bigint; progress: number; completedDaysAgo?: number }[], latest: Date): Promise<void> {
  await db.insert(s.userQuests).values(
    rows.map((r) => ({
      userId: r.userId,
      questId,
      progress: r.progress,
      completedAt: r.completedDaysAgo === undefined ? null : new Date(latest.getTime() - r.completedDaysAgo * DAY),
    })),
  );
}

export interface Failure {
  code: string;
  message: string;
  extra: DeskError['extra'];
}

/** The domain error behind a failed router call. */
export async function failure(promise: Promise<unknown>): Promise<Failure> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error, 'expected the call to fail').toBeInstanceOf(TRPCError);
  const cause = (error as TRPCError).cause;
  // Input errors: the same dotted paths the error formatter gives the renderer.
  const zodFields = (issues: { path: PropertyKey[]; message: string }[]) => {
    const fieldErrors: Record<string, string[]> = {};
    for (const issue of issues) (fieldErrors[issue.path.map(String).join('.')] ??= []).push(issue.message);
    return { fieldErrors };
  };
  return {
    code: (error as TRPCError).code,
    message: (error as TRPCError).message,
    extra: cause instanceof DeskError ? cause.extra : cause instanceof ZodError ? zodFields(cause.issues) : {},
  };
}

/** jsonb as PostgreSQL prints it, for "stored exactly" checks. */
export async function storedJson(db: { query: (t: string, p?: unknown[]) => Promise<{ rows: unknown[] }> }, table: 'quests' | 'items', id: number) {
  const sql =
    table === 'quests'
      ? 'SELECT trigger_event, requirements::text AS requirements, rewards::text AS rewards FROM quests WHERE id = $1'
      : 'SELECT type, rarity, usage_data::text AS usage_data, price::text AS price FROM items WHERE id = $1';
  const { rows } = await db.query(sql, [id]);
  return rows[0] as Record<string, string> | undefined;
}
