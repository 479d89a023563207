/** Moderation procedures: validate, hand the change (or the database) and Discord to a verb. */
import { noInputSchema } from '@shared/input-bounds.js';
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
  findMembersInputSchema,
  openCaseInputSchema,
  reopenCaseInputSchema,
  resolveCaseInputSchema,
  retryDiscordInputSchema,
  targetHistoryInputSchema,
  unclaimCaseInputSchema,
} from '@shared/domain/moderation.js';
import { readProcedure, router, writeProcedure } from '../../api/trpc.js';
import { getCaseDetail, readTargetHistory } from './detail.js';
import { exportCases } from './export.js';
import { findMembers } from './find-members.js';
import { openCase } from './open-case.js';
import { countCases, describeArrivals, findCases, listCases, listCasesByIds, moderationIndexStatus } from './queues.js';
import { bulkResolveCases, resolveCase } from './resolve.js';
import { retryCaseDiscord } from './retry-discord.js';
import { addCaseNote, claimCase, editCaseReason, reopenCase, unclaimCase } from './triage.js';

export const moderationRouter = router({
  list: readProcedure
    .input(caseListInputSchema)
    .query(({ ctx, input }) => listCases(ctx.services.database(), ctx.services.identity(), input)),
  counts: readProcedure
    .input(caseCountsInputSchema)
    .query(({ ctx, input }) => countCases(ctx.services.database(), ctx.services.identity(), input)),
  byIds: readProcedure.input(caseIdsInputSchema).query(({ ctx, input }) => listCasesByIds(ctx.services.database(), input.ids)),
  /** Cases a live event named, with the queues each is in: unread counters, notifications. */
  arrivals: readProcedure
    .input(caseIdsInputSchema)
    .query(({ ctx, input }) => describeArrivals(ctx.services.database(), ctx.services.identity(), input.ids)),
  find: readProcedure.input(findCaseInputSchema).query(({ ctx, input }) => findCases(ctx.services.database(), input.text, input.limit)),
  /** The open-case form's member lookup, by name or the start of a Discord ID. */
  findMembers: readProcedure.input(findMembersInputSchema).query(({ ctx, input }) => findMembers(ctx.services.database(), input.text, input.limit)),
  detail: readProcedure.input(caseIdInputSchema).query(({ ctx, input }) => getCaseDetail(ctx.services.database(), input.id)),
  targetHistory: readProcedure
    .input(targetHistoryInputSchema)
    .query(({ ctx, input }) => readTargetHistory(ctx.services.database(), input.userId, input.limit)),
  exportCsv: readProcedure
    .input(caseExportInputSchema)
    .query(({ ctx, input }) => exportCases(ctx.services.database(), ctx.services.identity(), input)),
  indexes: readProcedure.input(noInputSchema).query(({ ctx }) => moderationIndexStatus(ctx.services.database())),
  /** Whether opening a timeout/kick/ban can act on Discord; the form says so when it cannot. */
  discordStatus: readProcedure.input(noInputSchema).query(({ ctx }) => ctx.services.discord.status()),

  resolve: writeProcedure
    .input(resolveCaseInputSchema)
    .mutation(({ ctx, input }) => resolveCase(ctx.write, input, ctx.services)),
  bulkResolve: writeProcedure
    .input(bulkResolveInputSchema)
    .mutation(({ ctx, input }) => bulkResolveCases(ctx.write, input, ctx.services)),
  reopen: writeProcedure.input(reopenCaseInputSchema).mutation(({ ctx, input }) => reopenCase(ctx.write, input)),
  editReason: writeProcedure
    .input(editCaseReasonInputSchema)
    .mutation(({ ctx, input }) => editCaseReason(ctx.write, input)),
  addNote: writeProcedure.input(addCaseNoteInputSchema).mutation(({ ctx, input }) => addCaseNote(ctx.write, input)),
  claim: writeProcedure.input(claimCaseInputSchema).mutation(({ ctx, input }) => claimCase(ctx.write, input)),
  unclaim: writeProcedure.input(unclaimCaseInputSchema).mutation(({ ctx, input }) => unclaimCase(ctx.write, input)),
  open: writeProcedure
    .input(openCaseInputSchema)
    .mutation(({ ctx, input }) => openCase(ctx.write, input, ctx.services)),
  /** Ask Discord again for an action whose outcome is unknown. */
  retryDiscord: writeProcedure
    .input(retryDiscordInputSchema)
    .mutation(({ ctx, input }) => retryCaseDiscord(ctx.write, input, ctx.services)),
});
