/** A game master's hand on one player's progress: reset it, or put the player on the quest. */
import { and, eq } from 'drizzle-orm';
import type { StaffWrite } from '../../core/audit.js';
import { userQuests, users } from '../../db/schema.js';
import { ERRORS } from '../../core/errors.js';
import { loadQuest } from './quest-rows.js';

export interface QuestProgressChange {
  questId: number;
  userId: bigint;
  username: string | null;
  progressBefore: number | null;
  completedAtBefore: Date | null;
  progress: number;
}

/** Back to 0 and not completed; the reward the player already received is theirs to keep. */
export async function resetQuestProgress(write: StaffWrite, input: { questId: number; userId: bigint }): Promise<QuestProgressChange> {
  return write.transaction(async (tx) => {
    const quest = await loadQuest(tx, input.questId);
    const row = and(eq(userQuests.questId, quest.id), eq(userQuests.userId, input.userId));
    const [held] = await tx
      .select({ progress: userQuests.progress, completedAt: userQuests.completedAt, username: users.username })
      .from(userQuests)
      .leftJoin(users, eq(users.id, userQuests.userId))
      .where(row)
      .for('update', { of: userQuests });
    if (!held) throw ERRORS.notFound(`Progress of player ${input.userId} on “${quest.name}”`);
    await tx.update(userQuests).set({ progress: 0, completedAt: null }).where(row);
    return { questId: quest.id, userId: input.userId, username: held.username, progressBefore: held.progress, completedAtBefore: held.completedAt, progress: 0 };
  });
}

/** Starts the quest for a player at progress 0. */
export async function assignQuest(write: StaffWrite, input: { questId: number; userId: bigint }): Promise<QuestProgressChange> {
  return write.transaction(async (tx) => {
    const quest = await loadQuest(tx, input.questId);
    const [player] = await tx.select({ username: users.username }).from(users).where(eq(users.id, input.userId));
    if (!player) throw ERRORS.notFound(`Player ${input.userId}`);
    const inserted = await tx
      .insert(userQuests)
      .values({ userId: input.userId, questId: quest.id, progress: 0 })
      .onConflictDoNothing()
      .returning({ progress: userQuests.progress });
    if (inserted.length === 0) {
      const [held] = await tx
        .select({ progress: userQuests.progress, completedAt: userQuests.completedAt })
        .from(userQuests)
        .where(and(eq(userQuests.questId, quest.id), eq(userQuests.userId, input.userId)));
      const state = held?.completedAt ? 'completed it' : `is on it (progress ${held?.progress ?? 0})`;
      throw ERRORS.badRequest(`${player.username} already ${state}. Reset their progress instead.`, { userId: [`Already on “${quest.name}”`] });
    }
    return { questId: quest.id, userId: input.userId, username: player.username, progressBefore: null, completedAtBefore: null, progress: 0 };
  });
}
