import { packExportInputSchema, packImportInputSchema } from '@shared/domain/quest-pack.js';
import {
  questCreateInputSchema,
  questDeleteInputSchema,
  questIdInputSchema,
  questListInputSchema,
  questPlayersInputSchema,
  questProgressInputSchema,
  questStatsInputSchema,
  questUpdateInputSchema,
} from '@shared/domain/quests.js';
import { readProcedure, router, writeProcedure } from '../../api/trpc.js';
import { deleteQuest, previewQuestDeletion } from './delete-quest.js';
import { getQuest, listQuests, listTriggerEventsInUse } from './list-quests.js';
import { applyQuestPack } from './apply-pack.js';
import { exportQuestPack } from './export-pack.js';
import { planQuestPack } from './plan-pack.js';
import { assignQuest, resetQuestProgress } from './quest-progress.js';
import { getQuestStats, listQuestPlayers } from './quest-stats.js';
import { createQuest, duplicateQuest, updateQuest } from './write-quests.js';

export const questsRouter = router({
  list: readProcedure.input(questListInputSchema).query(({ ctx, input }) => listQuests(ctx.runtime.database().db, input)),
  get: readProcedure.input(questIdInputSchema).query(({ ctx, input }) => getQuest(ctx.runtime.database().db, input.id)),
  triggersInUse: readProcedure.query(({ ctx }) => listTriggerEventsInUse(ctx.runtime.database().db)),
  create: writeProcedure.input(questCreateInputSchema).mutation(({ ctx, input }) => createQuest(ctx.runtime.database().db, ctx.actor, input)),
  update: writeProcedure.input(questUpdateInputSchema).mutation(({ ctx, input }) => updateQuest(ctx.runtime.database().db, ctx.actor, input)),
  duplicate: writeProcedure.input(questIdInputSchema).mutation(({ ctx, input }) => duplicateQuest(ctx.runtime.database().db, ctx.actor, input)),
  /** What deleting would take with it, for the confirmation. */
  deletePreview: readProcedure.input(questIdInputSchema).query(({ ctx, input }) => previewQuestDeletion(ctx.runtime.database().db, input)),
  delete: writeProcedure.input(questDeleteInputSchema).mutation(({ ctx, input }) => deleteQuest(ctx.runtime.database().db, ctx.actor, input)),

  stats: readProcedure.input(questStatsInputSchema).query(({ ctx, input }) => getQuestStats(ctx.runtime.database().db, input)),
  players: readProcedure.input(questPlayersInputSchema).query(({ ctx, input }) => listQuestPlayers(ctx.runtime.database().db, input)),
  resetProgress: writeProcedure
    .input(questProgressInputSchema)
    .mutation(({ ctx, input }) => resetQuestProgress(ctx.runtime.database().db, ctx.actor, input)),
  assign: writeProcedure.input(questProgressInputSchema).mutation(({ ctx, input }) => assignQuest(ctx.runtime.database().db, ctx.actor, input)),

  /** A pack of quests and items as JSON (the renderer saves it as a file). */
  exportPack: readProcedure
    .input(packExportInputSchema)
    .query(({ ctx, input }) => exportQuestPack(ctx.runtime.database().db, input, ctx.runtime.identity()?.name ?? null)),
  /** Dry run: what importing the file would do. A mutation only because a pack is too big for a URL; it writes nothing. */
  previewImport: readProcedure.input(packImportInputSchema).mutation(({ ctx, input }) => planQuestPack(ctx.runtime.database().db, input.text)),
  /** Everything in one transaction, or nothing when any entry is invalid. */
  applyImport: writeProcedure.input(packImportInputSchema).mutation(({ ctx, input }) => applyQuestPack(ctx.runtime.database().db, ctx.actor, input.text)),
});
