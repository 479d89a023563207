import { readProcedure, router } from '../api/trpc.js';
import { noInputSchema } from '@shared/input-bounds.js';

export const liveRouter = router({
  /**
   * Database changes as they happen: starts with the current status, then change, resync and
   * status events. Ends when the renderer unsubscribes (tRPC aborts the signal).
   */
  changes: readProcedure.input(noInputSchema).subscription(async function* ({ ctx, signal }) {
    yield* ctx.services.live().events(signal);
  }),
  /** Live, polling or offline, and why: for the status bar's first paint. */
  status: readProcedure.input(noInputSchema).query(({ ctx }) => ctx.services.live().status()),
});
