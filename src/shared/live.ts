/** What the live hub carries: a key, never a whole row (NOTIFY payloads are capped at 8000 bytes). */
export type LiveTable = 'moderation_cases' | 'lootdrops' | 'quests' | 'items' | 'user_quests' | 'users';
export type LiveOperation = 'INSERT' | 'UPDATE' | 'DELETE';

export type LiveEvent =
  /**
   * One row changed; `key` is its primary key, every value a string (bigints exact). In polling
   * mode the hub only knows that the table changed: op is 'UPDATE' and the key is empty, meaning
   * "refetch whatever shows this table".
   */
  | { kind: 'change'; table: LiveTable; op: LiveOperation; key: Record<string, string> }
  /** Something may have been missed (reconnect, poll gap): refetch everything on screen. */
  | { kind: 'resync'; reason: string }
  | { kind: 'status'; status: LiveStatus };

export type LiveMode = 'live' | 'polling' | 'offline';

export interface LiveStatus {
  mode: LiveMode;
  since: Date;
  /** Why polling or offline, in words for the status bar. */
  reason?: string;
}
