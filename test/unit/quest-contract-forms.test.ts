/**
 * The editors' form models: a quest or item opened and saved sends only what the game master
 * changed, in the shape the router takes; raw JSON travels as typed; foreign rows open as raw.
 */
import { describe, expect, it } from 'vitest';
import { parseStoredItem } from '../../src/shared/domain/items.js';
import { parseStoredQuest, questUpdateInputSchema } from '../../src/shared/domain/quests.js';
import { itemChanges, itemFormFromStored } from '../../src/renderer/src/features/items/item-form.js';
import { objectivePieces, rewardLines } from '../../src/renderer/src/features/quests/preview-text.js';
import { backToForm, builtRewards, columnText, newRewardRow, questChanges, questFormFromStored, validateQuestForm } from '../../src/renderer/src/features/quests/quest-form.js';

const chatter = parseStoredQuest({
  id: 7,
  name: 'Chatterbox',
  description: null,
  triggerEvent: 'MESSAGE_SENT',
  requirementsJson: '{"target": 10, "filters": {}}',
  rewardsJson: '{"xp": 100, "items": [{"itemId": 3, "quantity": 2}], "currency": "500"}',
  version: 'v1',
});
const foreign = parseStoredQuest({ ...chatter, triggerEvent: 'msg', requirementsJson: '{"count": 5, "channel": 1200000000000000001}', rewardsJson: '{"gold": 5}' });

describe('quest form', () => {
  it('sends nothing for a quest opened and left alone, even when the stored JSON is not how the form writes it', () => {
    const form = questFormFromStored(chatter);
    expect(questChanges(form, { ...form })).toEqual({});
    expect(validateQuestForm(form).definition).not.toBeNull();
  });

  it('sends only the changed parts, typed', () => {
    const initial = questFormFromStored(chatter);
    const edited = { ...initial, name: 'Chatterbox II', items: [...initial.items, newRewardRow(4, 1)] };
    const changes = questChanges(initial, edited);
    expect(changes).toEqual({ name: 'Chatterbox II', rewards: { kind: 'typed', value: { currency: '500', xp: 100, items: [{ itemId: 3, quantity: 2 }, { itemId: 4, quantity: 1 }] } } });
    expect(questUpdateInputSchema.safeParse({ id: 7, version: 'v1', changes }).success).toBe(true);
  });

  it('opens a foreign quest with its JSON as stored, and sends it raw only when edited', () => {
    const initial = questFormFromStored(foreign);
    expect(initial.requirementsRaw).toBe('{\n  "count": 5,\n  "channel": 1200000000000000001\n}');
    expect(columnText(initial, 'rewards')).toBe('{\n  "gold": 5\n}');
    expect(questChanges(initial, { ...initial, name: 'Renamed' })).toEqual({ name: 'Renamed' });
    const raw = { ...initial, rewardsRaw: '{"gold": 6}', allowForeign: { requirements: false, rewards: true } };
    expect(questChanges(initial, raw)).toEqual({ rewards: { kind: 'raw', json: '{"gold": 6}', allowForeign: true } });
    expect(validateQuestForm(raw).rewardsRawIssues.map((i) => i.path)).toEqual(['rewards']);
  });

  it('takes raw JSON that fits the contract back into the form', () => {
    const initial = questFormFromStored(foreign);
    const fixed = backToForm({ ...initial, rewardsRaw: '{"currency": "250", "items": [{"itemId": 9, "quantity": 1}]}' }, 'rewards');
    expect(fixed.rewardsRaw).toBeNull();
    expect(builtRewards(fixed)).toEqual({ currency: '250', items: [{ itemId: 9, quantity: 1 }] });
  });

  it('flags reward rows without an item', () => {
    const form = { ...questFormFromStored(chatter), items: [newRewardRow(null, 1)] };
    expect(validateQuestForm(form).issues).toContainEqual({ path: 'rewards.items.0.itemId', message: 'Pick an item (or remove the row)' });
  });
});

describe('quest preview text', () => {
  it('reads the objective the way players would', () => {
    expect(objectivePieces('MESSAGE_SENT', { target: 25, filters: { channelId: '1200000000000000001' } })).toEqual([
      { kind: 'text', text: 'Send 25 messages' },
      { kind: 'text', text: ' in ' },
      { kind: 'channel', id: '1200000000000000001' },
    ]);
    expect(objectivePieces('LEVEL_UP', { target: 20 })).toEqual([{ kind: 'text', text: 'Reach level 20' }]);
    expect(objectivePieces('ITEM_USED', { target: 3, filters: { itemId: 5 } })).toEqual([{ kind: 'text', text: 'Use 3 × ' }, { kind: 'item', id: 5 }]);
    expect(objectivePieces('RAID_WON', { target: 2 })).toEqual([{ kind: 'text', text: 'RAID_WON × 2' }]);
    expect(rewardLines({ currency: '500', xp: 10, items: [{ itemId: 3, quantity: 2 }] })).toEqual([
      { kind: 'currency', amount: '500' },
      { kind: 'xp', amount: '10' },
      { kind: 'item', amount: '2', itemId: 3 },
    ]);
  });
});

describe('item form', () => {
  const row = {
    id: 3,
    name: 'Moon Key',
    description: null,
    rarity: 'Epic',
    type: 'KEY',
    usageDataJson: '{"opens": "vault", "lootTable": [{"itemId": 1, "weight": 5}]}',
    price: '9223372036854775807',
    iconUrl: null,
    imageUrl: null,
    version: 'v',
  };

  it('sends only changed columns; the price stays a decimal string', () => {
    const initial = itemFormFromStored(parseStoredItem(row));
    expect(itemChanges(initial, { ...initial })).toEqual({});
    expect(itemChanges(initial, { ...initial, price: '1', description: 'Cold.' })).toEqual({ price: '1', description: 'Cold.' });
  });

  it('sends usage with a type change, and foreign usage raw as typed', () => {
    const initial = itemFormFromStored(parseStoredItem(row));
    expect(itemChanges(initial, { ...initial, type: 'MATERIAL', usage: {} })).toEqual({ type: 'MATERIAL', usageData: { kind: 'typed', value: {} } });
    const odd = itemFormFromStored(parseStoredItem({ ...row, usageDataJson: '{"power": 12345678901234567891}' }));
    expect(odd.usageRaw).toBe('{\n  "power": 12345678901234567891\n}');
    expect(itemChanges(odd, { ...odd, name: 'Odd Key' })).toEqual({ name: 'Odd Key' });
  });
});
