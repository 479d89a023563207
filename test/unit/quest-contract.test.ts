import { describe, expect, it } from 'vitest';
import { canonicalJson, formatJsonText, httpsUrlSchema, positiveAmountSchema } from '../../src/shared/domain/authoring.js';
import { checkItemUsage, itemDefinitionSchema, parseStoredItem, type ItemRow } from '../../src/shared/domain/items.js';
import { packEnvelopeSchema, packItemSchema, packQuestSchema } from '../../src/shared/domain/quest-pack.js';
import {
  QUEST_TRIGGERS,
  parseStoredQuest,
  questDefinitionSchema,
  questRequirementsSchema,
  questRewardsSchema,
  questUpdateInputSchema,
  triggerEventSchema,
  type QuestRow,
} from '../../src/shared/domain/quests.js';

const row = (over: Partial<QuestRow>): QuestRow => ({
  id: 1,
  name: 'Chatterbox',
  description: 'Say hello.',
  triggerEvent: 'MESSAGE_SENT',
  requirementsJson: '{"target": 10}',
  rewardsJson: '{}',
  version: 'v1',
  ...over,
});

const messages = (result: { success: boolean; error?: { issues: { message: string }[] } }) => result.error?.issues.map((i) => i.message) ?? [];

describe('trigger events', () => {
  it('documents the bot events and accepts custom UPPER_SNAKE ones up to 50 characters', () => {
    const events = QUEST_TRIGGERS.map((t) => t.event);
    for (const e of ['MESSAGE_SENT', 'VOICE_MINUTES', 'DAILY_CLAIMED', 'ITEM_USED', 'ITEM_COLLECTED', 'LOOTDROP_CLAIMED', 'QUEST_COMPLETED', 'LEVEL_UP', 'TRADE_COMPLETED', 'SHOP_BUY']) {
      expect(events).toContain(e);
    }
    expect(new Set(events).size).toBe(events.length);
    expect(triggerEventSchema.safeParse('RAID_BOSS_DEFEATED').success).toBe(true);
    expect(triggerEventSchema.safeParse('A'.repeat(50)).success).toBe(true);
    expect(triggerEventSchema.safeParse('A'.repeat(51)).success).toBe(false);
    expect(triggerEventSchema.safeParse('message_sent').success).toBe(false);
    expect(triggerEventSchema.safeParse('MESSAGE SENT').success).toBe(false);
    expect(triggerEventSchema.safeParse('').success).toBe(false);
  });
});

describe('requirements', () => {
  it('takes a target and optional filters', () => {
    expect(questRequirementsSchema.safeParse({ target: 10 }).success).toBe(true);
    expect(questRequirementsSchema.safeParse({ target: 10, filters: {} }).success).toBe(true);
    expect(
      questRequirementsSchema.safeParse({ target: 3, filters: { itemId: 3, channelId: '1200000000000000001', currency: 'GEMS', rarity: 'Epic', itemType: 'KEY', questId: 9 } }).success,
    ).toBe(true);
  });

  it.each([
    [{}, 'Set a target'],
    [{ target: 0 }, 'The target is at least 1'],
    [{ target: 2.5 }, 'The target is a whole number'],
    [{ target: '10' }, 'The target is a whole number'],
    [{ target: 2 ** 31 }, 'The target fits in 32 bits'],
    [{ target: 1, filters: { channelId: Number('1200000000000000001') } }, 'A Discord ID is a string of digits (JSON numbers cannot hold it)'],
    [{ target: 1, filters: { channelId: '12' } }, 'A Discord ID is 15 to 20 digits'],
    [{ target: 1, filters: { rarity: 'Mythic' } }, 'The rarity is one of Common, Uncommon, Rare, Epic, Legendary'],
    [{ target: 1, extra: true }, 'Unrecognized key: "extra"'],
  ])('refuses %j', (value, message) => {
    expect(messages(questRequirementsSchema.safeParse(value))).toContain(message);
  });
});

