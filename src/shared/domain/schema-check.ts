/**
 * What the schema check (src/main/db/check.ts) finds when it compares a live Aurora database
 * with the shape Aurora Desk expects. Types only: the renderer shows the report, the main side
 * produces it.
 */

/**
 * error: Aurora Desk would misbehave (a table, column, key, unique or check it relies on).
 * warning: our guess differs (nullability, defaults, ON DELETE); the bot may be right and the app still works.
 * info: something extra the bot has and we do not use.
 */
export type SchemaSeverity = 'error' | 'warning' | 'info';

export type SchemaDifferenceKind =
  | 'missing-table'
  | 'missing-column'
  | 'type'
  | 'length'
  | 'nullability'
  | 'default'
  | 'missing-primary-key'
  | 'primary-key'
  | 'missing-foreign-key'
  | 'foreign-key'
  | 'foreign-key-action'
  | 'missing-unique'
  | 'missing-check'
  | 'check'
  | 'extra-table'
  | 'extra-column'
  | 'extra-foreign-key'
  | 'extra-unique'
  | 'extra-check';

export interface SchemaDifference {
  severity: SchemaSeverity;
  table: string;
  column?: string;
  kind: SchemaDifferenceKind | (string & {});
  expected?: string;
  actual?: string;
  message: string;
}

export interface SchemaReport {
  /** True when none of the differences is an error (and the database is not empty). */
  ok: boolean;
  /** None of the bot's tables exists: the schema may be created here. */
  empty: boolean;
  differences: SchemaDifference[];
  checkedAt: Date;
}
