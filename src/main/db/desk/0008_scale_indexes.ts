import type { DeskMigration } from './types.js';

/**
 * What the screens bench (test/bench/screens.ts) found slow at production scale, beyond the queues.
 *
 * - `aurora_desk_lootdrop_claims_recent`, on our own claims table: the board's "recently
 *   claimed" list takes the latest recorded claims straight off it (lootdrops/board.ts) instead
 *   of sorting every claimed drop.
 * - `aurora_desk_transactions_day`, extended statistics (not an index) on the bot's
 *   `transactions`: how many distinct UTC days there are. Without them the planner takes every
 *   row of the economy chart's window for its own group, so it sorts the window (a year at
 *   scale: 100,000 rows, spilled to disk) instead of hashing a few hundred day × type groups.
 *   They are filled by the ANALYZE that follows (autovacuum would, after 10 % of the table changed);
 *   ANALYZE reads a sample and blocks no reads or writes.
 *
 * On the bot's table this role may not own, so through 0005's `aurora_desk.try_player_index`:
 * refused, it is skipped and noted in `aurora_desk.index_setup`, and the chart still works, only
 * slower. An owner can re-run the statements by hand later; they are all IF NOT EXISTS.
 */
export const scaleIndexNames = ['aurora_desk_lootdrop_claims_recent', 'aurora_desk_transactions_day'] as const;

export const scaleIndexes: DeskMigration = {
  version: 8,
  name: 'scale_indexes',
  sql: `
    CREATE INDEX IF NOT EXISTS aurora_desk_lootdrop_claims_recent ON aurora_desk.lootdrop_claims (claimed_at DESC, message_id DESC);

    DO $idx$ BEGIN
      PERFORM set_config('lock_timeout', '5s', true);
      PERFORM aurora_desk.try_player_index('aurora_desk_transactions_day',
        'CREATE STATISTICS IF NOT EXISTS aurora_desk_transactions_day ON (date_trunc(''day'', created_at)) FROM transactions');
      BEGIN
        IF EXISTS (SELECT 1 FROM pg_statistic_ext WHERE stxname = 'aurora_desk_transactions_day' AND stxnamespace = current_schema()::regnamespace) THEN
          ANALYZE transactions;
        END IF;
      EXCEPTION WHEN OTHERS THEN
        NULL; -- autovacuum's next ANALYZE fills them in
      END;
    END $idx$;
  `,
};
