/**
 * Quest authoring through the real router: list and filters, create, partial edits that leave
 * foreign shapes untouched, duplicate, delete with the progress it takes, and conflicts.
 */
import { beforeEach, expect, it } from 'vitest';
import { describeOnBothDrivers } from '../fixtures/databases.js';
import { callerFor, createTestServices } from '../fixtures/services.js';
import { EMBER, FOREIGN_REQUIREMENTS, FOREIGN_REWARDS, LYRA, NYX, ORIN, freshQuestWorld, seedProgress, storedJson, type QuestWorld } from '../fixtures/quest-world.js';
import { rejectionOf } from '../fixtures/rejection.js';

describeOnBothDrivers('quest authoring', (current) => {
  let world: QuestWorld;
  const lyra = () => callerFor(createTestServices(current().database, { identity: LYRA }));
  const orin = () => callerFor(createTestServices(current().database, { identity: ORIN }));

  beforeEach(async () => {
    world = await freshQuestWorld(current().database);
  });

  it('lists quests newest first, typed or foreign, with search and filters', async () => {
    const page = await lyra().quests.list({});
    expect(page.total).toBe(2);
    expect(page.quests.map((q) => q.name)).toEqual(['Old timer', 'Chatterbox']);
    const [foreign, chatter] = page.quests;
    expect(chatter!.shape).toBe('valid');
    expect(chatter!.definition?.rewards).toEqual({ currency: '500', xp: 100, items: [{ itemId: world.moonstone, quantity: 2 }] });
    expect(foreign!.shape).toBe('foreign');
    // Kept exactly as PostgreSQL stores it: the 64-bit channel number is not rounded.
    expect(foreign!.requirementsJson).toBe('{"count": 5, "channel": 1200000000000000001}');
    expect(foreign!.issues.length).toBeGreaterThan(0);

    expect((await lyra().quests.list({ search: 'chatter' })).quests.map((q) => q.id)).toEqual([world.chatter]);
    expect((await lyra().quests.list({ search: `#${world.foreign}` })).quests.map((q) => q.id)).toEqual([world.foreign]);
    expect((await lyra().quests.list({ search: '100%' })).total).toBe(0);
    expect((await lyra().quests.list({ triggerEvent: 'msg_sent' })).quests.map((q) => q.id)).toEqual([world.foreign]);
    expect((await lyra().quests.list({ rewardItemId: world.moonstone })).quests.map((q) => q.id)).toEqual([world.chatter]);
    expect((await lyra().quests.list({ rewardItemId: world.sunpetal })).total).toBe(0);
    const first = await lyra().quests.list({ limit: 1 });
    expect(first.nextCursor).toBe(world.foreign);
    const second = await lyra().quests.list({ limit: 1, cursor: first.nextCursor! });
    expect(second.quests.map((q) => q.id)).toEqual([world.chatter]);
    expect(second.nextCursor).toBeNull();
    expect(await lyra().quests.triggersInUse()).toEqual([
      { triggerEvent: 'MESSAGE_SENT', quests: 1 },
      { triggerEvent: 'msg_sent', quests: 1 },
    ]);
  });

  it('lists a row the bot changed as it is now, and an unchanged row as before', async () => {
    const before = (await lyra().quests.list({})).quests.find((q) => q.id === world.chatter)!;
    const again = (await lyra().quests.list({})).quests.find((q) => q.id === world.chatter)!;
    expect(again).toEqual(before);
    // The bot edits the quest behind the desk's back: every column counts, not only the name.
    await current().database.query(`UPDATE quests SET requirements = jsonb_set(requirements, '{target}', '7') WHERE id = $1`, [world.chatter]);
    const changed = (await lyra().quests.list({})).quests.find((q) => q.id === world.chatter)!;
    expect(changed.name).toBe(before.name);
    expect(changed.definition?.requirements.target).toBe(7);
    expect(changed.version).not.toBe(before.version);
    expect(changed).toEqual(await lyra().quests.get({ id: world.chatter }));
    await current().database.query(`UPDATE quests SET requirements = jsonb_set(requirements, '{target}', $2::jsonb) WHERE id = $1`, [
      world.chatter,
      String(before.definition!.requirements.target),
    ]);
    expect((await lyra().quests.list({})).quests.find((q) => q.id === world.chatter)).toEqual(before);
  });

  it('creates a quest stored exactly as the contract says', async () => {
    const created = await lyra().quests.create({
      name: 'Sunpetal harvest',
      description: 'Use sunpetals.',
      triggerEvent: 'ITEM_USED',
      requirements: { target: 3, filters: { itemId: world.sunpetal } },
      rewards: { currency: '9223372036854775807', items: [{ itemId: world.vaultKey, quantity: 1 }] },
    });
    expect(created.shape).toBe('valid');
    expect(await storedJson(current().database, 'quests', created.id)).toEqual({
      trigger_event: 'ITEM_USED',
      requirements: `{"target": 3, "filters": {"itemId": ${world.sunpetal}}}`,
      rewards: `{"items": [{"itemId": ${world.vaultKey}, "quantity": 1}], "currency": "9223372036854775807"}`,
    });
  });

  it('refuses invalid quests with field errors and writes nothing', async () => {
    const before = (await lyra().quests.list({})).total;
    const missing = await rejectionOf(
      lyra().quests.create({ name: 'Ghost', description: null, triggerEvent: 'ITEM_USED', requirements: { target: 1 }, rewards: { items: [{ itemId: 99999, quantity: 1 }] } }),
    );
    expect(missing.code).toBe('BAD_REQUEST');
    expect(missing.data.fieldErrors).toEqual({ 'rewards.items.0.itemId': ['No item #99999 (it may have been deleted)'] });
    const shape = await rejectionOf(
      lyra().quests.create({ name: 'Bad', description: null, triggerEvent: 'DAILY_CLAIMED', requirements: { target: 1, filters: { itemId: world.moonstone } }, rewards: {} }),
    );
    expect(shape.code).toBe('BAD_REQUEST');
    expect(shape.message).toContain('DAILY_CLAIMED does not filter by itemId');
    const wrongTypes = await rejectionOf(lyra().quests.create({ name: '', description: null, triggerEvent: 'x', requirements: { target: -1 }, rewards: { currency: 5 } } as never));
    expect(wrongTypes.code).toBe('BAD_REQUEST');
    expect((await lyra().quests.list({})).total).toBe(before);
  });

  it('saves only the changed fields, leaving a foreign shape byte for byte', async () => {
    const foreign = await lyra().quests.get({ id: world.foreign });
    const renamed = await lyra().quests.update({ id: world.foreign, version: foreign.version, changes: { name: 'Old timer (legacy)' } });
    expect(renamed.name).toBe('Old timer (legacy)');
    expect(renamed.shape).toBe('foreign');
    expect(renamed.version).not.toBe(foreign.version);
    expect(await storedJson(current().database, 'quests', world.foreign)).toEqual({
      trigger_event: 'msg_sent',
      requirements: FOREIGN_REQUIREMENTS,
      rewards: '{"gold": 250, "note": "bot v1 shape"}',
    });
    expect(FOREIGN_REWARDS).toBe('{"gold": 250, "note": "bot v1 shape"}');
  });

  it('refuses raw JSON outside the contract unless the game master says the bot reads it', async () => {
    const foreign = await lyra().quests.get({ id: world.foreign });
    const raw = '{"gold": 300, "channel": 1200000000000000009}';
    const refused = await rejectionOf(lyra().quests.update({ id: world.foreign, version: foreign.version, changes: { rewards: { kind: 'raw', json: raw } } }));
    expect(refused.code).toBe('BAD_REQUEST');
    expect(Object.keys(refused.data.fieldErrors ?? {})).toEqual(['rewards']);
    const notJson = await rejectionOf(lyra().quests.update({ id: world.foreign, version: foreign.version, changes: { rewards: { kind: 'raw', json: '{"gold":' } } }));
    expect(notJson.data.fieldErrors?.rewards?.[0]).toMatch(/^Not valid JSON/);
    const saved = await lyra().quests.update({ id: world.foreign, version: foreign.version, changes: { rewards: { kind: 'raw', json: raw, allowForeign: true } } });
    expect(saved.shape).toBe('foreign');
    expect((await storedJson(current().database, 'quests', world.foreign))?.rewards).toBe('{"gold": 300, "channel": 1200000000000000009}');
    expect((await storedJson(current().database, 'quests', world.foreign))?.requirements).toBe(FOREIGN_REQUIREMENTS);
  });

  it('turns a foreign quest into a contract one when every part is edited', async () => {
    const foreign = await lyra().quests.get({ id: world.foreign });
    const fixed = await lyra().quests.update({
      id: world.foreign,
      version: foreign.version,
      changes: {
        triggerEvent: 'MESSAGE_SENT',
        requirements: { kind: 'typed', value: { target: 5, filters: { channelId: '1200000000000000001' } } },
        rewards: { kind: 'raw', json: '{"currency": "250"}' },
      },
    });
    expect(fixed.shape).toBe('valid');
    expect(fixed.definition?.rewards).toEqual({ currency: '250' });
  });

  it('keeps a valid quest valid: an edit that would break it is refused', async () => {
    const chatter = await lyra().quests.get({ id: world.chatter });
    const refused = await rejectionOf(lyra().quests.update({ id: world.chatter, version: chatter.version, changes: { triggerEvent: 'DAILY_CLAIMED' } }));
    expect(refused.data.fieldErrors).toEqual({ 'requirements.filters.channelId': ['DAILY_CLAIMED does not filter by channelId'] });
    const dangling = await rejectionOf(
      lyra().quests.update({ id: world.chatter, version: chatter.version, changes: { rewards: { kind: 'typed', value: { items: [{ itemId: 424242, quantity: 1 }] } } } }),
    );
    expect(dangling.data.fieldErrors).toEqual({ 'rewards.items.0.itemId': ['No item #424242 (it may have been deleted)'] });
    const self = await rejectionOf(
      lyra().quests.update({ id: world.chatter, version: chatter.version, changes: { triggerEvent: 'QUEST_COMPLETED', requirements: { kind: 'typed', value: { target: 1, filters: { questId: world.chatter } } } } }),
    );
    expect(self.data.fieldErrors).toEqual({ 'requirements.filters.questId': ['A quest cannot wait for itself'] });
    expect((await lyra().quests.get({ id: world.chatter })).version).toBe(chatter.version);
  });

  it('answers CONFLICT naming the other game master, with the current row', async () => {
    const opened = await lyra().quests.get({ id: world.chatter });
    const theirs = await orin().quests.update({ id: world.chatter, version: opened.version, changes: { description: 'Orin was here.' } });
    const conflict = await rejectionOf(lyra().quests.update({ id: world.chatter, version: opened.version, changes: { name: 'Lyra was here' } }));
    expect(conflict.code).toBe('CONFLICT');
    expect(conflict.message).toContain('Game Master Orin');
    expect(conflict.data.conflict?.changedBy).toBe('Game Master Orin');
    expect(conflict.data.conflict?.changedAt).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(conflict.data.conflict?.current).toMatchObject({ id: world.chatter, description: 'Orin was here.', version: theirs.version });
    expect((await lyra().quests.get({ id: world.chatter })).name).toBe('Chatterbox');
  });

  it('says when the row was changed outside Aurora Desk', async () => {
    const opened = await lyra().quests.get({ id: world.chatter });
    await current().database.query(`UPDATE quests SET rewards = '{"xp": 1}' WHERE id = $1`, [world.chatter]);
    const conflict = await rejectionOf(lyra().quests.update({ id: world.chatter, version: opened.version, changes: { name: 'x' } }));
    expect(conflict.code).toBe('CONFLICT');
    expect(conflict.data.conflict?.changedBy).toBe('outside Aurora Desk');
    expect(conflict.message).toContain('outside Aurora Desk');
  });

  it('duplicates a quest, foreign shapes included, as stored', async () => {
    const copy = await lyra().quests.duplicate({ id: world.chatter });
    expect(copy.name).toBe('Chatterbox (copy)');
    expect(copy.id).not.toBe(world.chatter);
    const original = await storedJson(current().database, 'quests', world.chatter);
    expect(await storedJson(current().database, 'quests', copy.id)).toEqual(original);
    await current().database.query(`INSERT INTO quests (name, trigger_event, requirements, rewards) VALUES ('Relic', 'odd', '{"n": 12345678901234567891}', '[]')`);
    const relic = (await lyra().quests.list({ search: 'Relic' })).quests[0]!;
    const relicCopy = await lyra().quests.duplicate({ id: relic.id });
    expect(relicCopy.requirementsJson).toBe('{"n": 12345678901234567891}');
    expect(relicCopy.shape).toBe('foreign');
  });

  it('deletes a quest with its progress rows in one transaction and says how many', async () => {
    const doomed = await lyra().quests.duplicate({ id: world.chatter });
    await seedProgress(current().database.db, doomed.id, [{ userId: NYX, progress: 10, completedDaysAgo: 1 }, { userId: EMBER, progress: 4 }], new Date());
    const preview = await lyra().quests.deletePreview({ id: doomed.id });
    expect(preview).toMatchObject({ playersWithProgress: 2, completed: 1 });
    expect(preview.consequence).toContain('2 players');
    expect(preview.consequence).toContain('user_quests rows are removed');
    const stale = await rejectionOf(lyra().quests.delete({ id: doomed.id, version: 'not-the-version' }));
    expect(stale.code).toBe('CONFLICT');
    const deleted = await lyra().quests.delete({ id: doomed.id, version: doomed.version });
    expect(deleted).toMatchObject({ questId: doomed.id, deletedProgressRows: 2 });
    const { rows } = await current().database.query('SELECT count(*)::int AS n FROM user_quests WHERE quest_id = $1', [doomed.id]);
    expect(rows[0]).toEqual({ n: 0 });
    expect((await rejectionOf(lyra().quests.get({ id: doomed.id }))).code).toBe('NOT_FOUND');
    expect((await rejectionOf(lyra().quests.delete({ id: doomed.id }))).code).toBe('NOT_FOUND');
  });

  it('refuses writes without a staff identity', async () => {
    const anonymous = callerFor(createTestServices(current().database, { identity: null }));
    const refused = await rejectionOf(anonymous.quests.duplicate({ id: world.chatter }));
    expect(refused.code).toBe('PRECONDITION_FAILED');
  });
});
