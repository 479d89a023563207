/**
 * Two game masters saving the same quest or item: edits to different fields merge without
 * asking (a jsonb column key by key), and only a field both changed is refused, with theirs,
 * mine and the original for each.
 */
import { beforeEach, expect, it } from 'vitest';
import { describeOnBothDrivers } from '../fixtures/databases.js';
import { callerFor, createTestServices } from '../fixtures/services.js';
import { LYRA, ORIN, freshQuestWorld, storedJson, type QuestWorld } from '../fixtures/quest-world.js';
import { rejectionOf } from '../fixtures/rejection.js';

describeOnBothDrivers('merging two edits by field', (current) => {
  let world: QuestWorld;
  const lyra = () => callerFor(createTestServices(current().database, { identity: LYRA }));
  const orin = () => callerFor(createTestServices(current().database, { identity: ORIN }));

  beforeEach(async () => {
    world = await freshQuestWorld(current().database);
  });

  it('keeps the target one game master raised when the other saves only the XP', async () => {
    const opened = await lyra().quests.get({ id: world.chatter });
    const target = opened.definition!.requirements.target;
    await orin().quests.update({
      id: world.chatter,
      version: opened.version,
      changes: { requirements: { kind: 'typed', value: { ...opened.definition!.requirements, target: target + 10 } } },
      originals: { requirements: opened.requirementsJson },
    });
    const saved = await lyra().quests.update({
      id: world.chatter,
      version: opened.version,
      changes: { rewards: { kind: 'typed', value: { ...opened.definition!.rewards, xp: 150 } } },
      originals: { rewards: opened.rewardsJson },
    });
    expect(saved.definition?.requirements.target).toBe(target + 10);
    expect(saved.definition?.rewards.xp).toBe(150);
    const stored = (await storedJson(current().database, 'quests', world.chatter))!;
    expect(JSON.parse(stored.requirements!).target).toBe(target + 10);
    expect(JSON.parse(stored.rewards!).xp).toBe(150);
  });

  it('merges one jsonb column key by key, and refuses only the key both changed', async () => {
    const opened = await lyra().quests.get({ id: world.chatter });
    const rewards = opened.definition!.rewards;
    await orin().quests.update({ id: world.chatter, version: opened.version, changes: { rewards: { kind: 'typed', value: { ...rewards, currency: '900' } } }, originals: { rewards: opened.rewardsJson } });
    const merged = await lyra().quests.update({ id: world.chatter, version: opened.version, changes: { rewards: { kind: 'typed', value: { ...rewards, xp: 120 } } }, originals: { rewards: opened.rewardsJson } });
    expect(merged.definition?.rewards).toMatchObject({ currency: '900', xp: 120 });

    const conflict = await rejectionOf(
      lyra().quests.update({ id: world.chatter, version: opened.version, changes: { rewards: { kind: 'typed', value: { ...rewards, xp: 130 } } }, originals: { rewards: opened.rewardsJson } }),
    );
    expect(conflict.code).toBe('CONFLICT');
    expect(conflict.data.conflict?.fields).toEqual([{ field: 'rewards.xp', original: String(rewards.xp), theirs: '120', mine: '130' }]);
    expect(conflict.message).toContain('rewards.xp');
    expect((await lyra().quests.get({ id: world.chatter })).definition?.rewards.xp).toBe(120);
  });

  it('without the originals, a row changed meanwhile is still refused as before', async () => {
    const opened = await lyra().quests.get({ id: world.chatter });
    await orin().quests.update({ id: world.chatter, version: opened.version, changes: { description: 'Orin was here.' } });
    const conflict = await rejectionOf(lyra().quests.update({ id: world.chatter, version: opened.version, changes: { name: 'Lyra was here' } }));
    expect(conflict.code).toBe('CONFLICT');
    expect(conflict.data.conflict?.fields).toBeUndefined();
  });

  it('merges item edits by column, and refuses the price both changed', async () => {
    const opened = await lyra().items.get({ id: world.moonstone });
    await orin().items.update({ id: world.moonstone, version: opened.version, changes: { price: '30' }, originals: { price: opened.price } });
    const renamed = await lyra().items.update({ id: world.moonstone, version: opened.version, changes: { name: 'Moonstone shard' }, originals: { name: opened.name } });
    expect(renamed).toMatchObject({ name: 'Moonstone shard', price: '30' });
    const conflict = await rejectionOf(lyra().items.update({ id: world.moonstone, version: opened.version, changes: { price: '40' }, originals: { price: opened.price } }));
    expect(conflict.code).toBe('CONFLICT');
    expect(conflict.data.conflict?.fields).toEqual([{ field: 'price', original: '25', theirs: '30', mine: '40' }]);
  });
});
