/**
 * The life of one quest or item in its editor: the row as opened, the form the game master
 * edits, what would be sent, saving (create or update against the version opened, with the
 * originals of the changed columns so the save merges by field), a newer version of the row
 * met live or at save (merged by field, the changed fields named at once, a choice asked only
 * for fields both sides changed), and the keys and leave guard that go with unsaved edits. The
 * editors keep only their own fields and header.
 */
import { useEffect, useEffectEvent, useMemo, useRef, useState } from 'react';
import type { ContractIssue } from '@shared/domain/authoring';
import type { ColumnTexts, FieldConflict, MergeChoice } from '@shared/domain/row-merge';
import { describeError, fieldErrorsOf } from '../../lib/errors';
import { useScreenKeys } from '../../lib/keys';
import { notifyError, notifySuccess } from '../../lib/notify';
import { useLeaveGuard } from '../../lib/router';
import { firstErrors } from './draft';
import { labelFields, rebaseDraft, type ColumnModel } from './rebase';

/** What both contracts' stored rows (StoredQuest, StoredItem) have in common. */
export interface AuthoredRow {
  id: number;
  name: string;
  version: string;
  shape: 'valid' | 'foreign';
  issues: ContractIssue[];
}

/** A create or update mutation, as far as the draft uses it. */
export interface SaveMutation<Input, Saved> {
  mutate(input: Input, callbacks: { onSuccess(saved: Saved): void; onError(error: unknown): void }): void;
  isPending: boolean;
}

export interface DraftValidation<Definition> {
  /** The row to create, or null while the contract refuses the form. */
  definition: Definition | null;
  issues: ContractIssue[];
}

export interface AuthoringDraftOptions<Stored extends AuthoredRow, Form, Changes extends object, Definition, Validation extends DraftValidation<Definition>>
  extends ColumnModel<Stored, Form> {
  /** 'quest' or 'item': how messages, keys and test ids name the row. */
  noun: string;
  /** The row as loaded (and as live updates bring it); null for a new one. */
  stored: Stored | null;
  blankForm(): Form;
  /** Only what differs from the row as opened; empty means nothing to save. */
  changes(initial: Form, state: Form): Changes;
  validate(state: Form): Validation;
  /** Field paths as the editor labels them, for the reasons beside Save and the changed-fields banner. */
  fieldLabels: Record<string, string>;
  /**
   * Why an edit of a stored row may not be saved as it stands (raw JSON outside the contract
   * not yet allowed), or null. `shown` are the contract issues the form shows.
   */
  blocked?(validation: Validation, edited: Changes, state: Form, shown: ContractIssue[]): string | null;
  create: SaveMutation<Definition, Stored>;
  update: SaveMutation<{ id: number; version: string; changes: Changes; originals: ColumnTexts }, Stored>;
  onSaved(row: Stored): void;
  onClose(): void;
}

/** Fields both sides changed, waiting for the game master's choice. */
export interface DraftConflict<Stored> {
  current: Stored;
  fields: FieldConflict[];
  changedBy?: string;
  changedAt?: string;
}

/** The row changed while it was open: which fields, and which of them the game master changed too. */
export interface ChangedUnderneath {
  fields: string[];
  conflicted: string[];
}

export interface AuthoringDraft<Stored extends AuthoredRow, Form, Changes, Validation> {
  noun: string;
  /** The row the edits are based on; null while a new one is written. */
  base: Stored | null;
  state: Form;
  /** Every edit goes through here (it also clears the errors the last save answered). */
  change(next: (state: Form) => Form): void;
  dirty: boolean;
  edited: Changes;
  validation: Validation;
  /** The first error per field path, as the form shows them. */
  errors: Record<string, string>;
  save(): void;
  saving: boolean;
  canSave: boolean;
  /** Why Save is disabled, shown beside it (null when it is enabled or while saving). */
  saveBlockedReason: string | null;
  /** Why the last save was refused (the server's words), shown beside Save until the next edit. */
  refusal: string | null;
  /** The fields the game master has touched, for errors shown on blur or submit. */
  touched: ReadonlySet<string>;
  touch(field: string): void;
  /** True once a save was tried: every error shows. */
  submitted: boolean;
  underneath: ChangedUnderneath | null;
  dismissUnderneath(): void;
  fieldLabels: Record<string, string>;
  conflict: DraftConflict<Stored> | null;
  conflictChoices: { close(): void; open(): void; takeTheirs(): void; resolve(choices: Record<string, MergeChoice>): void };
}

