/**
 * The Aurora bot's tables, as the bot's own schema description gives them; docs/DATABASE.md
 * describes each table and every choice made here.
 *
 * The bot owns these tables: Aurora Desk reads and writes rows but never alters them. This file
 * is the expected shape that `check.ts` compares a live database against, and the source of the
 * SQL drizzle-kit generates under `drizzle/` to create the schema on an EMPTY database only.
 *
 * Every bigint column uses `mode: 'bigint'`, so Discord snowflakes and amounts never pass
 * through a JS number. Where the bot's description is silent (nullability, most defaults,
 * ON DELETE), the choice is marked "chosen:" with the reason; docs/DATABASE.md lists them all.
 */
import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  boolean,
  check,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  serial,
  text,
  timestamp,
  varchar,
} from 'drizzle-orm/pg-core';

const snowflake = (name: string) => bigint(name, { mode: 'bigint' });
const amount = (name: string) => bigint(name, { mode: 'bigint' });
// The bot's columns are `timestamp` without time zone; the desk's connections speak UTC and
// Drizzle reads these as UTC (docs/DATABASE.md, Conventions).
const moment = (name: string) => timestamp(name, { mode: 'date' });

export const classes = pgTable('classes', {
  id: snowflake('id').primaryKey(),
  name: varchar('name', { length: 255 }).notNull().unique(),
  // chosen: a bank starts empty and is never unknown.
  balance: amount('balance').notNull().default(sql`0`),
  roleId: varchar('role_id', { length: 255 }),
});

export const users = pgTable('users', {
  id: snowflake('id').primaryKey(),
  // chosen: nullable, a new player has not picked a class yet.
  classId: snowflake('class_id').references(() => classes.id),
  // chosen: NOT NULL, the bot always knows the Discord username when it creates the row.
  username: varchar('username', { length: 255 }).notNull(),
  isActive: boolean('is_active').notNull().default(true),
  balance: amount('balance').notNull().default(sql`0`),
  xp: amount('xp').notNull().default(sql`0`),
  level: integer('level').notNull().default(1),
  dailyStreak: integer('daily_streak').notNull().default(0),
  settings: jsonb('settings').notNull().default(sql`'{}'::jsonb`),
  createdAt: moment('created_at').notNull().defaultNow(),
  updatedAt: moment('updated_at').notNull().defaultNow(),
});

export const items = pgTable('items', {
  id: serial('id').primaryKey(),
  name: varchar('name', { length: 255 }).notNull().unique(),
  description: text('description'),
  rarity: varchar('rarity', { length: 20 }).notNull().default('Common'),
  type: varchar('type', { length: 50 }).notNull(),
  usageData: jsonb('usage_data').notNull().default(sql`'{}'::jsonb`),
  // chosen: nullable, quest-only items have no shop price.
  price: amount('price'),
  iconUrl: text('icon_url'),
  imageUrl: text('image_url'),
});

export const inventory = pgTable(
  'inventory',
  {
    // chosen: ON DELETE CASCADE, what a player holds goes with the player.
    userId: snowflake('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    itemId: integer('item_id')
      .notNull()
      .references(() => items.id, { onDelete: 'cascade' }),
    quantity: amount('quantity').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.userId, t.itemId] }),
    check('inventory_quantity_positive', sql`${t.quantity} > 0`),
  ],
);

export const transactions = pgTable('transactions', {
  id: bigserial('id', { mode: 'bigint' }).primaryKey(),
  userId: snowflake('user_id')
    .notNull()
    .references(() => users.id),
  relatedUserId: snowflake('related_user_id').references(() => users.id),
  amount: amount('amount').notNull(),
  type: varchar('type', { length: 50 }).notNull(),
  description: text('description'),
  createdAt: moment('created_at').notNull().defaultNow(),
});

export const itemTransactions = pgTable('item_transactions', {
  id: bigserial('id', { mode: 'bigint' }).primaryKey(),
  userId: snowflake('user_id')
    .notNull()
    .references(() => users.id),
  relatedUserId: snowflake('related_user_id').references(() => users.id),
  itemId: integer('item_id')
    .notNull()
    .references(() => items.id),
  quantity: amount('quantity').notNull(),
  type: varchar('type', { length: 50 }).notNull(),
  description: text('description'),
  createdAt: moment('created_at').notNull().defaultNow(),
});

export const quests = pgTable('quests', {
  id: serial('id').primaryKey(),
  name: varchar('name', { length: 255 }).notNull(),
  description: text('description'),
  triggerEvent: varchar('trigger_event', { length: 50 }).notNull(),
  requirements: jsonb('requirements').notNull().default(sql`'{}'::jsonb`),
  rewards: jsonb('rewards').notNull().default(sql`'{}'::jsonb`),
});

export const userQuests = pgTable(
  'user_quests',
  {
    userId: snowflake('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    questId: integer('quest_id')
      .notNull()
      .references(() => quests.id, { onDelete: 'cascade' }),
    progress: integer('progress').notNull().default(0),
    completedAt: moment('completed_at'),
  },
  (t) => [primaryKey({ columns: [t.userId, t.questId] })],
);

export const userTimers = pgTable(
  'user_timers',
  {
    userId: snowflake('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    type: varchar('type', { length: 50 }).notNull(),
    key: varchar('key', { length: 100 }).notNull(),
    expiresAt: moment('expires_at').notNull(),
    metadata: jsonb('metadata').notNull().default(sql`'{}'::jsonb`),
  },
  (t) => [primaryKey({ columns: [t.userId, t.type, t.key] })],
);

export const lootdrops = pgTable('lootdrops', {
  messageId: varchar('message_id', { length: 255 }).primaryKey(),
  channelId: varchar('channel_id', { length: 255 }).notNull(),
  rewardAmount: integer('reward_amount').notNull(),
  currency: varchar('currency', { length: 50 }).notNull(),
  claimedBy: snowflake('claimed_by').references(() => users.id),
  createdAt: moment('created_at').notNull().defaultNow(),
  // chosen: nullable, a drop may be spawned without a despawn time.
  expiresAt: moment('expires_at'),
});

export const moderationCases = pgTable('moderation_cases', {
  id: bigserial('id', { mode: 'bigint' }).primaryKey(),
  caseId: varchar('case_id', { length: 50 }).notNull().unique(),
  type: varchar('type', { length: 20 }).notNull(),
  // Plain IDs, no foreign keys: moderated people and moderators need not be players.
  userId: snowflake('user_id').notNull(),
  username: varchar('username', { length: 255 }),
  moderatorId: snowflake('moderator_id').notNull(),
  moderatorName: varchar('moderator_name', { length: 255 }),
  // chosen: nullable, Discord lets a moderator act without a reason.
  reason: text('reason'),
  metadata: jsonb('metadata').notNull().default(sql`'{}'::jsonb`),
  active: boolean('active').notNull().default(true),
  createdAt: moment('created_at').notNull().defaultNow(),
  resolvedAt: moment('resolved_at'),
  resolvedBy: snowflake('resolved_by'),
  resolvedReason: text('resolved_reason'),
});

/** The bot's eleven tables by SQL name, in an order that respects foreign keys. */
export const botTables = {
  classes,
  users,
  items,
  inventory,
  transactions,
  item_transactions: itemTransactions,
  quests,
  user_quests: userQuests,
  user_timers: userTimers,
  lootdrops,
  moderation_cases: moderationCases,
} as const;

export type BotTableName = keyof typeof botTables;
export const botTableNames = Object.keys(botTables) as BotTableName[];
