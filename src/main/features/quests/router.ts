import { noInputSchema } from '@shared/input-bounds.js';
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
  list: readProcedure.input(questListInputSchema).query(({ ctx, input }) => listQuests(ctx.services.database(), input)),
  get: readProcedure.input(questIdInputSchema).query(({ ctx, input }) => getQuest(ctx.services.database(), input.id)),
  triggersInUse: readProcedure.input(noInputSchema).query(({ ctx }) => listTriggerEventsInUse(ctx.services.database())),
  create: writeProcedure.input(questCreateInputSchema).mutation(({ ctx, input }) => createQuest(ctx.write, input)),
  update: writeProcedure.input(questUpdateInputSchema).mutation(({ ctx, input }) => updateQuest(ctx.write, input)),
  duplicate: writeProcedure.input(questIdInputSchema).mutation(({ ctx, input }) => duplicateQuest(ctx.write, input)),
  /** What deleting would take with it, for the confirmation. */
  deletePreview: readProcedure.input(questIdInputSchema).query(({ ctx, input }) => previewQuestDeletion(ctx.services.database(), input)),
  delete: writeProcedure.input(questDeleteInputSchema).mutation(({ ctx, input }) => deleteQuest(ctx.write, input)),

  stats: readProcedure.input(questStatsInputSchema).query(({ ctx, input }) => getQuestStats(ctx.services.database(), input)),
  players: readProcedure.input(questPlayersInputSchema).query(({ ctx, input }) => listQuestPlayers(ctx.services.database(), input)),
  resetProgress: writeProcedure
    .input(questProgressInputSchema)
    .mutation(({ ctx, input }) => resetQuestProgress(ctx.write, input)),
  assign: writeProcedure.input(questProgressInputSchema).mutation(({ ctx, input }) => assignQuest(ctx.write, input)),

  /** A pack of quests and items as JSON (the renderer saves it as a file). */
  exportPack: readProcedure
    .input(packExportInputSchema)
    .query(({ ctx, input }) => exportQuestPack(ctx.services.database(), input, ctx.services.identity()?.name ?? null)),
  /** Dry run: what importing the file would do. A mutation only because a pack is too big for a URL; it writes nothing. */
  previewImport: readProcedure.input(packImportInputSchema).mutation(({ ctx, input }) => planQuestPack(ctx.services.database(), input.text)),
  /** Everything in one transaction, or nothing when any entry is invalid. */
  applyImport: writeProcedure.input(packImportInputSchema).mutation(({ ctx, input }) => applyQuestPack(ctx.write, input.text)),
});
