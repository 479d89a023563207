/**
 * Creating, editing and duplicating quests. Each is one transaction that records its revision.
 *
 * An edit carries the version the game master opened and only the fields they changed: the row
 * is locked, a different version answers CONFLICT with the current row, and untouched columns
 * are never rewritten (a foreign shape stays byte for byte what the bot wrote).
 */
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { fieldErrorsFrom, parseJsonText, type ContractIssue } from '@shared/domain/authoring.js';
import {
  QUEST_JSON_COLUMNS,
  questColumnTexts,
  questRequirementsSchema,
  questRewardsSchema,
  type QuestDefinition,
  type StoredQuest,
  type questUpdateInputSchema,
} from '@shared/domain/quests.js';
import type { StaffWrite } from '../../core/audit.js';
import type { AuroraDb } from '../../core/database.js';
import { quests } from '../../db/schema.js';
import { ERRORS } from '../../core/errors.js';
import { missingItemIds } from '../authoring/item-rows.js';
import { loadQuest, questColumns, toStoredQuest, type QuestRecord } from './quest-rows.js';
import { conflictError, jsonbText, rebaseEdit, recordRevision } from '../authoring/revisions.js';

type QuestUpdate = z.output<typeof questUpdateInputSchema>;
type JsonEdit = NonNullable<QuestUpdate['changes']['requirements']>;

/** Item and quest ids a quest points at must exist, or the bot would hand out nothing. */
export async function findDanglingReferences(db: AuroraDb, requirements: unknown, rewards: unknown, selfId?: number): Promise<ContractIssue[]> {
  const issues: ContractIssue[] = [];
  const wanted: { id: number; path: string }[] = [];
  const req = questRequirementsSchema.safeParse(requirements);
  const rew = questRewardsSchema.safeParse(rewards);
  if (req.success && req.data.filters?.itemId !== undefined) wanted.push({ id: req.data.filters.itemId, path: 'requirements.filters.itemId' });
  if (rew.success) rew.data.items?.forEach((entry, i) => wanted.push({ id: entry.itemId, path: `rewards.items.${i}.itemId` }));
  const missing = await missingItemIds(db, wanted.map((w) => w.id));
  for (const w of wanted) if (missing.has(w.id)) issues.push({ path: w.path, message: `No item #${w.id} (it may have been deleted)` });
  const waitFor = req.success ? req.data.filters?.questId : undefined;
  if (waitFor !== undefined) {
    if (waitFor === selfId) issues.push({ path: 'requirements.filters.questId', message: 'A quest cannot wait for itself' });
    else {
      const [row] = await db.select({ id: quests.id }).from(quests).where(eq(quests.id, waitFor));
      if (!row) issues.push({ path: 'requirements.filters.questId', message: `No quest #${waitFor} (it may have been deleted)` });
    }
  }
  return issues;
}

function refuse(message: string, issues: ContractIssue[]): never {
  throw ERRORS.badRequest(`${message}: ${issues.map((i) => `${i.path || 'quest'}: ${i.message}`).join('; ')}`, fieldErrorsFrom(issues));
}

export async function createQuest(write: StaffWrite, input: QuestDefinition): Promise<StoredQuest> {
  const { actor } = write;
  return write.transaction(async (tx) => {
    const dangling = await findDanglingReferences(tx, input.requirements, input.rewards);
    if (dangling.length) refuse('The quest points at something that does not exist', dangling);
    const [row] = await tx
      .insert(quests)
      .values({
        name: input.name,
        description: input.description,
        triggerEvent: input.triggerEvent,
        requirements: jsonbText(JSON.stringify(input.requirements)),
        rewards: jsonbText(JSON.stringify(input.rewards)),
      })
      .returning(questColumns);
    const stored = toStoredQuest(row!);
    await recordRevision(tx, actor, 'quest', stored.id, stored.version, 'create');
    return stored;
  });
}

function editedText(edit: JsonEdit | QuestUpdate['changes']['rewards']): string | undefined {
  if (!edit) return undefined;
  return edit.kind === 'typed' ? JSON.stringify(edit.value) : edit.json;
}

