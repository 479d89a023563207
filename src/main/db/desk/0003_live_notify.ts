import type { DeskMigration } from './types.js';

/**
 * Live updates: a row trigger on each table the desk shows calls pg_notify with the table, the
 * operation and the primary key (never the row: NOTIFY payloads are capped at 8000 bytes).
 * Bigint keys travel as JSON strings, so a snowflake never meets a JS number.
 *
 * The triggers sit on the BOT's tables, which this role may not own. Creating them needs
 * ownership or the TRIGGER privilege; without it this step must not take the rest of aurora_desk
 * (audit log, later migrations) down with it. So the trigger creation lives in
 * `aurora_desk.install_live_triggers()`, which this migration calls inside a block that catches
 * insufficient_privilege: the migration always succeeds, and the live hub finds out from
 * pg_trigger whether the triggers exist (polling otherwise). The refusal is also left in
 * `aurora_desk.live_setup` for whoever inspects the database.
 *
 * Later, an owner (or a role granted `GRANT TRIGGER ON <table>`) can install them with
 * `SELECT aurora_desk.install_live_triggers();` (idempotent); the hub notices within its check
 * interval and switches from polling to live.
 */
export const LIVE_CHANNEL = 'aurora_desk_changes';
export const LIVE_TRIGGER_NAME = 'aurora_desk_notify';
export const LIVE_TRUNCATE_TRIGGER_NAME = 'aurora_desk_notify_truncate';

/** Table -> its primary key columns, in the order the key object is built. */
export const liveTableKeys = {
  moderation_cases: ['id', 'case_id'],
  lootdrops: ['message_id'],
  quests: ['id'],
  items: ['id'],
  user_quests: ['user_id', 'quest_id'],
  users: ['id'],
} as const;

const sqlList = (values: readonly string[]) => values.map((v) => `'${v}'`).join(', ');

const installCalls = Object.entries(liveTableKeys)
  .map(([table, keys]) => `    installed := installed + aurora_desk.install_live_trigger('${table}', ARRAY[${sqlList(keys)}]);`)
  .join('\n');

export const liveNotify: DeskMigration = {
  version: 3,
  name: 'live_notify',
  sql: `
    CREATE FUNCTION aurora_desk.notify_change() RETURNS trigger
    LANGUAGE plpgsql AS $fn$
    DECLARE
      row_json jsonb;
      key jsonb := '{}'::jsonb;
      col text;
    BEGIN
      IF TG_LEVEL = 'STATEMENT' THEN
        -- TRUNCATE: no rows to name; the hub turns it into a resync.
        PERFORM pg_notify('${LIVE_CHANNEL}', json_build_object('t', TG_TABLE_NAME, 'op', TG_OP, 'k', '{}'::json)::text);
        RETURN NULL;
      END IF;
      IF TG_OP = 'DELETE' THEN row_json := to_jsonb(OLD); ELSE row_json := to_jsonb(NEW); END IF;
      -- The key columns come as trigger arguments, so one function serves every table.
      -- ->> renders a bigint as its exact decimal text: the payload carries strings only.
      FOREACH col IN ARRAY TG_ARGV LOOP
        key := key || jsonb_build_object(col, row_json ->> col);
      END LOOP;
      PERFORM pg_notify('${LIVE_CHANNEL}', json_build_object('t', TG_TABLE_NAME, 'op', TG_OP, 'k', key)::text);
      RETURN NULL;
    END
    $fn$;

    CREATE TABLE aurora_desk.live_setup (
      table_name text PRIMARY KEY,
      installed boolean NOT NULL,
      detail text,
      checked_at timestamptz NOT NULL DEFAULT now()
    );

    -- One table; 1 when its triggers exist afterwards, 0 when this role may not create them
    -- (or the table is missing). Never drops anything: DROP TRIGGER would need ownership even
    -- where the TRIGGER privilege suffices to create.
    CREATE FUNCTION aurora_desk.install_live_trigger(target text, key_columns text[]) RETURNS integer
    LANGUAGE plpgsql AS $fn$
    DECLARE
      rel regclass := to_regclass(quote_ident(target));
      args text := (SELECT string_agg(quote_literal(c), ', ') FROM unnest(key_columns) AS c);
      outcome text := 'installed';
    BEGIN
      IF rel IS NULL THEN
        outcome := 'table not found';
      ELSE
        BEGIN
          IF NOT EXISTS (SELECT 1 FROM pg_trigger WHERE tgrelid = rel AND tgname = '${LIVE_TRIGGER_NAME}') THEN
            EXECUTE format('CREATE TRIGGER ${LIVE_TRIGGER_NAME} AFTER INSERT OR UPDATE OR DELETE ON %s
                            FOR EACH ROW EXECUTE FUNCTION aurora_desk.notify_change(%s)', rel, args);
          END IF;
          IF NOT EXISTS (SELECT 1 FROM pg_trigger WHERE tgrelid = rel AND tgname = '${LIVE_TRUNCATE_TRIGGER_NAME}') THEN
            EXECUTE format('CREATE TRIGGER ${LIVE_TRUNCATE_TRIGGER_NAME} AFTER TRUNCATE ON %s
                            FOR EACH STATEMENT EXECUTE FUNCTION aurora_desk.notify_change()', rel);
          END IF;
        EXCEPTION WHEN insufficient_privilege THEN
          outcome := 'permission denied: ' || SQLERRM;
        END;
      END IF;
      INSERT INTO aurora_desk.live_setup (table_name, installed, detail, checked_at)
      VALUES (target, outcome = 'installed', outcome, now())
      ON CONFLICT (table_name) DO UPDATE
        SET installed = EXCLUDED.installed, detail = EXCLUDED.detail, checked_at = EXCLUDED.checked_at;
      RETURN CASE WHEN outcome = 'installed' THEN 1 ELSE 0 END;
    END
    $fn$;

    CREATE FUNCTION aurora_desk.install_live_triggers() RETURNS integer
    LANGUAGE plpgsql AS $fn$
    DECLARE
      installed integer := 0;
    BEGIN
${installCalls}
      RETURN installed;
    END
    $fn$;

    COMMENT ON FUNCTION aurora_desk.install_live_triggers() IS
      'Installs the live-update triggers on the bot tables Aurora Desk shows. Run as the table owner (or with GRANT TRIGGER) when the desk reports polling. Returns how many tables have them.';

    SELECT aurora_desk.install_live_triggers();
  `,
};
