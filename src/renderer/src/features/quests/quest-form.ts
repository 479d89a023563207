/**
 * The quest editor's state and what it sends. Requirements and rewards are edited with the form
 * or, for shapes the form cannot hold (or when the game master prefers), as raw JSON text.
 * Only the parts that differ from the quest as opened are sent.
 */
import type { z } from 'zod';
import { formatJsonText, issuesFrom, parseJsonText, type ContractIssue } from '@shared/domain/authoring';
import {
  customFilterKeys,
  questDefinitionSchema,
  questRequirementsSchema,
  questRewardsSchema,
  type QuestDefinition,
  type QuestRequirements,
  type QuestRewards,
  type StoredQuest,
  type questUpdateInputSchema,
} from '@shared/domain/quests';
// The plain-TypeScript half of authoring (no React), so this form logic also loads in Node tests.
import { jsonColumnEdit, jsonColumnKey } from '../authoring/draft';

export interface RewardRow {
  key: string;
  itemId: number | null;
  quantity: number | '';
}

export interface FilterState {
  itemId: number | null;
  itemType: string | null;
  rarity: string | null;
  channelId: string;
  currency: string;
  questId: number | null;
}

export interface QuestFormState {
  name: string;
  description: string;
  triggerEvent: string;
  target: number | '';
  filters: FilterState;
  currency: string;
  xp: number | '';
  items: RewardRow[];
  /** Non-null: that column is edited as text. */
  requirementsRaw: string | null;
  rewardsRaw: string | null;
  allowForeign: { requirements: boolean; rewards: boolean };
}

let rowKey = 0;
export const newRewardRow = (itemId: number | null = null, quantity: number | '' = 1): RewardRow => ({ key: `r${++rowKey}`, itemId, quantity });

const noFilters: FilterState = { itemId: null, itemType: null, rarity: null, channelId: '', currency: '', questId: null };

export function blankQuestForm(): QuestFormState {
  return {
    name: '',
    description: '',
    triggerEvent: 'MESSAGE_SENT',
    target: 10,
    filters: noFilters,
    currency: '',
    xp: '',
    items: [],
    requirementsRaw: null,
    rewardsRaw: null,
    allowForeign: { requirements: false, rewards: false },
  };
}

function typedRequirements(state: Pick<QuestFormState, 'target' | 'filters'>, requirements: QuestRequirements): Pick<QuestFormState, 'target' | 'filters'> {
  const f = requirements.filters ?? {};
  return {
    target: requirements.target,
    filters: {
      itemId: f.itemId ?? null,
      itemType: f.itemType ?? null,
      rarity: f.rarity ?? null,
      channelId: f.channelId ?? '',
      currency: f.currency ?? '',
      questId: f.questId ?? null,
    },
  };
}

function typedRewards(rewards: QuestRewards): Pick<QuestFormState, 'currency' | 'xp' | 'items'> {
  return { currency: rewards.currency ?? '', xp: rewards.xp ?? '', items: (rewards.items ?? []).map((r) => newRewardRow(r.itemId, r.quantity)) };
}

export function questFormFromStored(quest: StoredQuest): QuestFormState {
  const state = blankQuestForm();
  // The bot's columns may hold NULL: an empty field, which the contract then asks to fill.
  state.name = quest.name ?? '';
  state.description = quest.description ?? '';
  state.triggerEvent = quest.triggerEvent ?? '';
  state.target = '';
  const requirements = parseJsonText(quest.requirementsJson);
  const req = requirements.ok ? questRequirementsSchema.safeParse(requirements.value) : null;
  if (req?.success && customFilterKeys(req.data).length === 0) Object.assign(state, typedRequirements(state, req.data));
  else state.requirementsRaw = formatJsonText(quest.requirementsJson);
  const rewards = parseJsonText(quest.rewardsJson);
  const rew = rewards.ok ? questRewardsSchema.safeParse(rewards.value) : null;
  if (rew?.success) Object.assign(state, typedRewards(rew.data));
  else state.rewardsRaw = formatJsonText(quest.rewardsJson);
  return state;
}

/** The requirements the form describes (empty filters left out). */
export function builtRequirements(state: QuestFormState): Record<string, unknown> {
  const f = state.filters;
  const filters = {
    ...(f.itemId !== null ? { itemId: f.itemId } : {}),
    ...(f.itemType ? { itemType: f.itemType } : {}),
    ...(f.rarity ? { rarity: f.rarity } : {}),
    ...(f.channelId.trim() ? { channelId: f.channelId.trim() } : {}),
    ...(f.currency.trim() ? { currency: f.currency.trim() } : {}),
    ...(f.questId !== null ? { questId: f.questId } : {}),
  };
  return { target: state.target === '' ? undefined : state.target, ...(Object.keys(filters).length ? { filters } : {}) };
}

export function builtRewards(state: QuestFormState): Record<string, unknown> {
  const items = state.items.filter((r) => r.itemId !== null).map((r) => ({ itemId: r.itemId, quantity: r.quantity === '' ? undefined : r.quantity }));
  return {
    ...(state.currency.trim() ? { currency: state.currency.trim() } : {}),
    ...(state.xp !== '' ? { xp: state.xp } : {}),
    ...(items.length ? { items } : {}),
  };
}

