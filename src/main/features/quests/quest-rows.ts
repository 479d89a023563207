/**
 * How quests are read: jsonb columns as PostgreSQL's own text (a 64-bit number the bot stored
 * stays exact, and a foreign shape survives to the raw JSON view untouched), then classified by
 * the contract.
 */
import { eq, inArray, sql } from 'drizzle-orm';
import { parseStoredQuest, type QuestRow, type StoredQuest } from '../../../shared/domain/quests.js';
import type { AuroraDb } from '../../db/open.js';
import { quests } from '../../db/schema.js';
import { ERRORS } from '../../errors.js';
import { rowVersion } from './revisions.js';

export const questColumns = {
  id: quests.id,
  name: quests.name,
  description: quests.description,
  triggerEvent: quests.triggerEvent,
  requirementsJson: sql<string>`${quests.requirements}::text`,
  rewardsJson: sql<string>`${quests.rewards}::text`,
};

export type QuestRecord = Omit<QuestRow, 'version'>;

export function toStoredQuest(record: QuestRecord): StoredQuest {
  const version = rowVersion([record.id, record.name, record.description, record.triggerEvent, record.requirementsJson, record.rewardsJson]);
  return parseStoredQuest({ ...record, version });
}

/** One quest, optionally locked for the rest of the transaction; NOT_FOUND when it is gone. */
export async function loadQuest(db: AuroraDb, id: number, options: { lock?: boolean } = {}): Promise<StoredQuest> {
  const query = db.select(questColumns).from(quests).where(eq(quests.id, id));
  const [row] = options.lock ? await query.for('update') : await query;
  if (!row) throw ERRORS.notFound(`Quest #${id}`);
  return toStoredQuest(row);
}

export async function loadQuests(db: AuroraDb, ids: readonly number[]): Promise<StoredQuest[]> {
  if (ids.length === 0) return [];
  const rows = await db.select(questColumns).from(quests).where(inArray(quests.id, [...ids]));
  return rows.map(toStoredQuest);
}
