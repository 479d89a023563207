/** One step of Aurora Desk's own schema (`aurora_desk`), applied once, in version order. */
export interface DeskMigration {
  version: number;
  name: string;
  /** Statements run in one transaction. */
  sql: string;
  /**
   * Indexes `sql` creates (IF NOT EXISTS) on the bot's tables. On a large table they are built
   * first without blocking the bot's writes (concurrent-indexes.ts); `sql` stays the fallback.
   */
  botIndexes?: readonly BotIndex[];
}

export interface BotIndex {
  name: string;
  table: string;
  /** What follows `ON table`, e.g. '(user_id, created_at DESC, id DESC)'. */
  definition: string;
  /** A gin trigram index on this column: the operator class's schema is found at build time. */
  trigramColumn?: string;
}
