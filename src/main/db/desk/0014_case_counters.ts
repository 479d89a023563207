import type { DeskMigration } from './types.js';

/**
 * Exact queue counts at constant cost: how many cases there are per (type, active), kept by the
 * bot's own writes instead of recounted by the desk.
 *
 * - `case_counts` is append-only: each statement on moderation_cases adds one row per (type,
 *   active) it changed, with the difference (+3, -1…). The count is the sum of the rows, and the
 *   desk folds them into one row per group now and then. Appending never waits on another
 *   writer: a counter row updated in place would make every INSERT of the same type wait for the
 *   one before it to commit.
 * - The triggers are statement-level with transition tables, so a bulk INSERT of a thousand cases
 *   adds a handful of rows, not a thousand. Transition tables allow one event per trigger: three
 *   triggers (insert, update, delete), and a fourth that marks the counts for a rebuild on TRUNCATE.
 * - `case_count_state.reconciled_at`: when the counts were last rebuilt from the table (NULL:
 *   never, or a TRUNCATE since). The desk rebuilds them when it finds them so.
 * - The trigger function is SECURITY DEFINER (it writes as this role, whatever role the bot uses)
 *   and only appends to a table without constraints that this role owns, so it fails only where
 *   the bot's own write would. It catches nothing on purpose: an EXCEPTION block is a
 *   subtransaction per statement, and a bot transaction of many statements would overflow the
 *   server's subtransaction cache and slow every session.
 * - Without the TRIGGER privilege the migration still succeeds; the desk then counts as before,
 *   reusing a count for a few seconds on large tables. An owner can run
 *   `SELECT aurora_desk.install_case_counters();` later.
 */
export const CASE_COUNT_TRIGGERS = {
  insert: 'aurora_desk_case_counts_ins',
  update: 'aurora_desk_case_counts_upd',
  delete: 'aurora_desk_case_counts_del',
  truncate: 'aurora_desk_case_counts_trunc',
} as const;

export const caseCounters: DeskMigration = {
  version: 14,
  name: 'case_counters',
  sql: `
    CREATE TABLE aurora_desk.case_counts (
      type varchar(20),
      active boolean,
      n bigint NOT NULL
    );

    CREATE TABLE aurora_desk.case_count_state (
      singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
      reconciled_at timestamptz,
      detail text
    );
    INSERT INTO aurora_desk.case_count_state (singleton) VALUES (true);

    CREATE FUNCTION aurora_desk.count_case_changes() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $fn$
    BEGIN
      IF TG_OP = 'INSERT' THEN
        INSERT INTO aurora_desk.case_counts (type, active, n)
        SELECT type, active, count(*) FROM new_cases GROUP BY type, active;
      ELSIF TG_OP = 'DELETE' THEN
        INSERT INTO aurora_desk.case_counts (type, active, n)
        SELECT type, active, -count(*) FROM old_cases GROUP BY type, active;
      ELSIF TG_OP = 'UPDATE' THEN
        -- Most updates (a reason, a note) move no case between groups: nothing to add.
        INSERT INTO aurora_desk.case_counts (type, active, n)
        SELECT type, active, sum(d) FROM (
          SELECT type, active, 1 AS d FROM new_cases
          UNION ALL
          SELECT type, active, -1 AS d FROM old_cases
        ) moved GROUP BY type, active HAVING sum(d) <> 0;
      ELSE
        UPDATE aurora_desk.case_count_state SET reconciled_at = NULL, detail = 'the table was truncated';
      END IF;
      RETURN NULL;
    END
    $fn$;

    CREATE FUNCTION aurora_desk.install_case_counters() RETURNS boolean
    LANGUAGE plpgsql AS $fn$
    DECLARE
      rel regclass := to_regclass('moderation_cases');
      outcome text := 'installed';
      missing integer;
    BEGIN
      IF rel IS NULL THEN
        outcome := 'table not found';
      ELSE
        -- Counts kept while a trigger was missing are not to be trusted: a new trigger means a rebuild.
        SELECT 4 - count(*) INTO missing FROM pg_trigger WHERE tgrelid = rel AND tgname LIKE 'aurora_desk_case_counts_%';
        BEGIN
          IF NOT EXISTS (SELECT 1 FROM pg_trigger WHERE tgrelid = rel AND tgname = '${CASE_COUNT_TRIGGERS.insert}') THEN
            EXECUTE format('CREATE TRIGGER ${CASE_COUNT_TRIGGERS.insert} AFTER INSERT ON %s REFERENCING NEW TABLE AS new_cases
                            FOR EACH STATEMENT EXECUTE FUNCTION aurora_desk.count_case_changes()', rel);
          END IF;
          IF NOT EXISTS (SELECT 1 FROM pg_trigger WHERE tgrelid = rel AND tgname = '${CASE_COUNT_TRIGGERS.update}') THEN
            EXECUTE format('CREATE TRIGGER ${CASE_COUNT_TRIGGERS.update} AFTER UPDATE ON %s REFERENCING OLD TABLE AS old_cases NEW TABLE AS new_cases
                            FOR EACH STATEMENT EXECUTE FUNCTION aurora_desk.count_case_changes()', rel);
          END IF;
          IF NOT EXISTS (SELECT 1 FROM pg_trigger WHERE tgrelid = rel AND tgname = '${CASE_COUNT_TRIGGERS.delete}') THEN
            EXECUTE format('CREATE TRIGGER ${CASE_COUNT_TRIGGERS.delete} AFTER DELETE ON %s REFERENCING OLD TABLE AS old_cases
                            FOR EACH STATEMENT EXECUTE FUNCTION aurora_desk.count_case_changes()', rel);
          END IF;
          IF NOT EXISTS (SELECT 1 FROM pg_trigger WHERE tgrelid = rel AND tgname = '${CASE_COUNT_TRIGGERS.truncate}') THEN
            EXECUTE format('CREATE TRIGGER ${CASE_COUNT_TRIGGERS.truncate} AFTER TRUNCATE ON %s
                            FOR EACH STATEMENT EXECUTE FUNCTION aurora_desk.count_case_changes()', rel);
          END IF;
        EXCEPTION WHEN insufficient_privilege THEN
          outcome := 'permission denied: ' || SQLERRM;
        END;
      END IF;
      UPDATE aurora_desk.case_count_state
         SET detail = outcome, reconciled_at = CASE WHEN outcome = 'installed' AND missing = 0 THEN reconciled_at END;
      RETURN outcome = 'installed';
    END
    $fn$;

    COMMENT ON FUNCTION aurora_desk.install_case_counters() IS
      'Installs the triggers that keep exact moderation queue counts. Run as the owner of moderation_cases (or with GRANT TRIGGER) when the desk says its counts are reused.';

    SELECT aurora_desk.install_case_counters();
  `,
};
