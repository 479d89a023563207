import type { DeskMigration } from './types.js';

/**
 * Settings changes are audited whether or not a staff identity is set (setting the identity is
 * itself one of them): the actor columns may be empty, meaning "no identity was set".
 */
export const auditWithoutIdentity: DeskMigration = {
  version: 10,
  name: 'audit_without_identity',
  sql: `
    ALTER TABLE aurora_desk.audit_log ALTER COLUMN actor_id DROP NOT NULL;
    ALTER TABLE aurora_desk.audit_log ALTER COLUMN actor_name DROP NOT NULL;
  `,
};