function rawValue(text: string): unknown {
  const parsed = parseJsonText(text);
  return parsed.ok ? parsed.value : undefined;
}

export function currentRequirements(state: QuestFormState): unknown {
  return state.requirementsRaw !== null ? rawValue(state.requirementsRaw) : builtRequirements(state);
}

export function currentRewards(state: QuestFormState): unknown {
  return state.rewardsRaw !== null ? rawValue(state.rewardsRaw) : builtRewards(state);
}

export function questDraft(state: QuestFormState) {
  return {
    name: state.name.trim(),
    description: state.description.trim() === '' ? null : state.description,
    triggerEvent: state.triggerEvent.trim(),
    requirements: currentRequirements(state),
    rewards: currentRewards(state),
  };
}

function rawIssues(text: string | null, field: 'requirements' | 'rewards'): ContractIssue[] {
  if (text === null) return [];
  const parsed = parseJsonText(text);
  if (!parsed.ok) return [{ path: field, message: parsed.message }];
  const schema = field === 'requirements' ? questRequirementsSchema : questRewardsSchema;
  const result = schema.safeParse(parsed.value);
  return result.success ? [] : issuesFrom(result.error, field);
}

export interface QuestValidation {
  definition: QuestDefinition | null;
  /** Everything the contract says about the quest as it stands. */
  issues: ContractIssue[];
  requirementsRawIssues: ContractIssue[];
  rewardsRawIssues: ContractIssue[];
}

/** Inline validation, by the same contract the main process applies. */
export function validateQuestForm(state: QuestFormState): QuestValidation {
  const result = questDefinitionSchema.safeParse(questDraft(state));
  const requirementsRawIssues = rawIssues(state.requirementsRaw, 'requirements');
  const rewardsRawIssues = rawIssues(state.rewardsRaw, 'rewards');
  // A raw column that is not JSON at all says so, not "expected an object".
  const unreadable = new Set([...requirementsRawIssues, ...rewardsRawIssues].filter((i) => i.path === 'requirements' || i.path === 'rewards').map((i) => i.path));
  const issues = [
    ...(result.success ? [] : issuesFrom(result.error).filter((i) => !unreadable.has(i.path.split('.')[0] ?? ''))),
    ...[...requirementsRawIssues, ...rewardsRawIssues].filter((i) => unreadable.has(i.path)),
  ];
  if (state.rewardsRaw === null) {
    state.items.forEach((row, i) => {
      if (row.itemId === null) issues.push({ path: `rewards.items.${i}.itemId`, message: 'Pick an item (or remove the row)' });
    });
  }
  return {
    definition: result.success && issues.length === 0 ? result.data : null,
    issues,
    requirementsRawIssues,
    rewardsRawIssues,
  };
}

type QuestChanges = z.input<typeof questUpdateInputSchema>['changes'];

/** Fields that differ from the quest as opened, in the shape quests.update takes. */
export function questChanges(initial: QuestFormState, state: QuestFormState): QuestChanges {
  const draft = questDraft(state);
  const before = questDraft(initial);
  const changes: QuestChanges = {};
  if (draft.name !== before.name) changes.name = draft.name;
  if (draft.description !== before.description) changes.description = draft.description;
  if (draft.triggerEvent !== before.triggerEvent) changes.triggerEvent = draft.triggerEvent;
  if (jsonColumnKey(state.requirementsRaw, builtRequirements(state)) !== jsonColumnKey(initial.requirementsRaw, builtRequirements(initial))) {
    changes.requirements = jsonColumnEdit(state.requirementsRaw, state.allowForeign.requirements, builtRequirements(state) as QuestRequirements);
  }
  if (jsonColumnKey(state.rewardsRaw, builtRewards(state)) !== jsonColumnKey(initial.rewardsRaw, builtRewards(initial))) {
    changes.rewards = jsonColumnEdit(state.rewardsRaw, state.allowForeign.rewards, builtRewards(state) as QuestRewards);
  }
  return changes;
}

/** The JSON a column will hold, as the raw view shows it. */
export function columnText(state: QuestFormState, field: 'requirements' | 'rewards'): string {
  const raw = field === 'requirements' ? state.requirementsRaw : state.rewardsRaw;
  return raw ?? JSON.stringify(field === 'requirements' ? builtRequirements(state) : builtRewards(state), null, 2);
}

/** Raw text that matches the contract goes back into the form. */
export function backToForm(state: QuestFormState, field: 'requirements' | 'rewards'): QuestFormState {
  const raw = field === 'requirements' ? state.requirementsRaw : state.rewardsRaw;
  const parsed = raw === null ? null : parseJsonText(raw);
  if (!parsed?.ok) return state;
  if (field === 'requirements') {
    const req = questRequirementsSchema.safeParse(parsed.value);
    return req.success && customFilterKeys(req.data).length === 0 ? { ...state, ...typedRequirements(state, req.data), requirementsRaw: null } : state;
  }
  const rew = questRewardsSchema.safeParse(parsed.value);
  return rew.success ? { ...state, ...typedRewards(rew.data), rewardsRaw: null } : state;
}
