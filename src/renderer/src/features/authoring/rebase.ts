/**
 * An open editor meeting a newer version of its row (a live change, or a save refused as a
 * CONFLICT): the draft moves onto the new version, keeping the game master's edits. Fields only
 * they changed stay theirs, fields only the other side changed take the new value, and fields
 * both changed wait for a choice (theirs, mine or the original). Plain TypeScript, no React.
 */
import { changeTexts, changedFields, mergeColumns, type ColumnTexts, type FieldConflict, type MergeChoice } from '@shared/domain/row-merge';

/** What an editor tells the draft about its row and form, column by column. */
export interface ColumnModel<Stored, Form> {
  /** The stored row as column text, under the names the update's changes use. */
  columnsOf(row: Stored): ColumnTexts;
  jsonColumns: readonly string[];
  formFromStored(row: Stored): Form;
  /** The row with some columns replaced by the given text (a merged jsonb column). */
  rowWithColumns(row: Stored, texts: ColumnTexts): Stored;
  /** `target` with the form parts of `columns` taken from `source`. */
  takeColumns(target: Form, source: Form, columns: readonly string[]): Form;
}

export interface Rebased<Form> {
  state: Form;
  /** Fields the new version changed, for the banner. */
  changed: string[];
  /** Fields both changed: they keep "mine" in the form until a choice is made. */
  conflicts: FieldConflict[];
  /** The columns in conflict as first opened, what a later choice of "original" goes back to. */
  originals: ColumnTexts;
}

const columnOf = (field: string) => field.split('.')[0] ?? field;
const pick = (texts: ColumnTexts, columns: Iterable<string>): ColumnTexts => Object.fromEntries([...columns].map((c) => [c, texts[c] ?? null]));

/**
 * `state` (with `edited` relative to `base`) moved onto `next`. `earlier` holds originals kept
 * from a previous rebase whose conflicts are not settled yet.
 */
export function rebaseDraft<Stored, Form>(
  model: ColumnModel<Stored, Form>,
  input: { base: Stored; next: Stored; state: Form; edited: Record<string, unknown>; earlier?: ColumnTexts; choices?: Partial<Record<string, MergeChoice>> },
): Rebased<Form> {
  const { base, next, state, edited, earlier = {}, choices } = input;
  const before = model.columnsOf(base);
  const theirs = model.columnsOf(next);
  const changed = changedFields(before, theirs, model.jsonColumns);
  const mine = changeTexts(edited);
  const original: ColumnTexts = Object.fromEntries(Object.keys(mine).map((c) => [c, c in earlier ? (earlier[c] ?? null) : (before[c] ?? null)]));
  const { merged, conflicts } = mergeColumns({ original, theirs, mine, jsonColumns: model.jsonColumns, choices });
  const inConflict = new Set(conflicts.map((f) => columnOf(f.field)));

  let form = model.formFromStored(next);
  const keepMine = Object.keys(mine).filter((c) => inConflict.has(c) || merged[c] === mine[c]);
  form = model.takeColumns(form, state, keepMine);
  const rewritten = Object.keys(mine).filter((c) => !keepMine.includes(c) && merged[c] !== theirs[c]);
  if (rewritten.length) form = model.takeColumns(form, model.formFromStored(model.rowWithColumns(next, pick(merged, rewritten))), rewritten);
  return { state: form, changed, conflicts, originals: pick(original, inConflict) };
}

/** A field's name as the editor labels it ("requirements.target" → "Target", "usageData.slot" → "Usage: slot"). */
export function labelFields(fields: readonly string[], labels: Record<string, string>): string[] {
  return fields.map((field) => {
    if (labels[field]) return labels[field];
    const column = columnOf(field);
    const rest = field.slice(column.length + 1);
    return labels[column] ? (rest ? `${labels[column]}: ${rest}` : labels[column]) : field;
  });
}
