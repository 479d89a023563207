import type { DeskMigration } from './types.js';

/**
 * Lootdrop control.
 *
 * - `lootdrop_spawns`: the drops posted from a desktop (who, the submission's idempotency key,
 *   the claim button's custom_id, the burst slot, what became of the message). Written in the
 *   same transaction as the bot's `lootdrops` row, so a repeated submission finds it.
 * - `lootdrop_cancels`: who cancelled a drop, when, and what happened to its message.
 * - `lootdrop_bursts`: an event burst's plan and progress, so a renderer reload keeps it running
 *   and an app restart can show it as interrupted (the runner's id, machine and heartbeat).
 * - `lootdrop_claims`: WHEN a drop was claimed. The bot's `lootdrops` has no claim time, so a
 *   trigger on it (AFTER UPDATE OF claimed_by) notes the moment the bot writes the claimer.
 *   Rows inserted already claimed (imports, seeds) are not noted: that time would be a lie.
 *   The trigger function is SECURITY DEFINER (it writes as this role, whatever role the bot
 *   uses) and swallows its own errors: it must never make the bot's claim fail. Created softly,
 *   like 0003's live triggers: without the TRIGGER privilege the board works and says claim
 *   times are not measured; an owner can run `SELECT aurora_desk.install_lootdrop_claim_recorder();`.
 * - An index on lootdrops (created_at) for the history's keyset paging (soft, via 0005's helper).
 */
export const LOOTDROP_CLAIM_TRIGGER = 'aurora_desk_lootdrop_claims';

export const lootdropBursts: DeskMigration = {
  version: 7,
  name: 'lootdrop_bursts',
  sql: `
    CREATE TABLE aurora_desk.lootdrop_bursts (
      id bigserial PRIMARY KEY,
      idempotency_key varchar(100) NOT NULL UNIQUE,
      name varchar(100) NOT NULL,
      status varchar(20) NOT NULL CHECK (status IN ('running', 'paused', 'completed', 'cancelled', 'discarded')),
      channel_ids jsonb NOT NULL,
      currency varchar(50) NOT NULL,
      amount_min integer NOT NULL,
      amount_max integer NOT NULL,
      lifetime_seconds integer NOT NULL,
      window_seconds integer NOT NULL,
      spacing varchar(10) NOT NULL,
      plan jsonb NOT NULL,
      total integer NOT NULL,
      elapsed_ms bigint NOT NULL DEFAULT 0,
      segment_started_at timestamptz,
      runner_id varchar(64),
      runner_host varchar(255),
      heartbeat_at timestamptz,
      last_error text,
      created_by_id bigint NOT NULL,
      created_by_name varchar(255) NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_by_id bigint,
      updated_by_name varchar(255),
      updated_at timestamptz NOT NULL DEFAULT now(),
      finished_at timestamptz
    );
    CREATE INDEX aurora_desk_lootdrop_bursts_recent ON aurora_desk.lootdrop_bursts (created_at DESC, id DESC);

    CREATE TABLE aurora_desk.lootdrop_spawns (
      message_id varchar(255) PRIMARY KEY,
      idempotency_key varchar(100) NOT NULL UNIQUE,
      channel_id varchar(255) NOT NULL,
      reward_amount integer NOT NULL,
      currency varchar(50) NOT NULL,
      custom_id varchar(100) NOT NULL,
      spawned_by_id bigint NOT NULL,
      spawned_by_name varchar(255) NOT NULL,
      spawned_at timestamptz NOT NULL DEFAULT now(),
      burst_id bigint REFERENCES aurora_desk.lootdrop_bursts (id) ON DELETE SET NULL,
      burst_seq integer,
      message_state varchar(20) NOT NULL DEFAULT 'posted' CHECK (message_state IN ('posted', 'expired', 'cancelled', 'deleted')),
      message_state_at timestamptz,
      UNIQUE (burst_id, burst_seq)
    );

    CREATE TABLE aurora_desk.lootdrop_cancels (
      message_id varchar(255) PRIMARY KEY,
      cancelled_by_id bigint NOT NULL,
      cancelled_by_name varchar(255) NOT NULL,
      cancelled_at timestamptz NOT NULL DEFAULT now(),
      message_action varchar(20) NOT NULL,
      detail text
    );

    CREATE TABLE aurora_desk.lootdrop_claims (
      message_id varchar(255) PRIMARY KEY,
      claimed_by bigint NOT NULL,
      claimed_at timestamptz NOT NULL
    );

    CREATE FUNCTION aurora_desk.record_lootdrop_claim() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $fn$
    BEGIN
      IF NEW.claimed_by IS NULL OR OLD.claimed_by IS NOT DISTINCT FROM NEW.claimed_by THEN
        RETURN NULL;
      END IF;
      BEGIN
        INSERT INTO aurora_desk.lootdrop_claims (message_id, claimed_by, claimed_at)
        VALUES (NEW.message_id, NEW.claimed_by, clock_timestamp())
        ON CONFLICT (message_id) DO UPDATE SET claimed_by = EXCLUDED.claimed_by, claimed_at = EXCLUDED.claimed_at;
      EXCEPTION WHEN OTHERS THEN
        NULL; -- the claim itself matters more than our note of its time
      END;
      RETURN NULL;
    END
    $fn$;

    CREATE FUNCTION aurora_desk.install_lootdrop_claim_recorder() RETURNS boolean
    LANGUAGE plpgsql AS $fn$
    DECLARE
      rel regclass := to_regclass('lootdrops');
    BEGIN
      IF rel IS NULL THEN
        RETURN false;
      END IF;
      IF NOT EXISTS (SELECT 1 FROM pg_trigger WHERE tgrelid = rel AND tgname = '${LOOTDROP_CLAIM_TRIGGER}') THEN
        EXECUTE format('CREATE TRIGGER ${LOOTDROP_CLAIM_TRIGGER} AFTER UPDATE OF claimed_by ON %s
                        FOR EACH ROW EXECUTE FUNCTION aurora_desk.record_lootdrop_claim()', rel);
      END IF;
      RETURN true;
    EXCEPTION WHEN insufficient_privilege THEN
      RETURN false;
    END
    $fn$;

    COMMENT ON FUNCTION aurora_desk.install_lootdrop_claim_recorder() IS
      'Installs the trigger that notes when the bot records a lootdrop claim (for time-to-claim). Run as the owner of lootdrops (or with GRANT TRIGGER).';

    SELECT aurora_desk.install_lootdrop_claim_recorder();

    DO $idx$ BEGIN
      PERFORM set_config('lock_timeout', '5s', true);
      PERFORM aurora_desk.try_player_index('aurora_desk_lootdrops_created', 'CREATE INDEX IF NOT EXISTS aurora_desk_lootdrops_created ON lootdrops (created_at, message_id)');
    END $idx$;
  `,
};
