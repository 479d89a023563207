/** Players and economy procedures: validate with the shared schemas, hand over to the services. */
import { noInputSchema } from '@shared/input-bounds.js';
import { economyOverviewSchema } from '@shared/domain/economy.js';
import {
  changeClassSchema,
  clearTimerSchema,
  currencyActionSchema,
  takeCurrencySchema,
  itemActionSchema,
  itemChoiceSearchSchema,
  ledgerPageSchema,
  playerRefSchema,
  playerSearchSchema,
  setActiveSchema,
} from '@shared/domain/players.js';
import { readProcedure, router, writeProcedure, type AppContext } from '../../api/trpc.js';
import { changePlayerClass, clearTimer, setPlayerActive } from './account.js';
import { grantCurrency, takeCurrency } from './currency.js';
import { forgetEconomyFigures, getEconomyOverview, listClassesOverview } from './economy.js';
import { grantItem, listGrantableItems, removeItem } from './inventory.js';
import { listCurrencyLedger, listItemLedger } from './ledger.js';
import { getPlayerProfile, listInventory, listQuestProgress, listTimers, summariseModeration } from './profile.js';
import { describePlayerSearch, searchPlayers } from './search.js';

const database = (ctx: AppContext) => ctx.services.database();

async function movingEconomy<T>(ctx: AppContext, write: Promise<T>): Promise<T> {
  const result = await write;
  forgetEconomyFigures(database(ctx));
  return result;
}

export const playersRouter = router({
  search: readProcedure.input(playerSearchSchema).query(({ ctx, input }) => searchPlayers(database(ctx), input)),
  searchStatus: readProcedure.input(noInputSchema).query(({ ctx }) => describePlayerSearch(database(ctx))),
  profile: readProcedure.input(playerRefSchema).query(({ ctx, input }) => getPlayerProfile(database(ctx), input.playerId)),
  inventory: readProcedure.input(playerRefSchema).query(({ ctx, input }) => listInventory(database(ctx), input.playerId)),
  currencyLedger: readProcedure.input(ledgerPageSchema).query(({ ctx, input }) => listCurrencyLedger(database(ctx), input)),
  itemLedger: readProcedure.input(ledgerPageSchema).query(({ ctx, input }) => listItemLedger(database(ctx), input)),
  quests: readProcedure.input(playerRefSchema).query(({ ctx, input }) => listQuestProgress(database(ctx), input.playerId)),
  timers: readProcedure.input(playerRefSchema).query(({ ctx, input }) => listTimers(database(ctx), input.playerId)),
  moderation: readProcedure.input(playerRefSchema).query(({ ctx, input }) => summariseModeration(database(ctx), input.playerId)),
  itemChoices: readProcedure.input(itemChoiceSearchSchema).query(({ ctx, input }) => listGrantableItems(database(ctx), input)),

  // Writes that move coins, items or active players: the economy's reused whole-table figures
  // would now be wrong for up to their 15 s, so the next overview sums afresh.
  grantCurrency: writeProcedure.input(currencyActionSchema).mutation(({ ctx, input }) => movingEconomy(ctx, grantCurrency(ctx.write, input))),
  takeCurrency: writeProcedure.input(takeCurrencySchema).mutation(({ ctx, input }) => movingEconomy(ctx, takeCurrency(ctx.write, input))),
  grantItem: writeProcedure.input(itemActionSchema).mutation(({ ctx, input }) => movingEconomy(ctx, grantItem(ctx.write, input))),
  removeItem: writeProcedure.input(itemActionSchema).mutation(({ ctx, input }) => movingEconomy(ctx, removeItem(ctx.write, input))),
  clearTimer: writeProcedure.input(clearTimerSchema).mutation(({ ctx, input }) => clearTimer(ctx.write, input)),
  setActive: writeProcedure.input(setActiveSchema).mutation(({ ctx, input }) => movingEconomy(ctx, setPlayerActive(ctx.write, input))),
  changeClass: writeProcedure.input(changeClassSchema).mutation(({ ctx, input }) => changePlayerClass(ctx.write, input)),
});

export const economyRouter = router({
  overview: readProcedure.input(economyOverviewSchema).query(({ ctx, input }) => getEconomyOverview(database(ctx), input)),
  classes: readProcedure.input(noInputSchema).query(({ ctx }) => listClassesOverview(database(ctx))),
});
