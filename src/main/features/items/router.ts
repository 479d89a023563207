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
  list: readProcedure.input(itemListInputSchema).query(({ ctx, input }) => listItems(ctx.services.database(), input)),
  get: readProcedure.input(itemIdInputSchema).query(({ ctx, input }) => getItem(ctx.services.database(), input.id)),
  /** Names and icons for the items a quest points at. */
  byIds: readProcedure
    .input(z.strictObject({ ids: z.array(rowIdSchema).max(200) }))
    .query(({ ctx, input }) => getItemsByIds(ctx.services.database(), input.ids)),
  /** What still points at an item (asked before offering Delete). */
  references: readProcedure.input(itemIdInputSchema).query(({ ctx, input }) => findItemReferences(ctx.services.database().db, input)),
  create: writeProcedure.input(itemCreateInputSchema).mutation(({ ctx, input }) => createItem(ctx.write, input)),
  update: writeProcedure.input(itemUpdateInputSchema).mutation(({ ctx, input }) => updateItem(ctx.write, input)),
  delete: writeProcedure.input(itemDeleteInputSchema).mutation(({ ctx, input }) => deleteItem(ctx.write, input)),
});
