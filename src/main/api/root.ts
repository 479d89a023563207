/** The one router the renderer talks to: small per-area routers merged by name. */
import { auditRouter } from '../features/audit/router.js';
import { liveRouter } from '../live/router.js';
import { lootdropsRouter } from '../features/lootdrops/router.js';
import { moderationRouter } from '../features/moderation/router.js';
import { economyRouter, playersRouter } from '../features/players/router.js';
import { itemsRouter } from '../features/items/router.js';
import { questsRouter } from '../features/quests/router.js';
import { settingsRouter } from '../features/settings/router.js';
import { systemRouter } from '../features/system/router.js';
import { createCallerFactory, router } from './trpc.js';

export const appRouter = router({
  system: systemRouter,
  audit: auditRouter,
  settings: settingsRouter,
  live: liveRouter,
  players: playersRouter,
  economy: economyRouter,
  moderation: moderationRouter,
  quests: questsRouter,
  items: itemsRouter,
  lootdrops: lootdropsRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
