/**
 * Every read procedure over the bot's database with every non-key column nullable and rows that
 * hold NULL wherever they can: each answers (no INTERNAL_SERVER_ERROR), and what it answers about
 * the empty values is what the screens promise (blank values, NULLs last, sums that say how many
 * rows had none).
 */
import { beforeAll, expect, it } from 'vitest';
import { describeOnBothDrivers } from '../fixtures/databases.js';
import { NAMELESS_BALANCE_PLAYER, NULL_ACTIVE_CASE, NULL_PLAYER, seedNullableWorld, type NullableWorld } from '../fixtures/nullable-world.js';
import { callerFor, createTestServices } from '../fixtures/services.js';

describeOnBothDrivers('reads over a database where every non-key column may be NULL', (current) => {
  let world: NullableWorld;
  const caller = () => callerFor(createTestServices(current().database));

  /** Runs a read; a failure is recorded with its cause, so one run names every read that breaks. */
  const failures: string[] = [];
  async function answers<T>(name: string, read: () => Promise<T>): Promise<T | undefined> {
    try {
      return await read();
    } catch (error) {
      const cause = (error as { cause?: { stack?: string } }).cause;
      failures.push(`${name}: ${(error as Error).message} ${cause?.stack?.split('\n').slice(0, 3).join(' | ') ?? ''}`);
      return undefined;
    }
  }
  const expectNoFailures = () => expect(failures.splice(0).join('\n')).toBe('');

  beforeAll(async () => {
    world = await seedNullableWorld(current().database);
  });

  it('moderation: queues, counts, search, details and histories', async () => {
    const c = caller();
    for (const queue of ['active', 'recent', 'resolved', 'mine'] as const) await answers(`list ${queue}`, () => c.moderation.list({ queue }));
    await answers('counts', () => c.moderation.counts({ queue: 'recent' }));
    await answers('find', () => c.moderation.find({ text: 'N-' }));
    await answers('byIds', () => c.moderation.byIds({ ids: [BigInt(world.nullCase), BigInt(world.nullActiveCase)] }));
    const nullCase = await answers('detail of the NULL case', () => c.moderation.detail({ id: BigInt(world.nullCase) }));
    const activeNull = await answers('detail of the case with NULL active', () => c.moderation.detail({ id: BigInt(world.nullActiveCase) }));
    await answers('targetHistory', () => c.moderation.targetHistory({ userId: NAMELESS_BALANCE_PLAYER }));
    await answers('exportCsv', () => c.moderation.exportCsv({ queue: 'recent' }));
    expectNoFailures();
    expect(nullCase?.summary.caseId).toBeNull();
    expect(activeNull?.summary.caseId).toBe(NULL_ACTIVE_CASE);
  });

  it('players: search, profile and every tab of the players holding NULL', async () => {
    const c = caller();
    const all = await answers('search', () => c.players.search({ query: '' }));
    const byId = await answers('search by id', () => c.players.search({ query: String(NULL_PLAYER) }));
    const profiles = [];
    const inventories = [];
    for (const playerId of [NULL_PLAYER, NAMELESS_BALANCE_PLAYER]) {
      profiles.push(await answers(`profile ${playerId}`, () => c.players.profile({ playerId })));
      inventories.push(await answers(`inventory ${playerId}`, () => c.players.inventory({ playerId })));
      await answers(`currencyLedger ${playerId}`, () => c.players.currencyLedger({ playerId }));
      await answers(`itemLedger ${playerId}`, () => c.players.itemLedger({ playerId }));
      await answers(`quests ${playerId}`, () => c.players.quests({ playerId }));
      await answers(`timers ${playerId}`, () => c.players.timers({ playerId }));
      await answers(`moderation ${playerId}`, () => c.players.moderation({ playerId }));
    }
    await answers('itemChoices', () => c.players.itemChoices({ query: '' }));
    const classes = await answers('classes', () => c.economy.classes());
    const overview = await answers('overview', () => c.economy.overview({}));
    expectNoFailures();
    expect(all?.players.length).toBeGreaterThan(0);
    expect(byId?.exact[0]).toMatchObject({ id: NULL_PLAYER, username: null, balance: null });
    expect(profiles.map((profile) => profile?.balance)).toEqual([null, null]);
    for (const inventory of inventories) expect(inventory?.some((entry) => entry.quantity === null)).toBe(true);
    // Sums leave NULL out and say how many rows had none; NULL balances are not ranked.
    expect(overview?.circulationUnrecorded).toBe(2);
    expect(overview?.classBanksUnrecorded).toBe(1);
    expect(overview?.topHolders.every((holder) => holder.balance !== null)).toBe(true);
    expect(overview?.itemSupply.find((supply) => supply.itemId === world.nullItem)).toMatchObject({ supply: 0n, holders: 2, unrecorded: 2 });
    expect(classes?.classes.at(-1)).toMatchObject({ name: null, bankBalance: null, members: 1, memberBalance: 0n, memberBalanceUnrecorded: 1 });
  });

  it('quests and items: lists, details, stats and references', async () => {
    const c = caller();
    const quests = await answers('quests.list', () => c.quests.list({}));
    for (const id of [world.nullQuest, world.namedNullQuest]) {
      await answers(`quests.get ${id}`, () => c.quests.get({ id }));
      await answers(`quests.stats ${id}`, () => c.quests.stats({ id }));
      await answers(`quests.players ${id}`, () => c.quests.players({ id }));
      await answers(`quests.deletePreview ${id}`, () => c.quests.deletePreview({ id }));
    }
    await answers('triggersInUse', () => c.quests.triggersInUse());
    await answers('exportPack', () => c.quests.exportPack({}));
    // Everything at once: the nameless quest and item cannot travel, and the export says so.
    const everything = await answers('exportPack all', () => c.quests.exportPack({ quests: 'all', items: 'all' }));
    expect(everything?.skipped).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: 'quest', id: world.nullQuest, reason: 'it has no name, and a pack names its quests' }),
        expect.objectContaining({ kind: 'item', id: world.nullItem, reason: expect.stringContaining('it has no name, and a pack names its items') }),
      ]),
    );
    const items = await answers('items.list', () => c.items.list({}));
    for (const id of [world.nullItem, world.namedNullItem]) {
      await answers(`items.get ${id}`, () => c.items.get({ id }));
      await answers(`items.references ${id}`, () => c.items.references({ id }));
    }
    await answers('items.byIds', () => c.items.byIds({ ids: [world.nullItem, world.namedNullItem] }));
    expectNoFailures();
    expect(quests?.quests.map((quest) => quest.id)).toEqual(expect.arrayContaining([world.nullQuest, world.namedNullQuest]));
    expect(items?.items.map((item) => item.id)).toEqual(expect.arrayContaining([world.nullItem, world.namedNullItem]));
  });

  it('lootdrops: board, history and stats', async () => {
    const c = caller();
    await answers('board', () => c.lootdrops.board({}));
    await answers('history', () => c.lootdrops.history({}));
    await answers('stats', () => c.lootdrops.stats({}));
    const settings = await answers('settings', () => c.lootdrops.settings());
    expectNoFailures();
    // A drop with a NULL currency offers none to pick (a select option must be a string).
    expect(settings?.currencies.every((currency) => typeof currency === 'string')).toBe(true);
  });
});
