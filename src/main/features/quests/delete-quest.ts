/**
 * Deleting a quest takes every player's progress on it with it. The confirmation says how many
 * players that is; the deletion counts again inside its transaction and answers with the number
 * of user_quests rows it removed.
 */
import { count, eq, sql } from 'drizzle-orm';
import type { QuestDeletion, QuestDeletionPreview } from '@shared/domain/quests.js';
import type { StaffWrite } from '../../core/audit.js';
import type { AuroraDatabase, AuroraDb } from '../../core/database.js';
import { quests, userQuests } from '../../db/schema.js';
import { loadQuest } from './quest-rows.js';
import { conflictError, recordRevision } from '../authoring/revisions.js';

function plural(n: number, one: string, many: string): string {
  return `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;
}

export function describeQuestDeletion(name: string, players: number, completed: number): string {
  if (players === 0) return `Deleting “${name}” removes the quest. No player has progress on it.`;
  return (
    `Deleting “${name}” also deletes the progress of ${plural(players, 'player', 'players')}` +
    `${completed ? ` (${completed.toLocaleString('en-US')} of them completed it)` : ''}: ` +
    `their user_quests rows are removed with the quest and cannot be restored.`
  );
}

async function countProgress(db: AuroraDb, questId: number): Promise<{ players: number; completed: number }> {
  const [row] = await db
    .select({ players: count(), completed: count(userQuests.completedAt) })
    .from(userQuests)
    .where(eq(userQuests.questId, questId));
  return { players: row?.players ?? 0, completed: row?.completed ?? 0 };
}

/** Quests whose requirements wait for `questId` (filters.questId), by name. */
async function findWaitingQuests(db: AuroraDb, questId: number): Promise<{ id: number; name: string }[]> {
  return db
    .select({ id: quests.id, name: quests.name })
    .from(quests)
    .where(sql`${quests.requirements} -> 'filters' -> 'questId' = to_jsonb(${questId}::int)`)
    .orderBy(quests.id)
    .limit(50);
}

export async function previewQuestDeletion(database: AuroraDatabase, input: { id: number }): Promise<QuestDeletionPreview> {
  const { db } = database;
  const quest = await loadQuest(db, input.id);
  const { players, completed } = await countProgress(db, quest.id);
  const waitingQuests = await findWaitingQuests(db, quest.id);
  return { questId: quest.id, name: quest.name, playersWithProgress: players, completed, waitingQuests, consequence: describeQuestDeletion(quest.name, players, completed) };
}

export async function deleteQuest(write: StaffWrite, input: { id: number; version?: string }): Promise<QuestDeletion> {
  const db = write.database.db;
  const { actor } = write;
  const outcome = await write.transaction(async (tx) => {
    const quest = await loadQuest(tx, input.id, { lock: true });
    if (input.version !== undefined && input.version !== quest.version) return { conflict: quest };
    // The row lock holds off new user_quests rows (their foreign key check needs a share lock), so
    // this count is exactly what the delete below removes.
    const { players, completed } = await countProgress(tx, quest.id);
    // Explicit, not left to ON DELETE CASCADE: the bot's own schema may declare the key without it.
    await tx.delete(userQuests).where(eq(userQuests.questId, quest.id));
    await tx.delete(quests).where(eq(quests.id, quest.id));
    await recordRevision(tx, actor, 'quest', quest.id, quest.version, 'delete');
    return {
      deletion: { questId: quest.id, deletedProgressRows: players, consequence: describeQuestDeletion(quest.name, players, completed) },
    };
  });
  if (outcome.conflict) throw await conflictError(db, 'quest', outcome.conflict, outcome.conflict);
  return outcome.deletion;
}

