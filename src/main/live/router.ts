import { readProcedure, router } from '../api/trpc.js';

export const liveRouter = router({
  /**
   * Database changes as they happen: starts with the current status, then change, resync and
   * status events. Ends when the renderer unsubscribes (tRPC aborts the signal).
   */
  changes: readProcedure.subscription(async function* ({ ctx, signal }) {
    yield* ctx.services.live().events(signal);
  }),
  /** Live, polling or offline, and why: for the status bar's first paint. */
  status: readProcedure.query(({ ctx }) => ctx.services.live().status()),
});
