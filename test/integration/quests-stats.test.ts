/** Quest stats and a game master's hand on player progress, through the real router. */
import { beforeEach, expect, it } from 'vitest';
import { describeOnBothDrivers } from '../fixtures/databases.js';
import { callerFor, createTestServices } from '../fixtures/services.js';
import { EMBER, freshQuestWorld, LYRA, NYX, ROOK, SAGE, seedProgress, type QuestWorld } from '../fixtures/quest-world.js';
import { rejectionOf } from '../fixtures/rejection.js';

const LATEST = new Date('2026-03-10T18:30:00Z');

describeOnBothDrivers('quest stats', (current) => {
  let world: QuestWorld;
  const lyra = () => callerFor(createTestServices(current().database, { identity: LYRA }));

  beforeEach(async () => {
    world = await freshQuestWorld(current().database);
    await seedProgress(
      current().database.db,
      world.chatter,
      [
        { userId: NYX, progress: 10, completedDaysAgo: 0 },
        { userId: EMBER, progress: 10, completedDaysAgo: 2 },
        { userId: SAGE, progress: 3 },
        { userId: ROOK, progress: 8 },
      ],
      LATEST,
    );
  });

  it('counts starts and completions, the rate and the median progress of those still on it', async () => {
    const stats = await lyra().quests.stats({ id: world.chatter, days: 7 });
    expect(stats).toMatchObject({ questId: world.chatter, target: 10, started: 4, completed: 2, inProgress: 2, completionRate: 0.5, medianProgress: 5.5, days: 7 });
  });

  it('gives completions per UTC day, ending on the latest completion, gaps included', async () => {
    const stats = await lyra().quests.stats({ id: world.chatter, days: 7 });
    expect(stats.completionsPerDay).toEqual([
      { day: '2026-03-04', completions: 0 },
      { day: '2026-03-05', completions: 0 },
      { day: '2026-03-06', completions: 0 },
      { day: '2026-03-07', completions: 0 },
      { day: '2026-03-08', completions: 1 },
      { day: '2026-03-09', completions: 0 },
      { day: '2026-03-10', completions: 1 },
    ]);
  });

  it('answers zeros for a quest nobody started, and null target for a foreign quest', async () => {
    const stats = await lyra().quests.stats({ id: world.foreign, days: 3 });
    expect(stats).toMatchObject({ target: null, started: 0, completed: 0, completionRate: 0, medianProgress: null });
    expect(stats.completionsPerDay).toHaveLength(3);
    expect(stats.completionsPerDay.every((d) => d.completions === 0)).toBe(true);
  });

  it('lists the players on the quest, still-on-it first, with exact IDs', async () => {
    const page = await lyra().quests.players({ id: world.chatter });
    expect(page.total).toBe(4);
    expect(page.players.map((p) => [p.userId, p.progress, p.completedAt !== null])).toEqual([
      [ROOK, 8, false],
      [SAGE, 3, false],
      [NYX, 10, true],
      [EMBER, 10, true],
    ]);
    expect(page.players[0]).toMatchObject({ username: 'rook', level: 1 });
    expect((await lyra().quests.players({ id: world.chatter, status: 'completed' })).players.map((p) => p.userId)).toEqual([NYX, EMBER]);
    expect((await lyra().quests.players({ id: world.chatter, status: 'active', limit: 1, offset: 1 })).players.map((p) => p.userId)).toEqual([SAGE]);
    expect((await lyra().quests.players({ id: world.chatter, search: 'ember' })).players.map((p) => p.userId)).toEqual([EMBER]);
    expect((await lyra().quests.players({ id: world.chatter, search: NYX.toString() })).players.map((p) => p.userId)).toEqual([NYX]);
  });

  it("resets a player's progress", async () => {
    const reset = await lyra().quests.resetProgress({ questId: world.chatter, userId: NYX });
    expect(reset).toMatchObject({ userId: NYX, username: 'nyx', progressBefore: 10, progress: 0 });
    expect(reset.completedAtBefore?.toISOString()).toBe('2026-03-10T18:30:00.000Z');
    const { rows } = await current().database.query('SELECT progress, completed_at FROM user_quests WHERE quest_id = $1 AND user_id = $2', [world.chatter, NYX.toString()]);
    expect(rows[0]).toEqual({ progress: 0, completed_at: null });
    expect((await lyra().quests.stats({ id: world.chatter, days: 7 })).completed).toBe(1);
  });

  it('refuses to reset progress the player does not have, changing nothing', async () => {
    const refused = await rejectionOf(lyra().quests.resetProgress({ questId: world.foreign, userId: NYX }));
    expect(refused.code).toBe('NOT_FOUND');
    expect((await lyra().quests.stats({ id: world.chatter, days: 7 })).completed).toBe(2);
  });

  it('assigns the quest to a player, once', async () => {
    const assigned = await lyra().quests.assign({ questId: world.foreign, userId: NYX.toString() as never });
    expect(assigned).toMatchObject({ questId: world.foreign, userId: NYX, progress: 0 });
    const again = await rejectionOf(lyra().quests.assign({ questId: world.foreign, userId: NYX }));
    expect(again.code).toBe('BAD_REQUEST');
    expect(again.message).toContain('nyx already is on it');
    expect((await lyra().quests.stats({ id: world.foreign, days: 1 })).started).toBe(1);
  });

  it('refuses to assign to an unknown player, an unknown quest or an ID that is not a number', async () => {
    expect((await rejectionOf(lyra().quests.assign({ questId: world.foreign, userId: 999999999999999999n }))).code).toBe('NOT_FOUND');
    expect((await rejectionOf(lyra().quests.assign({ questId: 987654, userId: NYX }))).code).toBe('NOT_FOUND');
    const malformed = await rejectionOf(lyra().quests.assign({ questId: world.foreign, userId: 'nyx' as never }));
    expect(malformed.code).toBe('BAD_REQUEST');
    expect(Object.keys(malformed.data.fieldErrors ?? {})).toEqual(['userId']);
    expect((await lyra().quests.stats({ id: world.foreign, days: 1 })).started).toBe(0);
  });
});