describe('rewards', () => {
  it('takes currency as a decimal string, xp and items with quantities (the seed shape)', () => {
    const rewards = { currency: '500', xp: 100, items: [{ itemId: 3, quantity: 2 }] };
    expect(questRewardsSchema.parse(rewards)).toEqual(rewards);
    expect(questRewardsSchema.safeParse({}).success).toBe(true);
    expect(questRewardsSchema.safeParse({ currency: '9223372036854775807' }).success).toBe(true);
  });

  it.each([
    [{ currency: 500 }, 'An amount is a decimal string, e.g. "500"'],
    [{ currency: '9223372036854775808' }, 'Too large: at most 9223372036854775807'],
    [{ currency: '-5' }, 'A whole positive number without separators, e.g. "500"'],
    [{ currency: '1,000' }, 'A whole positive number without separators, e.g. "500"'],
    [{ currency: '0' }, 'A whole positive number without separators, e.g. "500"'],
    [{ xp: 0 }, 'XP is at least 1'],
    [{ items: [{ itemId: 3, quantity: 0 }] }, 'At least 1'],
    [{ items: [{ itemId: 3 }] }, 'The quantity is a whole number'],
    [{ items: [{ itemId: 3, quantity: 1 }, { itemId: 3, quantity: 2 }] }, 'This item is already a reward: add to its quantity instead'],
    [{ gold: 5 }, 'Unrecognized key: "gold"'],
  ])('refuses %j', (value, message) => {
    expect(messages(questRewardsSchema.safeParse(value))).toContain(message);
  });
});

describe('quest definitions', () => {
  const quest = { name: 'Hoarder', description: null, triggerEvent: 'ITEM_COLLECTED', requirements: { target: 5, filters: { itemId: 2 } }, rewards: { xp: 10 } };

  it('accepts filters the trigger applies, and any filter on a custom trigger', () => {
    expect(questDefinitionSchema.safeParse(quest).success).toBe(true);
    expect(questDefinitionSchema.safeParse({ ...quest, triggerEvent: 'SHOP_PURCHASE', requirements: { target: 1, filters: { rarity: 'Rare' } } }).success).toBe(true);
  });

  it('refuses a filter the trigger does not apply', () => {
    const result = questDefinitionSchema.safeParse({ ...quest, triggerEvent: 'DAILY_CLAIMED' });
    expect(messages(result)).toEqual(['DAILY_CLAIMED does not filter by itemId']);
    expect(result.error?.issues[0]?.path).toEqual(['requirements', 'filters', 'itemId']);
  });

  it('takes only changed fields in an update, typed or raw', () => {
    const parsed = questUpdateInputSchema.parse({ id: 1, version: 'abc', changes: { rewards: { kind: 'raw', json: '{"gold": 5}' } } });
    expect(parsed.changes).toEqual({ rewards: { kind: 'raw', json: '{"gold": 5}', allowForeign: false } });
    expect(questUpdateInputSchema.safeParse({ id: 1, version: 'abc', changes: { requirements: { kind: 'typed', value: { target: 0 } } } }).success).toBe(false);
  });
});

describe('parseStoredQuest', () => {
  it('classifies a contract row as valid and types it', () => {
    const stored = parseStoredQuest(
      row({ requirementsJson: '{"target": 10, "filters": {"channelId": "1200000000000000001"}}', rewardsJson: '{"xp": 100, "items": [{"itemId": 3, "quantity": 2}], "currency": "500"}' }),
    );
    expect(stored.shape).toBe('valid');
    expect(stored.definition?.rewards).toEqual({ currency: '500', xp: 100, items: [{ itemId: 3, quantity: 2 }] });
    expect(stored.issues).toEqual([]);
  });

  it('keeps a foreign row exactly, with the reasons', () => {
    const foreign = row({ triggerEvent: 'msg', requirementsJson: '{"count": 10, "channel": 1200000000000000001}', rewardsJson: '[1, 2]' });
    const stored = parseStoredQuest(foreign);
    expect(stored.shape).toBe('foreign');
    expect(stored.definition).toBeNull();
    // The text survives as stored: a 64-bit number is not rounded.
    expect(stored.requirementsJson).toBe('{"count": 10, "channel": 1200000000000000001}');
    expect(stored.rewardsJson).toBe('[1, 2]');
    expect(stored.issues.map((i) => i.path)).toEqual(expect.arrayContaining(['triggerEvent', 'requirements', 'requirements.target', 'rewards']));
  });

  it('reports unreadable JSON instead of throwing', () => {
    const stored = parseStoredQuest(row({ rewardsJson: '{"xp": ' }));
    expect(stored.shape).toBe('foreign');
    expect(stored.issues[0]?.path).toBe('rewards');
  });
});

