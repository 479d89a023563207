/** Lootdrop procedures: validate, pick the actor, Discord and the clock, hand over to a service. */
import {
  boardInputSchema,
  burstIdInputSchema,
  cancelLootdropInputSchema,
  channelsInputSchema,
  discordUsersInputSchema,
  historyInputSchema,
  spawnLootdropInputSchema,
  startBurstInputSchema,
  statsInputSchema,
} from '@shared/domain/lootdrops.js';
import { readProcedure, router, writeProcedure } from '../../api/trpc.js';
import { readBoard, readHistory } from './board.js';
import { burstSchedulerFor } from './burst-registry.js';
import { cancelLootdrop } from './cancel.js';
import { describeLootdropSettings, readLootdropConfig } from './config.js';
import { lootdropDiscordStatus, requireLootdropDiscord } from './discord-access.js';
import { listLootdropChannels, lookUpDiscordUsers } from './discord-lookups.js';
import { spawnLootdrop } from './spawn.js';
import { readStats } from './stats.js';

export const lootdropsRouter = router({
  /** Discord status, currencies and the claim button format in force. */
  settings: readProcedure.query(({ ctx }) => describeLootdropSettings(ctx.runtime)),
  channels: readProcedure.input(channelsInputSchema).query(({ ctx, input }) => {
    const scheduler = burstSchedulerFor(ctx.runtime);
    return listLootdropChannels(requireLootdropDiscord(ctx.runtime), input.refresh, scheduler.now());
  }),
  users: readProcedure.input(discordUsersInputSchema).query(({ ctx, input }) => {
    if (!lootdropDiscordStatus(ctx.runtime).configured) return [];
    return lookUpDiscordUsers(requireLootdropDiscord(ctx.runtime), input.ids, burstSchedulerFor(ctx.runtime).now());
  }),
  board: readProcedure.input(boardInputSchema).query(({ ctx, input }) => readBoard(ctx.runtime.database(), input, burstSchedulerFor(ctx.runtime).now())),
  history: readProcedure.input(historyInputSchema).query(({ ctx, input }) => readHistory(ctx.runtime.database(), input, burstSchedulerFor(ctx.runtime).now())),
  stats: readProcedure.input(statsInputSchema).query(({ ctx, input }) => readStats(ctx.runtime.database(), input, burstSchedulerFor(ctx.runtime).now())),

  spawn: writeProcedure.input(spawnLootdropInputSchema).mutation(async ({ ctx, input }) => {
    const discord = requireLootdropDiscord(ctx.runtime);
    const database = ctx.runtime.database();
    const scheduler = burstSchedulerFor(ctx.runtime);
    const result = await spawnLootdrop(database, ctx.actor, input, {
      discord,
      config: await readLootdropConfig(ctx.runtime, database),
      now: () => scheduler.now(),
      log: ctx.runtime.log,
    });
    scheduler.noteDropEnds(result.drop.expiresAt);
    return result;
  }),
  cancel: writeProcedure.input(cancelLootdropInputSchema).mutation(({ ctx, input }) => {
    const scheduler = burstSchedulerFor(ctx.runtime);
    const discord = lootdropDiscordStatus(ctx.runtime).configured ? requireLootdropDiscord(ctx.runtime) : null;
    return cancelLootdrop(ctx.runtime.database(), ctx.actor, input, { discord, now: () => scheduler.now(), log: ctx.runtime.log });
  }),

  bursts: readProcedure.query(({ ctx }) => burstSchedulerFor(ctx.runtime).list()),
  startBurst: writeProcedure.input(startBurstInputSchema).mutation(({ ctx, input }) => burstSchedulerFor(ctx.runtime).start(ctx.actor, input)),
  pauseBurst: writeProcedure.input(burstIdInputSchema).mutation(({ ctx, input }) => burstSchedulerFor(ctx.runtime).pause(ctx.actor, input.id)),
  resumeBurst: writeProcedure.input(burstIdInputSchema).mutation(({ ctx, input }) => burstSchedulerFor(ctx.runtime).resume(ctx.actor, input.id)),
  cancelBurst: writeProcedure
    .input(burstIdInputSchema)
    .mutation(({ ctx, input }) => burstSchedulerFor(ctx.runtime).stopBurst(ctx.actor, input.id, 'cancelled')),
  discardBurst: writeProcedure
    .input(burstIdInputSchema)
    .mutation(({ ctx, input }) => burstSchedulerFor(ctx.runtime).stopBurst(ctx.actor, input.id, 'discarded')),
});