export async function updateQuest(write: StaffWrite, input: QuestUpdate): Promise<StoredQuest> {
  const db = write.database.db;
  const { actor } = write;
  const outcome = await write.transaction(async (tx) => {
    const current = await loadQuest(tx, input.id, { lock: true });
    let changes = input.changes;
    if (current.version !== input.version) {
      const rebased = rebaseEdit(changes, input.originals, questColumnTexts(current), QUEST_JSON_COLUMNS);
      if (!rebased.changes) return { conflict: current, fields: rebased.conflicts };
      changes = rebased.changes;
    }
    const changed = new Set(Object.keys(changes).filter((key) => changes[key as keyof typeof changes] !== undefined));
    if (changed.size === 0) return { quest: current };

    const unreadable: ContractIssue[] = [];
    for (const field of ['requirements', 'rewards'] as const) {
      const edit = changes[field];
      if (edit?.kind !== 'raw') continue;
      const parsed = parseJsonText(edit.json);
      if (!parsed.ok) unreadable.push({ path: field, message: parsed.message });
      else if (parsed.value === null || typeof parsed.value !== 'object' || Array.isArray(parsed.value)) unreadable.push({ path: field, message: 'Must be a JSON object' });
    }
    if (unreadable.length) refuse('The raw JSON cannot be saved', unreadable);

    const next: QuestRecord = {
      id: current.id,
      name: changes.name ?? current.name,
      description: changes.description !== undefined ? changes.description : current.description,
      triggerEvent: changes.triggerEvent ?? current.triggerEvent,
      requirementsJson: editedText(changes.requirements) ?? current.requirementsJson,
      rewardsJson: editedText(changes.rewards) ?? current.rewardsJson,
    };
    const merged = toStoredQuest(next);
    // A valid quest must stay valid; a foreign one may keep its foreign parts, but what the game
    // master typed must match the contract unless they saved raw JSON knowingly.
    const knowinglyForeign = new Set((['requirements', 'rewards'] as const).filter((f) => changes[f]?.kind === 'raw' && changes[f].allowForeign));
    const blocked = merged.issues.filter((issue) => {
      const field = issue.path.split('.')[0] ?? '';
      if (knowinglyForeign.has(field as 'requirements')) return false;
      return current.shape === 'valid' || changed.has(field);
    });
    if (blocked.length) refuse('The quest does not match the contract', blocked);
    const dangling = await findDanglingReferences(
      tx,
      changed.has('requirements') ? JSON.parse(next.requirementsJson) : undefined,
      changed.has('rewards') ? JSON.parse(next.rewardsJson) : undefined,
      current.id,
    );
    if (dangling.length) refuse('The quest points at something that does not exist', dangling);

    const [row] = await tx
      .update(quests)
      .set({
        ...(changed.has('name') ? { name: next.name } : {}),
        ...(changed.has('description') ? { description: next.description } : {}),
        ...(changed.has('triggerEvent') ? { triggerEvent: next.triggerEvent } : {}),
        ...(changed.has('requirements') ? { requirements: jsonbText(next.requirementsJson) } : {}),
        ...(changed.has('rewards') ? { rewards: jsonbText(next.rewardsJson) } : {}),
      })
      .where(eq(quests.id, current.id))
      .returning(questColumns);
    const stored = toStoredQuest(row!);
    await recordRevision(tx, actor, 'quest', stored.id, stored.version, 'update');
    return { quest: stored };
  });
  if (outcome.conflict) throw await conflictError(db, 'quest', outcome.conflict, outcome.conflict, outcome.fields);
  return outcome.quest;
}

/** A copy with " (copy)" in its name; jsonb copied as stored text, so foreign shapes copy exactly. */
export async function duplicateQuest(write: StaffWrite, input: { id: number }): Promise<StoredQuest> {
  const { actor } = write;
  return write.transaction(async (tx) => {
    const source = await loadQuest(tx, input.id);
    const suffix = ' (copy)';
    const [row] = await tx
      .insert(quests)
      .values({
        name: source.name.slice(0, 255 - suffix.length) + suffix,
        description: source.description,
        triggerEvent: source.triggerEvent,
        requirements: jsonbText(source.requirementsJson),
        rewards: jsonbText(source.rewardsJson),
      })
      .returning(questColumns);
    const stored = toStoredQuest(row!);
    await recordRevision(tx, actor, 'quest', stored.id, stored.version, 'duplicate');
    return stored;
  });
}
