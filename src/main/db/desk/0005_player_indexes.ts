import type { DeskMigration } from './types.js';

/**
 * Indexes that keep the Players and Economy screens fast at 200,000 players and millions of
 * ledger rows. They sit on the BOT's tables (an index must live beside its table), named
 * `aurora_desk_*` so everyone can tell whose they are; they change no column, constraint or row.
 *
 * Fail soft, one index at a time: creating an index needs ownership of the table, and pg_trgm
 * needs CREATE on the database (it is a trusted extension). Each step runs in its own
 * exception block inside `aurora_desk.install_player_indexes()`, so a refusal skips that index
 * (the screens still work, only slower) and never takes the migration down. What happened is
 * left in `aurora_desk.index_setup`. An owner can re-run it later, idempotently:
 * `SELECT aurora_desk.install_player_indexes();`
 *
 * A plain CREATE INDEX blocks writes to its table while it builds (CONCURRENTLY cannot run inside
 * the migration's transaction). lock_timeout keeps us from queueing behind a long bot
 * transaction, which would stall every bot write behind us; on a large table `botIndexes` has
 * them built CONCURRENTLY first (concurrent-indexes.ts) and these statements find them there.
 *
 * The profile's moderation summary uses 0004's aurora_desk_mod_cases_user_created (user_id, …).
 * Deliberately NOT indexed: users.balance (top holders is a top-N over one table; an index on a
 * column the bot updates constantly would cost it its HOT updates).
 */
const steps: { name: string; sql: string }[] = [
  // Search order and keyset paging: ORDER BY lower(username), id; also exact-name lookups.
  { name: 'aurora_desk_users_username_lower', sql: 'CREATE INDEX IF NOT EXISTS aurora_desk_users_username_lower ON users (lower(username), id)' },
  // A player's ledgers, newest first (keyset on id).
  { name: 'aurora_desk_transactions_user', sql: 'CREATE INDEX IF NOT EXISTS aurora_desk_transactions_user ON transactions (user_id, id)' },
  { name: 'aurora_desk_item_transactions_user', sql: 'CREATE INDEX IF NOT EXISTS aurora_desk_item_transactions_user ON item_transactions (user_id, id)' },
  // The economy chart's window (last N days), answered from the index alone (type, amount included).
  {
    name: 'aurora_desk_transactions_created_at',
    sql: 'CREATE INDEX IF NOT EXISTS aurora_desk_transactions_created_at ON transactions (created_at) INCLUDE (type, amount)',
  },
];

const quote = (text: string) => `'${text.replace(/'/g, "''")}'`;

const stepCalls = steps
  .map((step) => `    outcome := outcome || aurora_desk.try_player_index(${quote(step.name)}, ${quote(step.sql)});`)
  .join('\n');

/** 'CREATE INDEX IF NOT EXISTS name ON table (…)' -> the parts concurrent-indexes.ts builds from. */
const CREATE = /^CREATE INDEX IF NOT EXISTS (\w+) ON (\w+) (.+)$/;

export const playerIndexes: DeskMigration = {
  version: 5,
  name: 'player_indexes',
  botIndexes: [
    ...steps.map((step) => {
      const [, name, table, definition] = CREATE.exec(step.sql) ?? [];
      if (name !== step.name || !table || !definition) throw new Error(`0005: cannot read ${step.name}`);
      return { name, table, definition };
    }),
    { name: 'aurora_desk_users_username_trgm', table: 'users', definition: '', trigramColumn: 'username' },
  ],
  sql: `
    CREATE TABLE IF NOT EXISTS aurora_desk.index_setup (
      name text PRIMARY KEY,
      outcome varchar(20) NOT NULL,
      detail text,
      at timestamptz NOT NULL DEFAULT now()
    );

    CREATE OR REPLACE FUNCTION aurora_desk.try_player_index(index_name text, statement text) RETURNS text
    LANGUAGE plpgsql AS $fn$
    DECLARE
      result text := 'created';
      why text;
    BEGIN
      BEGIN
        EXECUTE statement;
      EXCEPTION WHEN OTHERS THEN
        -- insufficient_privilege, lock_not_available, a missing extension ...: skip this one.
        GET STACKED DIAGNOSTICS why = MESSAGE_TEXT;
        result := 'skipped';
      END;
      INSERT INTO aurora_desk.index_setup (name, outcome, detail, at) VALUES (index_name, result, why, now())
        ON CONFLICT (name) DO UPDATE SET outcome = EXCLUDED.outcome, detail = EXCLUDED.detail, at = EXCLUDED.at;
      RETURN index_name || ': ' || result;
    END
    $fn$;

    CREATE OR REPLACE FUNCTION aurora_desk.install_player_indexes() RETURNS text[]
    LANGUAGE plpgsql AS $fn$
    DECLARE
      outcome text[] := '{}';
      trgm_schema text;
    BEGIN
      PERFORM set_config('lock_timeout', '5s', true);
${stepCalls}
      -- Username fragments: a trigram index serves ILIKE '%frag%' (3+ characters).
      BEGIN
        CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA aurora_desk;
      EXCEPTION WHEN OTHERS THEN
        NULL; -- not installable here (embedded PGlite, or no CREATE right): searched by scan.
      END;
      SELECT n.nspname INTO trgm_schema FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace WHERE e.extname = 'pg_trgm';
      IF trgm_schema IS NULL THEN
        INSERT INTO aurora_desk.index_setup (name, outcome, detail) VALUES ('aurora_desk_users_username_trgm', 'skipped', 'pg_trgm is not available to this role')
          ON CONFLICT (name) DO UPDATE SET outcome = EXCLUDED.outcome, detail = EXCLUDED.detail, at = now();
        outcome := outcome || 'aurora_desk_users_username_trgm: skipped'::text;
      ELSE
        outcome := outcome || aurora_desk.try_player_index('aurora_desk_users_username_trgm',
          format('CREATE INDEX IF NOT EXISTS aurora_desk_users_username_trgm ON users USING gin (username %I.gin_trgm_ops)', trgm_schema));
      END IF;
      RETURN outcome;
    END
    $fn$;

    SELECT aurora_desk.install_player_indexes();
  `,
};
