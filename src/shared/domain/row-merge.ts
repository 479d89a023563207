/**
 * Merging two edits of one quest or item by field, as both the save (main) and the open editor
 * (renderer) do it. A row is seen as its columns' stored text; a jsonb column holding an object is
 * merged key by key ("requirements.target" apart from "requirements.filters"). A field only one
 * side changed takes that side's value without asking; only a field both sides changed, to
 * different values, is a conflict, shown as theirs / mine / the original.
 */
import { canonicalJson, parseJsonText } from './authoring.js';

/** A row as its columns' text: scalar columns as they are, jsonb columns as JSON text. */
export type ColumnTexts = Record<string, string | null>;

/** One field both sides changed: the values as text (null: absent or NULL). */
export interface FieldConflict {
  field: string;
  original: string | null;
  theirs: string | null;
  mine: string | null;
}

export type MergeChoice = 'theirs' | 'mine' | 'original';

export interface MergeResult {
  /** The value to store for each column the editor changed (equal to theirs: nothing to write). */
  merged: ColumnTexts;
  conflicts: FieldConflict[];
}

type JsonObject = Record<string, unknown>;

/** Numbers past double precision would change if the text were parsed and printed again. */
const LONG_NUMBER = /(^|[^"\w.])-?\d{16,}/;

function objectOf(text: string | null): JsonObject | null {
  if (text === null || LONG_NUMBER.test(text)) return null;
  const parsed = parseJsonText(text);
  if (!parsed.ok || parsed.value === null || typeof parsed.value !== 'object' || Array.isArray(parsed.value)) return null;
  return parsed.value as JsonObject;
}

/** jsonb compares as values (key order and spacing do not matter); other columns as text. */
function sameValue(a: string | null, b: string | null, json: boolean): boolean {
  if (a === b) return true;
  if (!json || a === null || b === null) return false;
  const pa = parseJsonText(a);
  const pb = parseJsonText(b);
  return pa.ok && pb.ok && canonicalJson(pa.value) === canonicalJson(pb.value);
}

const keyText = (value: unknown) => (value === undefined ? null : JSON.stringify(value));
const sameKey = (a: unknown, b: unknown) => (a === undefined || b === undefined ? a === b : canonicalJson(a) === canonicalJson(b));

/** The three versions of a jsonb object merged key by key; undefined when a key needs a choice nobody made. */
function mergeObjects(column: string, o: JsonObject, t: JsonObject, m: JsonObject, choices: Partial<Record<string, MergeChoice>>, conflicts: FieldConflict[]): JsonObject {
  const out: JsonObject = {};
  const keys = [...new Set([...Object.keys(t), ...Object.keys(m), ...Object.keys(o)])];
  for (const key of keys) {
    const [ov, tv, mv] = [o[key], t[key], m[key]];
    let value: unknown;
    if (sameKey(mv, ov) || sameKey(mv, tv)) value = tv;
    else if (sameKey(tv, ov)) value = mv;
    else {
      const field = `${column}.${key}`;
      const choice = choices[field];
      if (!choice) conflicts.push({ field, original: keyText(ov), theirs: keyText(tv), mine: keyText(mv) });
      value = choice === 'mine' ? mv : choice === 'original' ? ov : tv;
    }
    if (value !== undefined) out[key] = value;
  }
  return out;
}

/**
 * Merges `mine` (the columns the editor changed, as it would store them) into `theirs` (the row
 * now), both descended from `original` (those columns as the editor opened them). `choices`
 * settles conflicts already decided, by field.
 */
export function mergeColumns(input: {
  original: ColumnTexts;
  theirs: ColumnTexts;
  mine: ColumnTexts;
  jsonColumns: readonly string[];
  choices?: Partial<Record<string, MergeChoice>>;
}): MergeResult {
  const { original, theirs, mine, jsonColumns, choices = {} } = input;
  const merged: ColumnTexts = {};
  const conflicts: FieldConflict[] = [];
  for (const [column, m] of Object.entries(mine)) {
    const json = jsonColumns.includes(column);
    const o = original[column] ?? null;
    const t = theirs[column] ?? null;
    if (sameValue(o, t, json)) merged[column] = m;
    else if (sameValue(m, t, json)) merged[column] = t;
    else {
      const [oo, to, mo] = json ? [objectOf(o), objectOf(t), objectOf(m)] : [null, null, null];
      if (oo && to && mo) {
        merged[column] = JSON.stringify(mergeObjects(column, oo, to, mo, choices, conflicts));
        continue;
      }
      const choice = choices[column];
      if (!choice) conflicts.push({ field: column, original: o, theirs: t, mine: m });
      merged[column] = choice === 'mine' ? m : choice === 'original' ? o : t;
    }
  }
  return { merged, conflicts };
}

/** The fields that differ between two versions of a row (jsonb objects by key), for "changed underneath". */
export function changedFields(before: ColumnTexts, after: ColumnTexts, jsonColumns: readonly string[]): string[] {
  const fields: string[] = [];
  for (const column of Object.keys(after)) {
    const json = jsonColumns.includes(column);
    const [b, a] = [before[column] ?? null, after[column] ?? null];
    if (sameValue(b, a, json)) continue;
    const [bo, ao] = json ? [objectOf(b), objectOf(a)] : [null, null];
    if (bo && ao) {
      for (const key of new Set([...Object.keys(bo), ...Object.keys(ao)])) if (!sameKey(bo[key], ao[key])) fields.push(`${column}.${key}`);
    } else fields.push(column);
  }
  return fields;
}

/** An update's changes as column text: a jsonb edit (typed or raw) as the JSON it stores. */
export function changeTexts(changes: Record<string, unknown>): ColumnTexts {
  const out: ColumnTexts = {};
  for (const [column, value] of Object.entries(changes)) {
    if (value === undefined) continue;
    if (value && typeof value === 'object' && 'kind' in value) {
      const edit = value as { kind: 'typed'; value: unknown } | { kind: 'raw'; json: string };
      out[column] = edit.kind === 'typed' ? JSON.stringify(edit.value) : edit.json;
    } else out[column] = value as string | null;
  }
  return out;
}
