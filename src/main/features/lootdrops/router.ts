/** Lootdrop procedures: validate, pick Discord and the clock from the services, hand over to a verb. */
import { noInputSchema } from '@shared/input-bounds.js';
import {
  boardInputSchema,
  burstIdInputSchema,
  cancelLootdropInputSchema,
  channelNamesInputSchema,
  channelsInputSchema,
  discordUsersInputSchema,
  giveUpPostInputSchema,
  historyInputSchema,
  spawnLootdropInputSchema,
  startBurstInputSchema,
  statsInputSchema,
} from '@shared/domain/lootdrops.js';
import { readProcedure, router, writeProcedure } from '../../api/trpc.js';
import { readBoard, readHistory } from './board.js';
import { listBursts, pauseBurst, resumeBurst, startBurst, stopBurst } from './bursts.js';
import { cancelLootdrop } from './cancel.js';
import { describeLootdropSettings, readLootdropConfig } from './config.js';
import { listLootdropChannels, lookUpChannelNames, lookUpDiscordUsers } from './discord-lookups.js';
import { noteDropEnds, notePostUnanswered } from './housekeeping.js';
import { giveUpPost } from './post-drop.js';
import { spawnLootdrop } from './spawn.js';
import { readStats } from './stats.js';
import { knownChannelNames, rememberChannelNames } from './channel-names.js';
import type { DeskServices } from '../../core/services.js';

const rememberFor = (services: DeskServices, guildId: string) => (names: { id: string; name: string }[]) =>
  rememberChannelNames(services.database(), guildId, names, services.log);

export const lootdropsRouter = router({
  /** Discord status, currencies and the claim button format in force. */
  settings: readProcedure.input(noInputSchema).query(({ ctx }) => describeLootdropSettings(ctx.services)),
  channels: readProcedure.input(channelsInputSchema).query(({ ctx, input }) => {
    const discord = ctx.services.discord.require();
    return listLootdropChannels(discord, input.refresh, ctx.services.clock.now(), rememberFor(ctx.services, discord.guildId));
  }),
  /** Names by ID: Discord's answer, or what it said before when it cannot be asked now. */
  channelNames: readProcedure.input(channelNamesInputSchema).query(async ({ ctx, input }) => {
    const discord = ctx.services.discord.target();
    const remembered = () => knownChannelNames(ctx.services.database(), input.ids.map(String));
    if (!discord) return remembered();
    try {
      return await lookUpChannelNames(discord, input.ids, rememberFor(ctx.services, discord.guildId));
    } catch (error) {
      const names = await remembered();
      if (names.length === 0) throw error;
      return names;
    }
  }),
  /** Every channel name Discord has given the desk (the labels of history, stats and bursts). */
  knownChannels: readProcedure.input(noInputSchema).query(({ ctx }) => knownChannelNames(ctx.services.database())),
  users: readProcedure.input(discordUsersInputSchema).query(({ ctx, input }) => {
    const discord = ctx.services.discord.target();
    return discord ? lookUpDiscordUsers(discord, input.ids) : [];
  }),
  board: readProcedure.input(boardInputSchema).query(({ ctx, input }) => readBoard(ctx.services.database(), input, ctx.services.clock.now())),
  history: readProcedure.input(historyInputSchema).query(({ ctx, input }) => readHistory(ctx.services.database(), input, ctx.services.clock.now())),
  stats: readProcedure.input(statsInputSchema).query(({ ctx, input }) => readStats(ctx.services.database(), input, ctx.services.clock.now())),

  spawn: writeProcedure.input(spawnLootdropInputSchema).mutation(async ({ ctx, input }) => {
    const { services } = ctx;
    const discord = services.discord.require();
    const config = await readLootdropConfig(services, ctx.write.database);
    try {
      const result = await spawnLootdrop(ctx.write, input, { discord, config, clock: services.clock, log: services.log, run: services.run });
      noteDropEnds(services, result.drop.expiresAt);
      return result;
    } catch (error) {
      // A post without an answer is checked again shortly (a refusal leaves nothing to check).
      notePostUnanswered(services);
      throw error;
    }
  }),
  /** Gives up on a drop that waits for Discord's rate limit (nothing is sent). */
  giveUpPost: writeProcedure
    .input(giveUpPostInputSchema)
    .mutation(({ ctx, input }) => giveUpPost(ctx.write.database, input.nonce, ctx.services.clock.now())),
  cancel: writeProcedure
    .input(cancelLootdropInputSchema)
    .mutation(({ ctx, input }) =>
      cancelLootdrop(ctx.write, input, { discord: ctx.services.discord.target(), clock: ctx.services.clock, log: ctx.services.log }),
    ),

  bursts: readProcedure.input(noInputSchema).query(({ ctx }) => listBursts(ctx.services)),
  startBurst: writeProcedure.input(startBurstInputSchema).mutation(({ ctx, input }) => startBurst(ctx.services, ctx.write, input)),
  pauseBurst: writeProcedure.input(burstIdInputSchema).mutation(({ ctx, input }) => pauseBurst(ctx.services, ctx.write, input.id)),
  resumeBurst: writeProcedure.input(burstIdInputSchema).mutation(({ ctx, input }) => resumeBurst(ctx.services, ctx.write, input.id)),
  cancelBurst: writeProcedure.input(burstIdInputSchema).mutation(({ ctx, input }) => stopBurst(ctx.services, ctx.write, input.id, 'cancelled')),
  discardBurst: writeProcedure.input(burstIdInputSchema).mutation(({ ctx, input }) => stopBurst(ctx.services, ctx.write, input.id, 'discarded')),
});
