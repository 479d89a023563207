import { useState, type ChangeEvent } from 'react';
import { describeError, fieldErrorsOf } from '@renderer/lib/errors';

/**
 * A settings form's text as typed, against what is saved, and what a refused save said: beside
 * the field it names, or for the whole form when it names none. A refusal keeps what was typed
 * (UX.md: never lose input); `dirty` is what Save and the leave guard go by.
 */
export function useSettingsForm<Field extends string>(saved: Record<Field, string>, saveError: unknown) {
  const [values, setValues] = useState(saved);
  const errors = saveError ? fieldErrorsOf(saveError) : {};
  const formError = saveError && Object.keys(errors).length === 0 ? describeError(saveError).message : null;
  const dirty = (Object.keys(saved) as Field[]).some((field) => values[field] !== saved[field]);
  const set = (field: Field, value: string) => setValues((current) => ({ ...current, [field]: value }));
  /** What a TextInput or PasswordInput needs to edit one field and show its error. */
  const bind = (field: Field) => ({
    value: values[field],
    onChange: (event: ChangeEvent<HTMLInputElement>) => set(field, event.currentTarget.value),
    error: errors[field],
  });
  return { values, set, dirty, errors, formError, bind };
}
