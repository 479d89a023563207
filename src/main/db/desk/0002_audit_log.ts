import type { DeskMigration } from './types.js';

/** Who did what from a desktop: every write procedure leaves one row, success or failure. */
export const auditLog: DeskMigration = {
  version: 2,
  name: 'audit_log',
  sql: `
    CREATE TABLE aurora_desk.audit_log (
      id bigserial PRIMARY KEY,
      at timestamptz NOT NULL DEFAULT now(),
      actor_id bigint NOT NULL,
      actor_name varchar(255) NOT NULL,
      procedure varchar(120) NOT NULL,
      input jsonb NOT NULL DEFAULT '{}'::jsonb,
      outcome varchar(20) NOT NULL,
      error_code varchar(40),
      error_message text,
      duration_ms integer NOT NULL DEFAULT 0
    );
    CREATE INDEX aurora_desk_audit_log_at ON aurora_desk.audit_log (at DESC, id DESC);
    CREATE INDEX aurora_desk_audit_log_actor ON aurora_desk.audit_log (actor_id, at DESC);
  `,
};
