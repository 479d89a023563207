/** Moderation procedures: validate, pick the actor and Discord access, hand over to a service. */
import {
  addCaseNoteInputSchema,
  bulkResolveInputSchema,
  caseCountsInputSchema,
  caseExportInputSchema,
  caseIdInputSchema,
  caseIdsInputSchema,
  caseListInputSchema,
  claimCaseInputSchema,
  editCaseReasonInputSchema,
  findCaseInputSchema,
  openCaseInputSchema,
  reopenCaseInputSchema,
  resolveCaseInputSchema,
  targetHistoryInputSchema,
  unclaimCaseInputSchema,
  type DiscordAvailability,
} from '@shared/domain/moderation.js';
import { readProcedure, router, writeProcedure } from '../../api/trpc.js';
import { getCaseDetail, readTargetHistory } from './detail.js';
import { discordAccess } from './discord-actions.js';
import { exportCases } from './export.js';
import { openCase } from './open-case.js';
import { countCases, describeArrivals, findCases, listCases, listCasesByIds, moderationIndexStatus } from './queues.js';
import { bulkResolveCases, resolveCase } from './resolve.js';
import { addCaseNote, claimCase, editCaseReason, reopenCase, unclaimCase } from './triage.js';

export const moderationRouter = router({
  list: readProcedure
    .input(caseListInputSchema)
    .query(({ ctx, input }) => listCases(ctx.runtime.database(), ctx.runtime.identity(), input)),
  counts: readProcedure
    .input(caseCountsInputSchema)
    .query(({ ctx, input }) => countCases(ctx.runtime.database(), ctx.runtime.identity(), input)),
  byIds: readProcedure.input(caseIdsInputSchema).query(({ ctx, input }) => listCasesByIds(ctx.runtime.database(), input.ids)),
  /** Cases a live event named, with the queues each is in: unread counters, notifications. */
  arrivals: readProcedure
    .input(caseIdsInputSchema)
    .query(({ ctx, input }) => describeArrivals(ctx.runtime.database(), ctx.runtime.identity(), input.ids)),
  find: readProcedure.input(findCaseInputSchema).query(({ ctx, input }) => findCases(ctx.runtime.database(), input.text, input.limit)),
  detail: readProcedure.input(caseIdInputSchema).query(({ ctx, input }) => getCaseDetail(ctx.runtime.database(), input.id)),
  targetHistory: readProcedure
    .input(targetHistoryInputSchema)
    .query(({ ctx, input }) => readTargetHistory(ctx.runtime.database(), input.userId, input.limit)),
  exportCsv: readProcedure
    .input(caseExportInputSchema)
    .query(({ ctx, input }) => exportCases(ctx.runtime.database(), ctx.runtime.identity(), input)),
  indexes: readProcedure.query(({ ctx }) => moderationIndexStatus(ctx.runtime.database())),
  /** Whether opening a timeout/kick/ban can act on Discord; the form says so when it cannot. */
  discordStatus: readProcedure.query(({ ctx }): DiscordAvailability => {
    const access = discordAccess(ctx.runtime);
    return { configured: access.target !== null, reason: access.reason };
  }),

  resolve: writeProcedure
    .input(resolveCaseInputSchema)
    .mutation(({ ctx, input }) => resolveCase(ctx.runtime.database(), ctx.actor, input, discordAccess(ctx.runtime))),
  bulkResolve: writeProcedure
    .input(bulkResolveInputSchema)
    .mutation(({ ctx, input }) => bulkResolveCases(ctx.runtime.database(), ctx.actor, input, discordAccess(ctx.runtime))),
  reopen: writeProcedure.input(reopenCaseInputSchema).mutation(({ ctx, input }) => reopenCase(ctx.runtime.database(), ctx.actor, input)),
  editReason: writeProcedure
    .input(editCaseReasonInputSchema)
    .mutation(({ ctx, input }) => editCaseReason(ctx.runtime.database(), ctx.actor, input)),
  addNote: writeProcedure.input(addCaseNoteInputSchema).mutation(({ ctx, input }) => addCaseNote(ctx.runtime.database(), ctx.actor, input)),
  claim: writeProcedure.input(claimCaseInputSchema).mutation(({ ctx, input }) => claimCase(ctx.runtime.database(), ctx.actor, input)),
  unclaim: writeProcedure.input(unclaimCaseInputSchema).mutation(({ ctx, input }) => unclaimCase(ctx.runtime.database(), ctx.actor, input)),
  open: writeProcedure
    .input(openCaseInputSchema)
    .mutation(({ ctx, input }) => openCase(ctx.runtime.database(), ctx.actor, input, discordAccess(ctx.runtime))),
});