const capitalised = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);

export function useAuthoringDraft<Stored extends AuthoredRow, Form, Changes extends object, Definition, Validation extends DraftValidation<Definition>>(
  options: AuthoringDraftOptions<Stored, Form, Changes, Definition, Validation>,
): AuthoringDraft<Stored, Form, Changes, Validation> {
  const { noun, stored, blankForm, formFromStored, changes, create, update, onSaved, onClose } = options;
  const Noun = capitalised(noun);
  // The base is the row the edits are relative to; a newer version moves it (rebase below).
  const [base, setBase] = useState<Stored | null>(stored);
  const initial = useMemo(() => (base ? formFromStored(base) : blankForm()), [base, blankForm, formFromStored]);
  const [state, setState] = useState<Form>(initial);
  const [serverErrors, setServerErrors] = useState<Record<string, string>>({});
  const [refusal, setRefusal] = useState<string | null>(null);
  const [conflict, setConflict] = useState<DraftConflict<Stored> | null>(null);
  const [underneath, setUnderneath] = useState<ChangedUnderneath | null>(null);
  // Originals of columns both sides changed, kept until the game master chooses.
  const [pending, setPending] = useState<ColumnTexts | null>(null);
  const [touched, setTouched] = useState<ReadonlySet<string>>(new Set());
  const [submitted, setSubmitted] = useState(false);
  // The version the query last brought: only a new answer is news (a refetch still holding the
  // version before this desk's own save is not).
  const lastStored = useRef(stored?.version);
  const edited = changes(initial, state);
  const dirty = Object.keys(edited).length > 0;
  useLeaveGuard(dirty, `This ${noun} has unsaved changes. Leave and discard them?`);

  const rebase = (next: Stored, ask: { open: boolean; changedBy?: string; changedAt?: string }) => {
    if (!base) return;
    const moved = rebaseDraft(options, { base, next, state, edited: edited as Record<string, unknown>, earlier: pending ?? undefined });
    setBase(next);
    setState(moved.state);
    setPending(moved.conflicts.length ? moved.originals : null);
    const conflicted = moved.conflicts.map((f) => f.field);
    setUnderneath((before) => ({
      fields: [...new Set([...(before?.fields ?? []), ...moved.changed])],
      conflicted,
    }));
    if (moved.conflicts.length && ask.open) setConflict({ current: next, fields: moved.conflicts, changedBy: ask.changedBy, changedAt: ask.changedAt });
    else if (!moved.conflicts.length) setConflict(null);
  };

  // A newer version while the editor is open: merged in at once and named in a banner.
  const onNewVersion = useEffectEvent((next: Stored) => rebase(next, { open: false }));
  useEffect(() => {
    if (!stored || stored.version === lastStored.current) return;
    lastStored.current = stored.version;
    if (base && stored.version !== base.version) onNewVersion(stored);
  }, [stored, base]);

  // Told to the page once the saved state has rendered (and the leave guard is gone).
  const [justSaved, setJustSaved] = useState<Stored | null>(null);
  useEffect(() => {
    if (justSaved && !dirty) {
      setJustSaved(null);
      onSaved(justSaved);
    }
  }, [justSaved, dirty, onSaved]);

  const validation = options.validate(state);
  // On a foreign row, what the game master did not touch is listed in the warning, not marked red.
  const shown = base?.shape === 'foreign' ? validation.issues.filter((i) => (i.path.split('.')[0] ?? '') in edited) : validation.issues;
  // A new row's fields turn red once left (blur) or when a save is tried, not before typing.
  const visible = (path: string) => base !== null || submitted || touched.has(path) || touched.has(path.split('.')[0] ?? path);
  const errors = { ...firstErrors(shown.filter((i) => visible(i.path))), ...serverErrors };
  const change = (next: (s: Form) => Form) => {
    setState(next);
    setServerErrors({});
    setRefusal(null);
  };

  const afterSave = (saved: Stored, message: string) => {
    notifySuccess(message, saved.name);
    setBase(saved);
    setState(formFromStored(saved));
    setPending(null);
    setUnderneath(null);
    setSubmitted(false);
    setTouched(new Set());
    setJustSaved(saved);
  };
  const onSaveError = (error: unknown) => {
    const view = describeError(error);
    if (view.kind === 'conflict' && view.conflict?.current) {
      rebase(view.conflict.current as Stored, { open: true, changedBy: view.conflict.changedBy, changedAt: view.conflict.changedAt });
      return;
    }
    setServerErrors(fieldErrorsOf(error));
    // A refusal of the row's content is told beside Save, in words naming the fields; other failures notify.
    if (view.kind === 'validation') setRefusal(view.message);
    else notifyError(error, `Could not save the ${noun}`);
  };
  const send = (row: Stored, form: Form) => {
    const next = changes(formFromStored(row), form);
    const before = options.columnsOf(row);
    const originals = Object.fromEntries(Object.keys(next).map((c) => [c, before[c] ?? null]));
    update.mutate({ id: row.id, version: row.version, changes: next, originals }, { onSuccess: (saved) => afterSave(saved, `${Noun} saved`), onError: onSaveError });
  };
  const saving = create.isPending || update.isPending;
  const reasonOf = (issues: ContractIssue[]) => {
    const [first] = issues;
    if (!first) return null;
    const more = issues.length > 1 ? ` (and ${issues.length - 1} more)` : '';
    return `${labelFields([first.path], options.fieldLabels)[0]}: ${first.message}${more}`;
  };
  const blockedReason = base
    ? (options.blocked ? options.blocked(validation, edited, state, shown) : reasonOf(shown))
    : validation.definition === null
      ? (reasonOf(validation.issues) ?? 'The form does not describe a valid row yet')
      : null;
  const saveBlockedReason = saving ? null : !dirty && base ? 'No changes to save' : (blockedReason ?? (dirty ? null : `Fill in the ${noun} first`));
  const canSave = dirty && !saving && blockedReason === null;

  const openPendingChoice = (): boolean => {
    if (!pending || !base) return false;
    const again = rebaseDraft(options, { base, next: base, state, edited: edited as Record<string, unknown>, earlier: pending });
    if (!again.conflicts.length) {
      setPending(null);
      return false;
    }
    setConflict({ current: base, fields: again.conflicts });
    return true;
  };

  const save = () => {
    setSubmitted(true);
    if (!base) {
      if (!validation.definition) return;
      create.mutate(validation.definition, {
        onSuccess: (saved) => {
          setBase(saved);
          afterSave(saved, `${Noun} created`);
        },
        onError: onSaveError,
      });
      return;
    }
    if (!canSave || openPendingChoice()) return;
    send(base, state);
  };

  useScreenKeys(`${Noun} editor`, [
    { keys: 'mod+s', label: `Save the ${noun}`, run: () => save(), inInputs: true },
    { keys: 'escape', label: 'Close the editor', run: onClose },
  ]);

  const conflictChoices = {
    close: () => setConflict(null),
    open: () => void openPendingChoice(),
    takeTheirs: () => {
      if (!base) return;
      const theirs = conflict?.current ?? base;
      setBase(theirs);
      setState(formFromStored(theirs));
      setPending(null);
      setConflict(null);
      setUnderneath(null);
    },
    resolve: (choices: Record<string, MergeChoice>) => {
      if (!base || !pending) return;
      const settled = rebaseDraft(options, { base, next: base, state, edited: edited as Record<string, unknown>, earlier: pending, choices });
      setState(settled.state);
      setPending(null);
      setConflict(null);
      setUnderneath((before) => (before ? { ...before, conflicted: [] } : null));
      send(base, settled.state);
    },
  };

  return {
    noun,
    base,
    state,
    change,
    dirty,
    edited,
    validation,
    errors,
    save,
    saving,
    canSave,
    saveBlockedReason,
    refusal,
    touched,
    touch: (field) => setTouched((before) => (before.has(field) ? before : new Set([...before, field]))),
    submitted,
    underneath,
    dismissUnderneath: () => setUnderneath(null),
    fieldLabels: options.fieldLabels,
    conflict,
    conflictChoices,
  };
}

/** For a form's container: leaving a field marked `data-field="path"` shows that field's errors. */
export function touchOnBlur(draft: { touch(field: string): void }) {
  return (event: { target: EventTarget }) => {
    const field = (event.target as HTMLElement).closest?.('[data-field]')?.getAttribute('data-field');
    if (field) draft.touch(field);
  };
}
