/**
 * The life of one quest or item in its editor: the row as opened, the form the game master
 * edits, what would be sent, saving (create or update against the version opened), a conflict
 * when someone saved first, live changes while nothing is edited, and the keys and leave guard
 * that go with unsaved edits. The editors keep only their own fields and header.
 */
import { useEffect, useMemo, useState } from 'react';
import type { ContractIssue } from '@shared/domain/authoring';
import { describeError, fieldErrorsOf } from '../../lib/errors';
import { useScreenKeys } from '../../lib/keys';
import { notifyError, notifySuccess } from '../../lib/notify';
import { useLeaveGuard } from '../../lib/router';
import { firstErrors } from './draft';

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

export interface AuthoringDraftOptions<Stored extends AuthoredRow, Form, Changes extends object, Definition, Validation extends DraftValidation<Definition>> {
  /** 'quest' or 'item': how messages, keys and test ids name the row. */
  noun: string;
  /** The row as loaded (and as live updates bring it); null for a new one. */
  stored: Stored | null;
  blankForm(): Form;
  formFromStored(row: Stored): Form;
  /** Only what differs from the row as opened; empty means nothing to save. */
  changes(initial: Form, state: Form): Changes;
  validate(state: Form): Validation;
  /** An edit of a stored row that may not be saved as it stands (raw JSON outside the contract). */
  blocked?(validation: Validation, edited: Changes, state: Form): boolean;
  create: SaveMutation<Definition, Stored>;
  update: SaveMutation<{ id: number; version: string; changes: Changes }, Stored>;
  onSaved(row: Stored): void;
  onClose(): void;
}

export interface DraftConflict<Stored> {
  current: Stored;
  changedBy?: string;
  changedAt?: string;
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
  conflict: DraftConflict<Stored> | null;
  conflictChoices: { close(): void; takeTheirs(): void; keepMine(): void };
}

const capitalised = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);

export function useAuthoringDraft<Stored extends AuthoredRow, Form, Changes extends object, Definition, Validation extends DraftValidation<Definition>>(
  options: AuthoringDraftOptions<Stored, Form, Changes, Definition, Validation>,
): AuthoringDraft<Stored, Form, Changes, Validation> {
  const { noun, stored, blankForm, formFromStored, changes, create, update, onSaved, onClose } = options;
  const Noun = capitalised(noun);
  // The base is the row as opened; "save mine over theirs" moves it to theirs.
  const [base, setBase] = useState<Stored | null>(stored);
  const initial = useMemo(() => (base ? formFromStored(base) : blankForm()), [base, blankForm, formFromStored]);
  const [state, setState] = useState<Form>(initial);
  const [serverErrors, setServerErrors] = useState<Record<string, string>>({});
  const [conflict, setConflict] = useState<DraftConflict<Stored> | null>(null);
  const edited = changes(initial, state);
  const dirty = Object.keys(edited).length > 0;
  useLeaveGuard(dirty, `This ${noun} has unsaved changes. Leave and discard them?`);

  // A live change while nothing is edited here: show the new version.
  useEffect(() => {
    if (stored && base && stored.version !== base.version && !dirty) {
      setBase(stored);
      setState(formFromStored(stored));
    }
  }, [stored, base, dirty, formFromStored]);

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
  const errors = { ...firstErrors(shown), ...serverErrors };
  const change = (next: (s: Form) => Form) => {
    setState(next);
    setServerErrors({});
  };

  const afterSave = (saved: Stored, message: string) => {
    notifySuccess(message, saved.name);
    setBase(saved);
    setState(formFromStored(saved));
    setJustSaved(saved);
  };
  const onSaveError = (error: unknown) => {
    const view = describeError(error);
    if (view.kind === 'conflict' && view.conflict?.current) {
      setConflict({ current: view.conflict.current as Stored, changedBy: view.conflict.changedBy, changedAt: view.conflict.changedAt });
      return;
    }
    setServerErrors(fieldErrorsOf(error));
    notifyError(error, `Could not save the ${noun}`);
  };
  const save = () => {
    if (!base) {
      if (!validation.definition) {
        notifyError(new Error('Fix the highlighted fields first.'), `Could not create the ${noun}`);
        return;
      }
      create.mutate(validation.definition, { onSuccess: (saved) => afterSave(saved, `${Noun} created`), onError: onSaveError });
      return;
    }
    update.mutate({ id: base.id, version: base.version, changes: edited }, { onSuccess: (saved) => afterSave(saved, `${Noun} saved`), onError: onSaveError });
  };
  const saving = create.isPending || update.isPending;
  const canSave = dirty && !saving && (base ? !options.blocked?.(validation, edited, state) : validation.definition !== null);

  useScreenKeys(`${Noun} editor`, [
    { keys: 'mod+s', label: `Save the ${noun}`, run: () => canSave && save(), inInputs: true },
    { keys: 'escape', label: 'Close the editor', run: onClose },
  ]);

  const conflictChoices = {
    close: () => setConflict(null),
    takeTheirs: () => {
      if (!conflict) return;
      setBase(conflict.current);
      setState(formFromStored(conflict.current));
      setConflict(null);
    },
    keepMine: () => {
      if (!conflict) return;
      // My edits, re-based on their version: this save goes over theirs knowingly.
      const mine = state;
      const theirs = conflict.current;
      setConflict(null);
      setBase(theirs);
      setState(mine);
      update.mutate(
        { id: theirs.id, version: theirs.version, changes: changes(formFromStored(theirs), mine) },
        { onSuccess: (saved) => afterSave(saved, `${Noun} saved over the other version`), onError: onSaveError },
      );
    },
  };

  return { noun, base, state, change, dirty, edited, validation, errors, save, saving, canSave, conflict, conflictChoices };
}
