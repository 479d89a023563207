/**
 * The quest editor seen column by column, for merging a newer version of the quest into an open
 * draft: the row as column text, which form parts hold which column, and the fields' names.
 */
import { QUEST_JSON_COLUMNS, questColumnTexts, type StoredQuest } from '@shared/domain/quests';
import type { ColumnTexts } from '@shared/domain/row-merge';
import type { ColumnModel } from '../authoring/rebase';
import { questFormFromStored, type QuestFormState } from './quest-form';

export const QUEST_FIELD_LABELS: Record<string, string> = {
  name: 'Name',
  description: 'Description',
  triggerEvent: 'Trigger',
  requirements: 'Requirements',
  'requirements.target': 'Target',
  'requirements.filters': 'Filters',
  'requirements.filters.itemId': 'Only this item',
  'requirements.filters.itemType': 'Only items of type',
  'requirements.filters.rarity': 'Only items of rarity',
  'requirements.filters.channelId': 'Only in channel',
  'requirements.filters.currency': 'Only lootdrops paying',
  'requirements.filters.questId': 'Only this quest',
  rewards: 'Rewards',
  'rewards.xp': 'XP',
  'rewards.currency': 'Currency',
  'rewards.items': 'Item rewards',
};

function rowWithColumns(row: StoredQuest, texts: ColumnTexts): StoredQuest {
  const next = { ...row };
  if ('name' in texts) next.name = texts.name ?? '';
  if ('description' in texts) next.description = texts.description ?? null;
  if ('triggerEvent' in texts) next.triggerEvent = texts.triggerEvent ?? '';
  if ('requirements' in texts) next.requirementsJson = texts.requirements ?? '';
  if ('rewards' in texts) next.rewardsJson = texts.rewards ?? '';
  return next;
}

function takeColumns(target: QuestFormState, source: QuestFormState, columns: readonly string[]): QuestFormState {
  const next = { ...target, allowForeign: { ...target.allowForeign } };
  for (const column of columns) {
    if (column === 'name') next.name = source.name;
    if (column === 'description') next.description = source.description;
    if (column === 'triggerEvent') next.triggerEvent = source.triggerEvent;
    if (column === 'requirements') {
      Object.assign(next, { target: source.target, filters: source.filters, requirementsRaw: source.requirementsRaw });
      next.allowForeign.requirements = source.allowForeign.requirements;
    }
    if (column === 'rewards') {
      Object.assign(next, { currency: source.currency, xp: source.xp, items: source.items, rewardsRaw: source.rewardsRaw });
      next.allowForeign.rewards = source.allowForeign.rewards;
    }
  }
  return next;
}

export const questColumnModel: ColumnModel<StoredQuest, QuestFormState> = {
  columnsOf: questColumnTexts,
  jsonColumns: QUEST_JSON_COLUMNS,
  formFromStored: questFormFromStored,
  rowWithColumns,
  takeColumns,
};
