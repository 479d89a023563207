/**
 * The item editor's state and what it sends: the typed form, or raw usage_data text for shapes
 * the form cannot hold. Only columns that differ from the row as opened are sent.
 */
import type { z } from 'zod';
import { formatJsonText, issuesFrom, parseJsonText, sameJson, type ContractIssue } from '@shared/domain/authoring';
import {
  checkItemUsage,
  defaultUsage,
  itemDefinitionSchema,
  type ItemDefinition,
  type ItemType,
  type StoredItem,
  type itemUpdateInputSchema,
} from '@shared/domain/items';
// The plain-TypeScript half of authoring (no React), so this form logic also loads in Node tests.
import { jsonColumnEdit, jsonColumnKey } from '../authoring/draft';

export interface ItemFormState {
  name: string;
  description: string;
  rarity: string;
  type: string;
  price: string;
  iconUrl: string;
  imageUrl: string;
  usage: Record<string, unknown>;
  /** Non-null: usage_data is edited as text (a foreign shape, or the game master chose to). */
  usageRaw: string | null;
  allowForeign: boolean;
}

export function blankItemForm(type: ItemType = 'MATERIAL'): ItemFormState {
  return { name: '', description: '', rarity: 'Common', type, price: '', iconUrl: '', imageUrl: '', usage: defaultUsage(type), usageRaw: null, allowForeign: false };
}

export function itemFormFromStored(item: StoredItem): ItemFormState {
  const usage = parseJsonText(item.usageDataJson);
  const typed = usage.ok && usage.value && typeof usage.value === 'object' && !Array.isArray(usage.value) && checkItemUsage(item.type, usage.value).length === 0;
  return {
    // The bot's columns may hold NULL: an empty field, which the contract then asks to fill.
    name: item.name ?? '',
    description: item.description ?? '',
    rarity: item.rarity ?? '',
    type: item.type ?? '',
    price: item.price ?? '',
    iconUrl: item.iconUrl ?? '',
    imageUrl: item.imageUrl ?? '',
    usage: typed ? (usage.value as Record<string, unknown>) : {},
    usageRaw: typed ? null : formatJsonText(item.usageDataJson),
    allowForeign: false,
  };
}

const orNull = (text: string) => (text.trim() === '' ? null : text.trim());

/** The usage the form holds (raw text parsed where it can be). */
export function currentUsage(state: ItemFormState): unknown {
  if (state.usageRaw === null) return state.usage;
  const parsed = parseJsonText(state.usageRaw);
  return parsed.ok ? parsed.value : undefined;
}

export function itemDraft(state: ItemFormState): Record<string, unknown> {
  return {
    name: state.name.trim(),
    description: orNull(state.description),
    rarity: state.rarity,
    type: state.type,
    usageData: currentUsage(state),
    price: orNull(state.price),
    iconUrl: orNull(state.iconUrl),
    imageUrl: orNull(state.imageUrl),
  };
}

/** Inline validation, by the same contract the main process applies. */
export function validateItemForm(state: ItemFormState): { definition: ItemDefinition | null; issues: ContractIssue[]; usageIssues: ContractIssue[] } {
  const usageIssues: ContractIssue[] = [];
  if (state.usageRaw !== null) {
    const parsed = parseJsonText(state.usageRaw);
    if (!parsed.ok) usageIssues.push({ path: 'usageData', message: parsed.message });
    else usageIssues.push(...checkItemUsage(state.type, parsed.value));
  }
  const result = itemDefinitionSchema.safeParse(itemDraft(state));
  return { definition: result.success ? result.data : null, issues: result.success ? [] : issuesFrom(result.error), usageIssues };
}

type ItemChanges = z.input<typeof itemUpdateInputSchema>['changes'];

/**
 * usage_data for "did it change": switching the typed usage to the JSON view, without editing it,
 * is no change (the text says what the form held).
 */
function usageKey(state: ItemFormState, initial: ItemFormState): string {
  if (state.usageRaw !== null && initial.usageRaw === null) {
    const parsed = parseJsonText(state.usageRaw);
    if (parsed.ok && sameJson(parsed.value, initial.usage)) return jsonColumnKey(null, initial.usage);
  }
  return jsonColumnKey(state.usageRaw, state.usage);
}

/** Columns that differ from the row as opened, in the shape items.update takes. */
export function itemChanges(initial: ItemFormState, state: ItemFormState): ItemChanges {
  const draft = itemDraft(state);
  const before = itemDraft(initial);
  const changes: ItemChanges = {};
  if (draft.name !== before.name) changes.name = draft.name as string;
  if (draft.description !== before.description) changes.description = draft.description as string | null;
  if (state.rarity !== initial.rarity) changes.rarity = state.rarity as ItemDefinition['rarity'];
  if (state.type !== initial.type) changes.type = state.type as ItemDefinition['type'];
  if (draft.price !== before.price) changes.price = draft.price as string | null;
  if (draft.iconUrl !== before.iconUrl) changes.iconUrl = draft.iconUrl as string | null;
  if (draft.imageUrl !== before.imageUrl) changes.imageUrl = draft.imageUrl as string | null;
  if (usageKey(state, initial) !== jsonColumnKey(initial.usageRaw, initial.usage) || changes.type !== undefined) {
    changes.usageData = jsonColumnEdit(state.usageRaw, state.allowForeign, state.usage);
  }
  return changes;
}
