/**
 * A small Aurora world for the players tests: IDs above 2^53 everywhere a snowflake goes, so a
 * JS number anywhere on the path would show up as a wrong digit.
 */
import * as s from '../../src/main/db/schema.js';
import type { AuroraDb } from '../../src/main/core/database.js';

export const WARDEN = 1234567890123456001n;
export const SEER = 1234567890123456002n;
export const NYX = 1234567890123456789n; // > 2^53
export const EMBER = 1234567890123456790n;
export const QUIET = 9223372036854775806n; // int8 max - 1: no class, nothing held
/** A staff member who also plays: then the ledger's related party. */
export const PLAYING_STAFF = { id: 1100000000000000777n, name: 'Playing Moderator' };

export interface World {
  moonstone: number;
  sunpetal: number;
  emberQuest: number;
  openQuest: number;
}

export async function seedPlayersWorld(db: AuroraDb): Promise<World> {
  await db.insert(s.classes).values([
    { id: WARDEN, name: 'Warden', balance: 5000n, roleId: '987654321098765432' },
    { id: SEER, name: 'Seer', balance: 0n, roleId: null },
  ]);
  await db.insert(s.users).values([
    { id: NYX, username: 'nyx', classId: WARDEN, balance: 1200n, xp: 9007199254740993n, level: 12, dailyStreak: 4, settings: { locale: 'en-GB', dm: false } },
    { id: EMBER, username: 'Ember_Fox', classId: SEER, balance: 300n, level: 3 },
    { id: QUIET, username: 'quiet%one', balance: 0n, isActive: false },
    { id: PLAYING_STAFF.id, username: 'modplayer', classId: WARDEN, balance: 10n },
  ]);
  const [moonstone, sunpetal] = await db
    .insert(s.items)
    .values([
      { name: 'Moonstone', type: 'MATERIAL', rarity: 'Rare', price: 25n, description: 'Glows faintly.' },
      { name: 'Sunpetal', type: 'CONSUMABLE', price: null },
    ])
    .returning({ id: s.items.id });
  await db.insert(s.inventory).values([{ userId: NYX, itemId: moonstone!.id, quantity: 3n }]);
  // The bot's own ledger rows, older than anything the tests add.
  await db.insert(s.transactions).values([
    { userId: NYX, relatedUserId: EMBER, amount: 50n, type: 'TRADE', description: 'from Ember', createdAt: new Date(Date.now() - 3 * 86_400_000) },
    { userId: NYX, amount: 100n, type: 'DAILY', createdAt: new Date(Date.now() - 2 * 86_400_000) },
    { userId: NYX, amount: -25n, type: 'SHOP_BUY', createdAt: new Date(Date.now() - 86_400_000) },
    { userId: EMBER, relatedUserId: NYX, amount: -50n, type: 'TRADE', description: 'to nyx', createdAt: new Date(Date.now() - 3 * 86_400_000) },
  ]);
  await db.insert(s.itemTransactions).values([
    { userId: NYX, itemId: moonstone!.id, quantity: 3n, type: 'DROP', createdAt: new Date(Date.now() - 86_400_000) },
  ]);
  const [emberQuest, openQuest] = await db
    .insert(s.quests)
    .values([
      { name: 'Kindle the hearth', triggerEvent: 'MESSAGE_SENT', requirements: { target: 10 }, rewards: { xp: 50 } },
      { name: 'Free-form', triggerEvent: 'ITEM_USED', requirements: { note: 'no target' } },
    ])
    .returning({ id: s.quests.id });
  await db.insert(s.userQuests).values([
    { userId: NYX, questId: emberQuest!.id, progress: 4 },
    { userId: NYX, questId: openQuest!.id, progress: 1, completedAt: new Date('2026-01-05T10:00:00Z') },
  ]);
  await db.insert(s.userTimers).values([
    { userId: NYX, type: 'COOLDOWN', key: 'daily', expiresAt: new Date(Date.now() + 3_600_000), metadata: { streak: 4 } },
    { userId: NYX, type: 'EFFECT', key: 'luck', expiresAt: new Date(Date.now() + 600_000) },
  ]);
  await db.insert(s.moderationCases).values([
    { caseId: 'P-1', type: 'warn', userId: NYX, moderatorId: 1n, reason: 'spam', active: false },
    { caseId: 'P-2', type: 'warn', userId: NYX, moderatorId: 1n, reason: 'spam again' },
    { caseId: 'P-3', type: 'timeout', userId: NYX, moderatorId: 1n, reason: 'flooding' },
    // moderation_cases.user_id has no FK: someone who never played can have cases.
    { caseId: 'P-4', type: 'ban', userId: 1300000000000000001n, moderatorId: 1n },
  ]);
  return { moonstone: moonstone!.id, sunpetal: sunpetal!.id, emberQuest: emberQuest!.id, openQuest: openQuest!.id };
}
