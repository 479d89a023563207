/** Aurora Desk's own tables in the `aurora_desk` schema, for Drizzle queries. */
import { bigint, bigserial, integer, jsonb, pgSchema, text, timestamp, varchar } from 'drizzle-orm/pg-core';

export const deskSchema = pgSchema('aurora_desk');

export const auditLog = deskSchema.table('audit_log', {
  id: bigserial('id', { mode: 'bigint' }).primaryKey(),
  at: timestamp('at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  actorId: bigint('actor_id', { mode: 'bigint' }).notNull(),
  actorName: varchar('actor_name', { length: 255 }).notNull(),
  procedure: varchar('procedure', { length: 120 }).notNull(),
  input: jsonb('input').notNull(),
  outcome: varchar('outcome', { length: 20 }).notNull(),
  errorCode: varchar('error_code', { length: 40 }),
  errorMessage: text('error_message'),
  durationMs: integer('duration_ms').notNull().default(0),
});
