/** What the live hub carries: a key, never a whole row (NOTIFY payloads are capped at 8000 bytes). */
export type LiveTable = 'moderation_cases' | 'lootdrops' | 'quests' | 'items' | 'user_quests' | 'users';
export type LiveOperation = 'INSERT' | 'UPDATE' | 'DELETE';

export type LiveEvent =
  /**
   * One row changed; `key` is its primary key, every value a string (bigints exact). In polling
   * mode the hub only knows that the table changed: op is 'UPDATE' and the key is empty, meaning
   * "refetch whatever shows this table". What the hub's sources report; subscribers receive the
   * rows batched as `changes` (main/live/coalesce.ts), and tests may hand one row as this form.
   */
  | { kind: 'change'; table: LiveTable; op: LiveOperation; key: Record<string, string> }
  /**
   * The hub's message: every row of one table that changed within one short window (tens of
   * milliseconds), each row once, in the order they changed. A raid of a thousand inserts a
   * second is a few dozen of these, not a thousand messages.
   */
  | { kind: 'changes'; table: LiveTable; rows: LiveRowChange[] }
  /** Something may have been missed (reconnect, poll gap): refetch everything on screen. */
  | { kind: 'resync'; reason: string }
  | { kind: 'status'; status: LiveStatus };

export interface LiveRowChange {
  op: LiveOperation;
  key: Record<string, string>;
}

/** The rows of one event, whichever form it came in (none for a resync or a status). */
export function liveRows(event: LiveEvent): { table: LiveTable; op: LiveOperation; key: Record<string, string> }[] {
  if (event.kind === 'change') return [event];
  if (event.kind === 'changes') return event.rows.map((row) => ({ table: event.table, ...row }));
  return [];
}

export type LiveMode = 'live' | 'polling' | 'offline';

export interface LiveStatus {
  mode: LiveMode;
  since: Date;
  /** Why polling or offline, in words for the status bar. */
  reason?: string;
}
