/** One step of Aurora Desk's own schema (`aurora_desk`), applied once, in version order. */
export interface DeskMigration {
  version: number;
  name: string;
  /** Statements run in one transaction. */
  sql: string;
}
