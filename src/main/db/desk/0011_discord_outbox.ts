import type { DeskMigration } from './types.js';

/**
 * The Discord outbox, and what Discord did on the audit row.
 *
 * `discord_outbox` holds each Discord action the desk asks for (ban, unban, timeout, clear a
 * timeout, kick) from the moment it is decided: the row is written pending in the transaction
 * that changes the case, the call is made after that transaction commits, and the outcome is
 * written back (ok, failed with Discord's error kind and message, or unknown). A desk that stops
 * in between leaves the row pending, and the next desk to start asks Discord what is true.
 * `subject`/`subject_id` name what the action was for ('moderation_case' and the case's row id;
 * no foreign key: the bot owns moderation_cases and may delete from it).
 *
 * `audit_log.discord_outcome` (jsonb, one entry per outbox row of the write, keyed by its id) says
 * on the staff action's own audit row whether Discord carried it out.
 *
 * No soft path inside the step: the column and the table come together or not at all, so a desk
 * that finds the outbox may also write the column. Where the role may not create them, the step
 * fails like any other (migrateDesk reports the desk objects unavailable) and moderation still
 * works, keeping its record of Discord in the case's metadata only.
 */
export const discordOutbox: DeskMigration = {
  version: 11,
  name: 'discord_outbox',
  sql: `
    ALTER TABLE aurora_desk.audit_log ADD COLUMN IF NOT EXISTS discord_outcome jsonb;

    CREATE TABLE aurora_desk.discord_outbox (
      id bigserial PRIMARY KEY,
      subject varchar(40) NOT NULL,
      subject_id bigint NOT NULL,
      subject_label varchar(100),
      action varchar(20) NOT NULL CHECK (action IN ('timeout', 'clear-timeout', 'kick', 'ban', 'unban')),
      guild_id bigint NOT NULL,
      user_id bigint NOT NULL,
      reason text NOT NULL,
      until timestamptz,
      delete_message_seconds integer,
      actor_id bigint NOT NULL,
      actor_name varchar(255) NOT NULL,
      audit_id bigint REFERENCES aurora_desk.audit_log (id) ON DELETE SET NULL,
      run_id varchar(64) NOT NULL,
      run_host varchar(255) NOT NULL,
      requested_at timestamptz NOT NULL DEFAULT now(),
      state varchar(20) NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'ok', 'failed', 'unknown', 'retried')),
      learned_by varchar(10) CHECK (learned_by IN ('answer', 'check')),
      error_kind varchar(40),
      error_message text,
      settled_at timestamptz,
      retried_by bigint REFERENCES aurora_desk.discord_outbox (id) ON DELETE SET NULL
    );
    -- What the start-up reconcile reads: the rows still waiting for an outcome.
    CREATE INDEX aurora_desk_discord_outbox_unsettled ON aurora_desk.discord_outbox (requested_at, id)
      WHERE state IN ('pending', 'unknown');
    CREATE INDEX aurora_desk_discord_outbox_subject ON aurora_desk.discord_outbox (subject, subject_id, id DESC);
  `,
};
