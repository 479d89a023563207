/** The one router the renderer talks to: small per-area routers merged by name. */
import { auditRouter } from '../features/audit/router.js';
import { systemRouter } from '../features/system/router.js';
import { createCallerFactory, router } from './trpc.js';

export const appRouter = router({
  system: systemRouter,
  audit: auditRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
