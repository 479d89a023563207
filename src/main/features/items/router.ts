import { z } from 'zod';
import { rowIdSchema } from '@shared/domain/authoring.js';
import {
  itemCreateInputSchema,
  itemDeleteInputSchema,
  itemIdInputSchema,
  itemListInputSchema,
  itemUpdateInputSchema,
} from '@shared/domain/items.js';
import { readProcedure, router, writeProcedure } from '../../api/trpc.js';
import { deleteItem, findItemReferences } from './delete-item.js';
import { getItem, getItemsByIds, listItems } from './list-items.js';
import { createItem, updateItem } from './write-items.js';

export const itemsRouter = router({
  list: readProcedure.input(itemListInputSchema).query(({ ctx, input }) => listItems(ctx.runtime.database().db, input)),
  get: readProcedure.input(itemIdInputSchema).query(({ ctx, input }) => getItem(ctx.runtime.database().db, input.id)),
  /** Names and icons for the items a quest points at. */
  byIds: readProcedure
    .input(z.object({ ids: z.array(rowIdSchema).max(200) }))
    .query(({ ctx, input }) => getItemsByIds(ctx.runtime.database().db, input.ids)),
  /** What still points at an item (asked before offering Delete). */
  references: readProcedure.input(itemIdInputSchema).query(({ ctx, input }) => findItemReferences(ctx.runtime.database().db, input)),
  create: writeProcedure.input(itemCreateInputSchema).mutation(({ ctx, input }) => createItem(ctx.runtime.database().db, ctx.actor, input)),
  update: writeProcedure.input(itemUpdateInputSchema).mutation(({ ctx, input }) => updateItem(ctx.runtime.database().db, ctx.actor, input)),
  delete: writeProcedure.input(itemDeleteInputSchema).mutation(({ ctx, input }) => deleteItem(ctx.runtime.database().db, ctx.actor, input)),
});
