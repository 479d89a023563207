/**
 * The item editor seen column by column, for merging a newer version of the item into an open
 * draft: the row as column text, which form parts hold which column, and the fields' names.
 */
import { ITEM_JSON_COLUMNS, itemColumnTexts, type StoredItem } from '@shared/domain/items';
import type { ColumnTexts } from '@shared/domain/row-merge';
import type { ColumnModel } from '../authoring/rebase';
import { itemFormFromStored, type ItemFormState } from './item-form';

export const ITEM_FIELD_LABELS: Record<string, string> = {
  name: 'Name',
  description: 'Description',
  rarity: 'Rarity',
  type: 'Type',
  price: 'Price',
  iconUrl: 'Icon URL',
  imageUrl: 'Image URL',
  usageData: 'Usage',
};

const SCALARS = ['name', 'description', 'rarity', 'type', 'price', 'iconUrl', 'imageUrl'] as const;

function rowWithColumns(row: StoredItem, texts: ColumnTexts): StoredItem {
  const next: Record<string, unknown> = { ...row };
  for (const column of SCALARS) if (column in texts) next[column] = texts[column] ?? (column === 'name' || column === 'rarity' || column === 'type' ? '' : null);
  if ('usageData' in texts) next.usageDataJson = texts.usageData ?? '';
  return next as unknown as StoredItem;
}

function takeColumns(target: ItemFormState, source: ItemFormState, columns: readonly string[]): ItemFormState {
  const next = { ...target };
  for (const column of columns) {
    if ((SCALARS as readonly string[]).includes(column)) Object.assign(next, { [column]: source[column as (typeof SCALARS)[number]] });
    if (column === 'usageData') Object.assign(next, { usage: source.usage, usageRaw: source.usageRaw, allowForeign: source.allowForeign });
  }
  return next;
}

export const itemColumnModel: ColumnModel<StoredItem, ItemFormState> = {
  columnsOf: itemColumnTexts,
  jsonColumns: ITEM_JSON_COLUMNS,
  formFromStored: itemFormFromStored,
  rowWithColumns,
  takeColumns,
};