describe('items', () => {
  const item = (over: Partial<ItemRow>): ItemRow => ({
    id: 1,
    name: 'Moonstone',
    description: null,
    rarity: 'Rare',
    type: 'MATERIAL',
    usageDataJson: '{"stackable": true, "maxStack": 999, "craftingTier": 3}',
    price: '25',
    iconUrl: 'https://cdn.example/moonstone.png',
    imageUrl: null,
    version: 'v',
    ...over,
  });

  it('accepts the usage_data of every type as the seed writes it', () => {
    expect(checkItemUsage('MATERIAL', { stackable: true, maxStack: 999, craftingTier: 1 })).toEqual([]);
    expect(checkItemUsage('CONSUMABLE', { consume: true, effects: [{ type: 'XP_BOOST', multiplier: 1.25, durationSeconds: 1800 }] })).toEqual([]);
    expect(checkItemUsage('CONSUMABLE', { consume: true, effects: [{ type: 'ADD_BALANCE', amount: '100' }] })).toEqual([]);
    expect(checkItemUsage('EQUIPMENT', { slot: 'weapon', stats: { attack: 5, defense: 0 } })).toEqual([]);
    expect(checkItemUsage('COLLECTIBLE', { set: 'Starfall', number: 3, tradeable: true })).toEqual([]);
    expect(checkItemUsage('KEY', { opens: 'raid_chest', lootTable: [{ itemId: 2, weight: 10 }] })).toEqual([]);
  });

  it.each([
    ['CONSUMABLE', { effects: [] }, 'A consumable has at least one effect'],
    ['CONSUMABLE', { effects: [{ type: 'XP_BOOST', multiplier: 2 }] }, 'XP_BOOST needs a duration'],
    ['CONSUMABLE', { effects: [{ type: 'ADD_BALANCE', amount: 100 }] }, 'An amount is a decimal string, e.g. "500"'],
    ['EQUIPMENT', { slot: 'belt', stats: {} }, 'The slot is one of weapon, offhand, head, chest, legs, hands, feet, trinket'],
    ['EQUIPMENT', { slot: 'head', stats: { attack: 1.5 } }, 'A stat is a whole number'],
    ['KEY', { opens: 'Vault Door' }, 'What the key opens, in lower_snake_case (e.g. raid_chest)'],
    ['MATERIAL', { glows: true }, 'Unrecognized key: "glows"'],
    ['RELIC', {}, 'Unknown item type RELIC: the bot may not know how to use it'],
  ])('refuses %s usage %j', (type, usage, message) => {
    expect(checkItemUsage(type, usage).map((i) => i.message)).toContain(message);
  });

  it('classifies stored items: valid, or foreign with the reasons', () => {
    expect(parseStoredItem(item({})).shape).toBe('valid');
    const foreign = parseStoredItem(item({ type: 'RELIC', rarity: 'Mythic', iconUrl: 'http://insecure.example/a.png', price: '-1' }));
    expect(foreign.shape).toBe('foreign');
    expect(foreign.issues.map((i) => i.path)).toEqual(expect.arrayContaining(['type', 'rarity', 'iconUrl', 'price']));
    expect(parseStoredItem(item({ usageDataJson: '{"stackable": "yes"}' })).issues[0]?.path).toBe('usageData.stackable');
  });

  it('takes https icon URLs only', () => {
    expect(httpsUrlSchema.safeParse('https://cdn.example/a.png').success).toBe(true);
    for (const bad of ['http://cdn.example/a.png', 'javascript:alert(1)', 'data:image/png;base64,AAAA', 'file:///etc/passwd', 'not a url']) {
      expect(httpsUrlSchema.safeParse(bad).success, bad).toBe(false);
    }
    expect(itemDefinitionSchema.safeParse({ name: 'X', description: null, rarity: 'Common', type: 'MATERIAL', usageData: {}, price: null, iconUrl: 'http://x.example/a.png', imageUrl: null }).success).toBe(false);
  });
});

