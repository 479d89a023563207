/**
 * Quests that wait for another (QUEST_COMPLETED with its id): deleting the awaited quest names
 * them in its confirmation, and a quest id that does not exist is refused like a missing item.
 */
import { beforeEach, expect, it } from 'vitest';
import { describeOnBothDrivers } from '../fixtures/databases.js';
import { callerFor, createTestServices } from '../fixtures/services.js';
import { LYRA, freshQuestWorld, type QuestWorld } from '../fixtures/quest-world.js';
import { rejectionOf } from '../fixtures/rejection.js';

describeOnBothDrivers('quest links', (current) => {
  let world: QuestWorld;
  const lyra = () => callerFor(createTestServices(current().database, { identity: LYRA }));
  const waiting = (name: string, questId: number) => ({ name, description: null, triggerEvent: 'QUEST_COMPLETED', requirements: { target: 1, filters: { questId } }, rewards: { xp: 10 } });

  beforeEach(async () => {
    world = await freshQuestWorld(current().database);
  });

  it('names the quests that wait for a quest in its delete confirmation', async () => {
    const next = await lyra().quests.create(waiting('Chatterbox, part two', world.chatter));
    const preview = await lyra().quests.deletePreview({ id: world.chatter });
    expect(preview.waitingQuests).toEqual([{ id: next.id, name: 'Chatterbox, part two' }]);
    expect((await lyra().quests.deletePreview({ id: next.id })).waitingQuests).toEqual([]);
  });

  it('refuses a quest id that does not exist, as it refuses a missing item', async () => {
    const refused = await rejectionOf(lyra().quests.create(waiting('Waiting for nothing', 424242)));
    expect(refused.code).toBe('BAD_REQUEST');
    expect(refused.data.fieldErrors?.['requirements.filters.questId']).toEqual(['No quest #424242 (it may have been deleted)']);
  });
});
