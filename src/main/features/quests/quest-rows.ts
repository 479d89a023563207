/**
 * How quests are read: jsonb columns as PostgreSQL's own text (a 64-bit number the bot stored
 * stays exact, and a foreign shape survives to the raw JSON view untouched), then classified by
 * the contract.
 */
import { eq, inArray, sql } from 'drizzle-orm';
import { parseStoredQuest, type QuestRow, type StoredQuest } from '@shared/domain/quests.js';
import type { AuroraDb } from '../../core/database.js';
import { preparedRead } from '../../db/prepared-reads.js';
import { quests } from '../../db/schema.js';
import { ERRORS } from '../../core/errors.js';
import { rowVersion } from '../authoring/revisions.js';

export const questColumns = {
  id: quests.id,
  name: quests.name,
  description: quests.description,
  triggerEvent: quests.triggerEvent,
  requirementsJson: sql<string>`${quests.requirements}::text`,
  rewardsJson: sql<string>`${quests.rewards}::text`,
};

export type QuestRecord = Omit<QuestRow, 'version'>;

const versionParts = (record: QuestRecord) => [record.id, record.name, record.description, record.triggerEvent, record.requirementsJson, record.rewardsJson];

export function toStoredQuest(record: QuestRecord): StoredQuest {
  return parseStoredQuest({ ...record, version: rowVersion(versionParts(record)) });
}

/** How many classified list rows are remembered (a few MB at most). */
const LISTED_CAP = 5_000;
/** The last classified row of each quest ID, with the record it was classified from. */
const listed = new Map<number, { record: QuestRecord; quest: StoredQuest }>();

const sameRecord = (a: QuestRecord, b: QuestRecord) =>
  a.name === b.name && a.description === b.description && a.triggerEvent === b.triggerEvent && a.requirementsJson === b.requirementsJson && a.rewardsJson === b.rewardsJson;

/**
 * toStoredQuest for the quest list, which classifies a page of up to 500 quests (a hash and the
 * contract's zod parse each) and refetches it on every live change: mostly the same rows again.
 * Classification depends on nothing but the stored row, so it is remembered per quest ID with
 * the row it came from, and reused while every column is the same; a changed row is classified
 * again and replaces it. Compared column by column rather than by a key built from the row,
 * which cost more than the database's answer on a page of 100 quests. Only for answers that are
 * sent as they are, never changed in place: callers share the objects.
 */
export function toListedQuest(record: QuestRecord): StoredQuest {
  const known = listed.get(record.id);
  if (known && sameRecord(known.record, record)) return known.quest;
  const quest = toStoredQuest(record);
  if (!known && listed.size >= LISTED_CAP) listed.delete(listed.keys().next().value!);
  listed.set(record.id, { record, quest });
  return quest;
}

/** One quest, optionally locked for the rest of the transaction; NOT_FOUND when it is gone. */
const questById = preparedRead((db: AuroraDb) =>
  db
    .select(questColumns)
    .from(quests)
    .where(eq(quests.id, sql.placeholder('id'))),
);

export async function loadQuest(db: AuroraDb, id: number, options: { lock?: boolean } = {}): Promise<StoredQuest> {
  const [row] = options.lock ? await db.select(questColumns).from(quests).where(eq(quests.id, id)).for('update') : await questById(db, { id });
  if (!row) throw ERRORS.notFound(`Quest #${id}`);
  return toStoredQuest(row);
}

export async function loadQuests(db: AuroraDb, ids: readonly number[]): Promise<StoredQuest[]> {
  if (ids.length === 0) return [];
  const rows = await db.select(questColumns).from(quests).where(inArray(quests.id, [...ids]));
  return rows.map(toStoredQuest);
}