describe('packs', () => {
  it('names items instead of ids', () => {
    const quest = { name: 'Q', triggerEvent: 'ITEM_USED', requirements: { target: 2, filters: { item: 'Moonstone' } }, rewards: { currency: '5', items: [{ item: 'Sunpetal', quantity: 1 }] } };
    expect(packQuestSchema.parse(quest)).toEqual({ ...quest, description: null });
    expect(messages(packQuestSchema.safeParse({ ...quest, triggerEvent: 'DAILY_CLAIMED' }))).toContain('DAILY_CLAIMED does not filter by item');
    expect(messages(packQuestSchema.safeParse({ ...quest, rewards: { items: [{ itemId: 3, quantity: 1 }] } }))).toContain('Unrecognized key: "itemId"');
    const key = { name: 'Key', description: null, rarity: 'Epic', type: 'KEY', usageData: { opens: 'vault', lootTable: [{ item: 'Moonstone', weight: 3 }] }, price: null, iconUrl: null, imageUrl: null };
    expect(packItemSchema.safeParse(key).success).toBe(true);
    expect(packItemSchema.safeParse({ ...key, usageData: { opens: 'vault', lootTable: [{ itemId: 3, weight: 3 }] } }).success).toBe(false);
  });

  it('refuses other files and newer versions', () => {
    expect(messages(packEnvelopeSchema.safeParse({ format: 'something', version: 1 }))).toContain('Not a quest pack: "format" must be "aurora-desk.quest-pack"');
    expect(messages(packEnvelopeSchema.safeParse({ format: 'aurora-desk.quest-pack', version: 2 }))).toContain(
      'This pack was written by a newer Aurora Desk: update the app to import it',
    );
  });
});

describe('JSON text helpers', () => {
  it('re-indents without touching values', () => {
    expect(formatJsonText('{"a": 12345678901234567890, "b": [], "c": {"d": "x, \\"y\\": z"}}')).toBe(
      '{\n  "a": 12345678901234567890,\n  "b": [],\n  "c": {\n    "d": "x, \\"y\\": z"\n  }\n}',
    );
    expect(formatJsonText('{"broken":')).toBe('{"broken":');
  });

  it('compares JSON regardless of key order', () => {
    expect(canonicalJson({ b: 1, a: [{ y: 2, x: 1 }] })).toBe(canonicalJson({ a: [{ x: 1, y: 2 }], b: 1 }));
    expect(positiveAmountSchema.safeParse('00').success).toBe(false);
  });
});

describe('every reason is reported', () => {
  it('names a trigger/filter mismatch even when another field is wrong too, once', () => {
    const stored = parseStoredQuest(row({ name: '', triggerEvent: 'DAILY_CLAIMED', requirementsJson: '{"target": 1, "filters": {"itemId": 2}}' }));
    expect(stored.issues.map((i) => i.path)).toEqual(['name', 'requirements.filters.itemId']);
    const only = parseStoredQuest(row({ triggerEvent: 'DAILY_CLAIMED', requirementsJson: '{"target": 1, "filters": {"itemId": 2}}' }));
    expect(only.issues).toEqual([{ path: 'requirements.filters.itemId', message: 'DAILY_CLAIMED does not filter by itemId' }]);
  });
});
