/**
 * Quest packs between two databases: export, dry run, apply in one transaction, item references
 * matched by name, and nothing written when one entry is invalid or a write fails midway.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it, onTestFinished } from 'vitest';
import * as s from '../../src/main/db/schema.js';
import type { QuestPack } from '../../src/shared/domain/quest-pack.js';
import { createMigratedDatabase, describeOnBothDrivers, emptyBotTables, type ScratchDatabase } from '../fixtures/databases.js';
import { callerFor, createTestServices } from '../fixtures/services.js';
import { LYRA, seedQuestWorld, type QuestWorld } from '../fixtures/quest-world.js';
import { rejectionOf } from '../fixtures/rejection.js';

async function tableCounts(target: ScratchDatabase): Promise<{ items: number; quests: number }> {
  const { rows } = await target.database.query<{ items: number; quests: number }>('SELECT (SELECT count(*)::int FROM items) AS items, (SELECT count(*)::int FROM quests) AS quests');
  return rows[0]!;
}

describeOnBothDrivers('quest packs', (current, driver) => {
  let world: QuestWorld;
  let target: ScratchDatabase;
  let pack: QuestPack;
  const source = () => callerFor(createTestServices(current().database, { identity: LYRA }));
  const dest = () => callerFor(createTestServices(target.database, { identity: LYRA }));

  // The source: the quest world, a key that drops Sunpetal, and a quest that waits for another.
  beforeAll(async () => {
    target = await createMigratedDatabase(driver);
    world = await seedQuestWorld(current().database.db);
    const key = await source().items.create({
      name: 'Tide Key',
      description: null,
      rarity: 'Rare',
      type: 'KEY',
      usageData: { opens: 'raid_chest', lootTable: [{ itemId: world.sunpetal, weight: 3 }] },
      price: null,
      iconUrl: null,
      imageUrl: null,
    });
    await source().quests.create({
      name: 'After the chatter',
      description: 'Finish Chatterbox first.',
      triggerEvent: 'QUEST_COMPLETED',
      requirements: { target: 1, filters: { questId: world.chatter } },
      rewards: { items: [{ itemId: key.id, quantity: 1 }] },
    });
    pack = (await source().quests.exportPack({})).pack;
  });
  afterAll(async () => {
    await target?.drop();
  });

  // The destination, before each test: other items (so its ids differ from the source's), and a
  // Moonstone described differently.
  beforeEach(async () => {
    await emptyBotTables(target.database);
    await target.database.db.insert(s.items).values([
      { name: 'Driftwood', type: 'MATERIAL', usageData: {} },
      { name: 'Ashen Coin', type: 'COLLECTIBLE', usageData: {} },
      { name: 'Moonstone', type: 'MATERIAL', rarity: 'Rare', description: 'An older Moonstone.', usageData: { stackable: true, craftingTier: 3 } },
    ]);
  });

  it('exports the quests, the items they point at and what keys drop; foreign rows are listed as skipped', async () => {
    const exported = await source().quests.exportPack({});
    expect(exported.fileName).toMatch(/^aurora-quest-pack-\d{4}-\d\d-\d\d\.json$/);
    expect(exported.pack).toMatchObject({ format: 'aurora-desk.quest-pack', version: 1, exportedBy: 'Game Master Lyra' });
    expect(exported.pack.items.map((i) => i.name)).toEqual(['Moonstone', 'Sunpetal', 'Tide Key']);
    expect(exported.pack.items[1]!.price).toBe('9223372036854775807');
    expect(exported.pack.items[2]!.usageData).toEqual({ opens: 'raid_chest', lootTable: [{ item: 'Sunpetal', weight: 3 }] });
    expect(exported.pack.quests.map((q) => q.name)).toEqual(['Chatterbox', 'After the chatter']);
    expect(exported.pack.quests[0]!.rewards).toEqual({ currency: '500', xp: 100, items: [{ item: 'Moonstone', quantity: 2 }] });
    expect(exported.pack.quests[1]!.requirements).toEqual({ target: 1, filters: { quest: 'Chatterbox' } });
    expect(exported.skipped).toEqual([{ kind: 'quest', id: world.foreign, name: 'Old timer', reason: expect.stringContaining('foreign shape') }]);
    // It survives a trip through a file.
    expect(JSON.parse(JSON.stringify(exported.pack))).toEqual(exported.pack);
    const catalogue = await source().quests.exportPack({ quests: 'none', items: 'all' });
    expect(catalogue.fileName).toMatch(/^aurora-item-catalogue-/);
    expect(catalogue.pack.quests).toEqual([]);
    expect(catalogue.pack.items.map((i) => i.name)).toEqual(['Moonstone', 'Sunpetal', 'Tide Key', 'Vault Key']);
  });

  it('dry-runs an import: what it would create, update and leave, writing nothing', async () => {
    const before = await tableCounts(target);
    const plan = await dest().quests.previewImport({ text: JSON.stringify(pack) });
    expect(plan.canApply).toBe(true);
    expect(plan.counts).toEqual({ create: 4, update: 1, unchanged: 0, invalid: 0 });
    expect(plan.entries.find((e) => e.name === 'Moonstone')).toMatchObject({ action: 'update', changedFields: ['description', 'iconUrl', 'price'] });
    expect(await tableCounts(target)).toEqual(before);
  });

  it('applies everything in one transaction, matching items by name', async () => {
    const applied = await dest().quests.applyImport({ text: JSON.stringify(pack) });
    expect(applied.created.map((c) => `${c.kind}:${c.name}`)).toEqual(['item:Sunpetal', 'item:Tide Key', 'quest:Chatterbox', 'quest:After the chatter']);
    expect(applied.updated.map((c) => `${c.kind}:${c.name}`)).toEqual(['item:Moonstone']);
    const ids = new Map((await target.database.db.select({ id: s.items.id, name: s.items.name }).from(s.items)).map((r) => [r.name, r.id]));
    const quests = (await dest().quests.list({})).quests;
    const chatter = quests.find((q) => q.name === 'Chatterbox')!;
    const after = quests.find((q) => q.name === 'After the chatter')!;
    expect(chatter.shape).toBe('valid');
    expect(chatter.definition?.rewards.items).toEqual([{ itemId: ids.get('Moonstone'), quantity: 2 }]);
    expect(ids.get('Moonstone')).not.toBe(world.moonstone);
    expect(after.definition?.requirements.filters).toEqual({ questId: chatter.id });
    expect(after.definition?.rewards.items).toEqual([{ itemId: ids.get('Tide Key'), quantity: 1 }]);
    const key = (await dest().items.list({ search: 'Tide' })).items[0]!;
    expect(key.definition?.usageData).toEqual({ opens: 'raid_chest', lootTable: [{ itemId: ids.get('Sunpetal'), weight: 3 }] });
    const again = await dest().quests.previewImport({ text: JSON.stringify(pack) });
    expect(again.counts).toEqual({ create: 0, update: 0, unchanged: 5, invalid: 0 });
  });

  it('refuses the whole pack when one entry is invalid, with reasons per entry', async () => {
    const broken = structuredClone(pack) as unknown as { items: Record<string, unknown>[]; quests: Record<string, unknown>[] };
    broken.items.push({ name: 'Brand New', description: null, rarity: 'Common', type: 'MATERIAL', usageData: {}, price: null, iconUrl: null, imageUrl: null });
    broken.quests.push({ name: 'Impossible', triggerEvent: 'ITEM_USED', requirements: { target: 1, filters: { item: 'Unobtainium' } }, rewards: { currency: 12 } });
    broken.quests.push({ name: 'Chatterbox', triggerEvent: 'MESSAGE_SENT', requirements: { target: 1 }, rewards: {} });
    const before = await tableCounts(target);
    const plan = await dest().quests.previewImport({ text: JSON.stringify(broken) });
    expect(plan.canApply).toBe(false);
    expect(plan.counts.invalid).toBe(2);
    expect(plan.entries.find((e) => e.name === 'Impossible')?.reasons).toEqual([
      'rewards.currency: An amount is a decimal string, e.g. "500"',
    ]);
    expect(plan.entries.find((e) => e.kind === 'quest' && e.index === 3)?.reasons).toEqual(['“Chatterbox” is listed twice in the pack']);
    const refused = await rejectionOf(dest().quests.applyImport({ text: JSON.stringify(broken) }));
    expect(refused.code).toBe('BAD_REQUEST');
    expect(refused.message).toContain('nothing was imported');
    expect(Object.keys(refused.data.fieldErrors ?? {})).toEqual(['quests.2', 'quests.3']);
    expect(await tableCounts(target)).toEqual(before);
    // Fixed types but an unknown item: still invalid, by name.
    broken.quests[2] = { name: 'Impossible', triggerEvent: 'ITEM_USED', requirements: { target: 1, filters: { item: 'Unobtainium' } }, rewards: {} };
    broken.quests.pop();
    const named = await dest().quests.previewImport({ text: JSON.stringify(broken) });
    expect(named.entries.find((e) => e.name === 'Impossible')?.reasons).toEqual(['requirements.filters.item: no item “Unobtainium” in the pack or the database']);
  });

  it('reports files that are not packs', async () => {
    const plan = async (text: string) => (await dest().quests.previewImport({ text })).fileErrors;
    expect((await plan('{"format": '))[0]).toMatch(/^The file is not JSON/);
    expect(await plan(JSON.stringify({ format: 'other', version: 1 }))).toEqual(['format: Not a quest pack: "format" must be "aurora-desk.quest-pack"']);
    expect(await plan(JSON.stringify({ format: 'aurora-desk.quest-pack', version: 7, items: [], quests: [] }))).toEqual([
      'version: This pack was written by a newer Aurora Desk: update the app to import it',
    ]);
    expect(await plan(JSON.stringify({ format: 'aurora-desk.quest-pack', version: 1 }))).toEqual(['The pack holds no items and no quests']);
    expect((await rejectionOf(dest().quests.applyImport({ text: '[]' }))).code).toBe('BAD_REQUEST');
  });

  describe('into a database that already holds it', () => {
    beforeEach(async () => {
      await dest().quests.applyImport({ text: JSON.stringify(pack) });
    });

    it('plans an update with the fields that differ', async () => {
      const edited = structuredClone(pack);
      edited.quests[0]!.rewards = { currency: '750', items: [{ item: 'Sunpetal', quantity: 1 }] };
      const plan = await dest().quests.previewImport({ text: JSON.stringify(edited) });
      expect(plan.entries.find((e) => e.name === 'Chatterbox')).toMatchObject({ action: 'update', changedFields: ['rewards'] });
    });

    it('rolls every write back when one fails midway', async () => {
      // A trigger stands in for anything that fails after the first rows are written.
      await target.database.query(`
        CREATE FUNCTION refuse_boom() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN IF NEW.name = 'Boom' THEN RAISE EXCEPTION 'boom refused'; END IF; RETURN NEW; END $$`);
      await target.database.query('CREATE TRIGGER refuse_boom BEFORE INSERT ON quests FOR EACH ROW EXECUTE FUNCTION refuse_boom()');
      onTestFinished(async () => {
        await target.database.query('DROP TRIGGER IF EXISTS refuse_boom ON quests');
        await target.database.query('DROP FUNCTION IF EXISTS refuse_boom()');
      });
      const risky = structuredClone(pack);
      risky.items.push({ name: 'Early Bird', description: null, rarity: 'Common', type: 'MATERIAL', usageData: {}, price: '1', iconUrl: null, imageUrl: null });
      risky.quests[0]!.description = 'Changed before the failure.';
      risky.quests.push({ name: 'Boom', description: null, triggerEvent: 'LEVEL_UP', requirements: { target: 5 }, rewards: { items: [{ item: 'Early Bird', quantity: 1 }] } });
      const before = await tableCounts(target);
      expect((await dest().quests.previewImport({ text: JSON.stringify(risky) })).canApply).toBe(true);
      const failed = await rejectionOf(dest().quests.applyImport({ text: JSON.stringify(risky) }));
      expect(failed.code).toBe('INTERNAL_SERVER_ERROR');
      expect(await tableCounts(target)).toEqual(before);
      expect((await dest().items.list({ search: 'Early Bird' })).total).toBe(0);
      expect((await dest().quests.list({ search: 'Chatterbox' })).quests[0]?.description).toBe('Say hello in the tavern.');
    });

    it('refuses to guess between quests of the same name', async () => {
      await target.database.db.insert(s.quests).values({ name: 'Chatterbox', triggerEvent: 'MESSAGE_SENT', requirements: { target: 1 }, rewards: {} });
      const plan = await dest().quests.previewImport({ text: JSON.stringify(pack) });
      expect(plan.entries.find((e) => e.name === 'Chatterbox')?.reasons[0]).toMatch(/^2 quests are named “Chatterbox” in this database/);
      expect(plan.entries.find((e) => e.name === 'After the chatter')?.reasons).toEqual([
        'requirements.filters.quest: 2 quests are named “Chatterbox” in the database',
      ]);
      // Export never writes two quests of one name: the second is left out, with why.
      const exported = await dest().quests.exportPack({});
      expect(exported.pack.quests.filter((q) => q.name === 'Chatterbox')).toHaveLength(1);
      expect(exported.skipped).toContainEqual(expect.objectContaining({ kind: 'quest', name: 'Chatterbox', reason: expect.stringContaining('same name') }));
    });
  });
});
