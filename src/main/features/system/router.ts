import { z } from 'zod';
import { noInputSchema } from '@shared/input-bounds.js';
import { readProcedure, router } from '../../api/trpc.js';

export const systemRouter = router({
  /** A trivial round trip: the transport's health check and benchmark. */
  ping: readProcedure.input(z.strictObject({ echo: z.string().max(100).optional() }).optional()).query(({ input }) => ({
    pong: true as const,
    echo: input?.echo ?? null,
    at: new Date(),
  })),
  /** What the status bar shows: connection, live mode, acting identity. */
  status: readProcedure.input(noInputSchema).query(({ ctx }) => ({
    connection: ctx.services.connection(),
    live: ctx.services.live().status(),
    identity: ctx.services.identity(),
    readOnlyReason: ctx.services.readOnlyReason(),
  })),
});
