/**
 * What the quest and item forms told game masters wrongly: custom triggers with custom filters,
 * JSON syntax errors, stat names, effects switched to another type, the JSON view of an
 * unchanged item, and the field-by-field merge of two edits.
 */
import { describe, expect, it } from 'vitest';
import { equipmentUsageSchema, parseStoredItem, switchEffectType } from '../../src/shared/domain/items.js';
import { parseStoredQuest, questDefinitionSchema } from '../../src/shared/domain/quests.js';
import { changedFields, mergeColumns } from '../../src/shared/domain/row-merge.js';
import { itemChanges, itemFormFromStored } from '../../src/renderer/src/features/items/item-form.js';
import { blankQuestForm, questFormFromStored, validateQuestForm } from '../../src/renderer/src/features/quests/quest-form.js';

const quest = (triggerEvent: string, filters: Record<string, unknown>) => ({ name: 'Angler', description: null, triggerEvent, requirements: { target: 10, filters }, rewards: { xp: 5 } });

describe('quest contract and form', () => {
  it('lets a custom trigger carry a custom filter, and refuses it on a catalogued trigger', () => {
    expect(questDefinitionSchema.safeParse(quest('FISH_CAUGHT', { zone: 'lake' })).success).toBe(true);
    const refused = questDefinitionSchema.safeParse(quest('MESSAGE_SENT', { zone: 'lake' }));
    expect(refused.success).toBe(false);
    expect(refused.error?.issues[0]?.message).toBe('MESSAGE_SENT does not filter by zone (it filters by channelId)');
    // Stored, it is a valid quest (not "written by the bot"), and the form edits it as JSON.
    const stored = parseStoredQuest({ id: 1, name: 'Angler', description: null, triggerEvent: 'FISH_CAUGHT', requirementsJson: '{"target": 10, "filters": {"zone": "lake"}}', rewardsJson: '{"xp": 5}', version: 'v' });
    expect(stored.shape).toBe('valid');
    expect(questFormFromStored(stored).requirementsRaw).toContain('"zone": "lake"');
  });

  it('titles a JSON syntax error as such, not as a shape the contract does not know', () => {
    const form = { ...blankQuestForm(), name: 'Broken', requirementsRaw: '{"target": ' };
    const validation = validateQuestForm(form);
    expect(validation.definition).toBeNull();
    expect(validation.issues).toEqual([{ path: 'requirements', message: expect.stringMatching(/^Not valid JSON/) }]);
  });
});

describe('item contract and form', () => {
  it('names a bad stat and why, instead of "Invalid key in record"', () => {
    const result = equipmentUsageSchema.safeParse({ slot: 'head', stats: { 'Bad Name': 3 } });
    expect(result.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([['stats.Bad Name', '“Bad Name” is not a stat name: lowerCamelCase letters and digits, e.g. attack']]);
  });

  it('drops a boost’s multiplier and duration when the effect becomes a grant', () => {
    expect(switchEffectType({ type: 'XP_BOOST', multiplier: 1.5, durationSeconds: 1800 }, 'ADD_BALANCE')).toEqual({ type: 'ADD_BALANCE' });
    expect(switchEffectType({ type: 'ADD_BALANCE', amount: '5' }, 'MYSTERY')).toEqual({ type: 'MYSTERY', amount: '5' });
  });

  it('does not mark an item unsaved for switching its usage to the JSON view', () => {
    const item = parseStoredItem({ id: 2, name: 'Tonic', description: null, rarity: 'Common', type: 'CONSUMABLE', usageDataJson: '{"effects": [{"type": "ADD_XP", "amount": "5"}]}', price: null, iconUrl: null, imageUrl: null, version: 'v' });
    const form = itemFormFromStored(item);
    expect(itemChanges(form, { ...form, usageRaw: JSON.stringify(form.usage, null, 2) })).toEqual({});
    expect(Object.keys(itemChanges(form, { ...form, usageRaw: '{"effects": []}' }))).toEqual(['usageData']);
  });
});

describe('merging two edits by field', () => {
  const jsonColumns = ['rewards'];
  it('takes each side’s keys and asks only for a key both changed', () => {
    const original = { rewards: '{"xp": 100, "currency": "500"}' };
    const theirs = { name: 'Q', rewards: '{"xp": 100, "currency": "900"}' };
    expect(mergeColumns({ original, theirs, mine: { rewards: '{"xp":150,"currency":"500"}' }, jsonColumns })).toEqual({ merged: { rewards: '{"xp":150,"currency":"900"}' }, conflicts: [] });
    expect(mergeColumns({ original, theirs, mine: { rewards: '{"xp":100,"currency":"700"}' }, jsonColumns }).conflicts).toEqual([{ field: 'rewards.currency', original: '"500"', theirs: '"900"', mine: '"700"' }]);
    expect(mergeColumns({ original, theirs, mine: { rewards: '{"xp":100,"currency":"700"}' }, jsonColumns, choices: { 'rewards.currency': 'original' } }).merged).toEqual({ rewards: '{"xp":100,"currency":"500"}' });
    expect(changedFields(original, { rewards: theirs.rewards }, jsonColumns)).toEqual(['rewards.currency']);
  });

  it('never re-prints a column holding a number past double precision: the whole column is the field', () => {
    const original = { rewards: '{"gold": 1200000000000000001, "xp": 1}' };
    const theirs = { rewards: '{"gold": 1200000000000000001, "xp": 2}' };
    const result = mergeColumns({ original, theirs, mine: { rewards: '{"gold": 1200000000000000001, "xp": 1, "gems": 3}' }, jsonColumns });
    expect(result.conflicts.map((c) => c.field)).toEqual(['rewards']);
  });
});
