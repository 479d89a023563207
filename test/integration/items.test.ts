/** The item catalogue through the real router: list, create, edit, conflicts, guarded delete. */
import { beforeEach, expect, it } from 'vitest';
import * as s from '../../src/main/db/schema.js';
import { describeOnBothDrivers } from '../fixtures/databases.js';
import { callerFor, createTestServices } from '../fixtures/services.js';
import { LYRA, NYX, ORIN, freshQuestWorld, storedJson, type QuestWorld } from '../fixtures/quest-world.js';
import { rejectionOf } from '../fixtures/rejection.js';

const draft = {
  name: 'Stormglass Blade',
  description: 'Hums before a storm.',
  rarity: 'Legendary' as const,
  type: 'EQUIPMENT' as const,
  usageData: { slot: 'weapon', stats: { attack: 40, speed: -2 } },
  price: '9223372036854775807',
  iconUrl: 'https://cdn.example/icons/stormglass.png',
  imageUrl: null,
};

describeOnBothDrivers('item catalogue', (current) => {
  let world: QuestWorld;
  const lyra = () => callerFor(createTestServices(current().database, { identity: LYRA }));
  const orin = () => callerFor(createTestServices(current().database, { identity: ORIN }));

  beforeEach(async () => {
    world = await freshQuestWorld(current().database);
  });

  it('lists by name with search, type and rarity filters; prices stay exact', async () => {
    const page = await lyra().items.list({});
    expect(page.items.map((i) => i.name)).toEqual(['Moonstone', 'Sunpetal', 'Vault Key']);
    expect(page.items.every((i) => i.shape === 'valid')).toBe(true);
    expect(page.items[1]!.price).toBe('9223372036854775807');
    expect((await lyra().items.list({ search: 'moon' })).items.map((i) => i.id)).toEqual([world.moonstone]);
    expect((await lyra().items.list({ type: 'KEY' })).items.map((i) => i.id)).toEqual([world.vaultKey]);
    expect((await lyra().items.list({ rarity: 'Common' })).items.map((i) => i.id)).toEqual([world.sunpetal]);
    const first = await lyra().items.list({ limit: 2 });
    expect(first.nextCursor).toBe('Sunpetal');
    expect((await lyra().items.list({ limit: 2, cursor: first.nextCursor! })).items.map((i) => i.name)).toEqual(['Vault Key']);
    expect((await lyra().items.byIds({ ids: [world.vaultKey, 424242] })).map((i) => i.name)).toEqual(['Vault Key']);
  });

  it('creates an item stored as the contract says', async () => {
    const created = await lyra().items.create(draft);
    expect(created.shape).toBe('valid');
    expect(await storedJson(current().database, 'items', created.id)).toEqual({
      type: 'EQUIPMENT',
      rarity: 'Legendary',
      usage_data: '{"slot": "weapon", "stats": {"speed": -2, "attack": 40}}',
      price: '9223372036854775807',
    });
  });

  it('refuses bad items: duplicate names, http icons, usage that does not fit the type', async () => {
    const duplicate = await rejectionOf(lyra().items.create({ ...draft, name: 'Moonstone' }));
    expect(duplicate.data.fieldErrors?.name?.[0]).toMatch(/already called “Moonstone”/);
    const insecure = await rejectionOf(lyra().items.create({ ...draft, name: 'B', iconUrl: 'http://cdn.example/x.png' }));
    expect(insecure.code).toBe('BAD_REQUEST');
    const script = await rejectionOf(lyra().items.create({ ...draft, name: 'C', imageUrl: 'javascript:alert(1)' }));
    expect(script.code).toBe('BAD_REQUEST');
    const mismatch = await rejectionOf(lyra().items.create({ ...draft, name: 'D', type: 'CONSUMABLE' }));
    expect(Object.keys(mismatch.data.fieldErrors ?? {})).toContain('usageData');
    const loot = await rejectionOf(lyra().items.create({ ...draft, name: 'E', type: 'KEY', usageData: { opens: 'vault', lootTable: [{ itemId: 4242, weight: 1 }] } }));
    expect(loot.data.fieldErrors).toEqual({ 'usageData.lootTable.0.itemId': ['No item #4242'] });
    expect((await lyra().items.list({})).total).toBe(3);
  });

  it('edits only the changed columns and keeps a foreign usage_data as stored', async () => {
    const [relic] = await current().database.db
      .insert(s.items)
      .values({ name: 'Relic', type: 'ARTIFACT', rarity: 'Mythic', usageData: {} })
      .returning({ id: s.items.id });
    await current().database.query(`UPDATE items SET usage_data = '{"power": 12345678901234567891}' WHERE id = $1`, [relic!.id]);
    const stored = await lyra().items.get({ id: relic!.id });
    expect(stored.shape).toBe('foreign');
    expect(stored.issues.map((i) => i.path)).toEqual(expect.arrayContaining(['type', 'rarity']));
    const edited = await lyra().items.update({ id: relic!.id, version: stored.version, changes: { description: 'Found in the vault.' } });
    expect(edited.description).toBe('Found in the vault.');
    expect((await storedJson(current().database, 'items', relic!.id))?.usage_data).toBe('{"power": 12345678901234567891}');
    const typedType = await rejectionOf(lyra().items.update({ id: relic!.id, version: edited.version, changes: { type: 'MATERIAL' } }));
    expect(Object.keys(typedType.data.fieldErrors ?? {})).toContain('usageData');
    const fixed = await lyra().items.update({
      id: relic!.id,
      version: edited.version,
      changes: { type: 'COLLECTIBLE', rarity: 'Epic', usageData: { kind: 'typed', value: { set: 'Vault' } } },
    });
    expect(fixed.shape).toBe('valid');
  });

  it('answers CONFLICT with the other version and who saved it', async () => {
    const opened = await lyra().items.get({ id: world.vaultKey });
    await orin().items.update({ id: world.vaultKey, version: opened.version, changes: { price: '100' } });
    const conflict = await rejectionOf(lyra().items.update({ id: world.vaultKey, version: opened.version, changes: { price: '50' } }));
    expect(conflict.code).toBe('CONFLICT');
    expect(conflict.data.conflict?.changedBy).toBe('Game Master Orin');
    expect(conflict.data.conflict?.current).toMatchObject({ id: world.vaultKey, price: '100' });
  });

  it('refuses to delete an item that anything references, with the counts', async () => {
    const db = current().database.db;
    await db.insert(s.inventory).values({ userId: NYX, itemId: world.moonstone, quantity: 9007199254740993n });
    await db.insert(s.itemTransactions).values({ userId: NYX, itemId: world.moonstone, quantity: 3n, type: 'DROP' });
    const key = await lyra().items.create({ ...draft, name: 'Moon Key', type: 'KEY', usageData: { opens: 'vault', lootTable: [{ itemId: world.moonstone, weight: 5 }] } });
    const refs = await lyra().items.references({ id: world.moonstone });
    expect(refs).toMatchObject({ holders: 1, heldQuantity: 9007199254740993n, quests: 1, itemTransactions: 1, keyLootTables: 1 });
    expect(refs.questExamples.map((q) => q.name)).toEqual(['Chatterbox']);
    const refused = await rejectionOf(lyra().items.delete({ id: world.moonstone }));
    expect(refused.code).toBe('BAD_REQUEST');
    expect(refused.message).toContain('1 inventories hold 9,007,199,254,740,993 × Moonstone');
    expect(refused.message).toContain('1 quests reward or filter on it');
    expect(refused.message).toContain('1 item transactions record it');
    expect((await lyra().items.get({ id: world.moonstone })).name).toBe('Moonstone');
    // A foreign quest shape naming the item counts too.
    await current().database.query(`INSERT INTO quests (name, trigger_event, requirements, rewards) VALUES ('Odd', 'x', '{}', $1::jsonb)`, [JSON.stringify({ loot: { itemId: world.vaultKey } })]);
    expect((await lyra().items.references({ id: world.vaultKey })).quests).toBe(1);
    const deleted = await lyra().items.delete({ id: key.id, version: key.version });
    expect(deleted).toEqual({ itemId: key.id, name: 'Moon Key' });
    expect((await rejectionOf(lyra().items.get({ id: key.id }))).code).toBe('NOT_FOUND');
  });
});
