/**
 * What the quest and item authoring screens share: the editor's draft (save, conflict, live
 * changes, keys), its header, the list with j/k keys, deleting with a confirmation, the page
 * split, and the pieces for jsonb columns (raw JSON, conflicts side by side). Each screen keeps
 * its own fields, columns and wording.
 */
export { touchOnBlur, useAuthoringDraft, type AuthoredRow, type AuthoringDraft } from './use-authoring-draft';
export { firstErrors, jsonColumnEdit, jsonColumnKey } from './draft';
export { EditorHeader } from './components/EditorHeader';
export { ForeignBadge, ForeignRowWarning } from './components/ForeignRowWarning';
export { RowLoader } from './components/RowLoader';
export { AuthoringList, useListSearch } from './components/AuthoringList';
export { DeleteConfirmFooter, DeleteRowButton } from './components/DeleteRowButton';
export { AuthoringSplit, NewRowButton, useEditingTarget } from './components/AuthoringSplit';
export { ConflictCompare, DraftConflictCompare } from './components/ConflictCompare';
export { ChangedUnderneath } from './components/ChangedUnderneath';
export { RawJsonField } from './components/RawJsonField';
export { labelFields } from './rebase';
