import { z } from 'zod';
import { readProcedure, router } from '../../api/trpc.js';

export const systemRouter = router({
  /** A trivial round trip: the transport's health check and benchmark. */
  ping: readProcedure.input(z.object({ echo: z.string().max(100).optional() }).optional()).query(({ input }) => ({
    pong: true as const,
    echo: input?.echo ?? null,
    at: new Date(),
  })),
  /** What the status bar shows: connection, live mode, acting identity. */
  status: readProcedure.query(({ ctx }) => ({
    connection: ctx.services.connection(),
    live: ctx.services.live().status(),
    identity: ctx.services.identity(),
    readOnlyReason: ctx.services.readOnlyReason(),
  })),
});
