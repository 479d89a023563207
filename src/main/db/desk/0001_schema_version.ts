import type { DeskMigration } from './types.js';

// The version table itself is created by the runner before any migration (it has to exist to
// record this one); this first step only documents the schema for people browsing it.
export const schemaVersion: DeskMigration = {
  version: 1,
  name: 'schema_version',
  sql: `COMMENT ON SCHEMA aurora_desk IS 'Objects owned by Aurora Desk (the staff app). The Aurora bot never reads them.';`,
};
