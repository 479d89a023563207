import type { DeskMigration } from './types.js';

/**
 * Indexes the plan test (test/integration/scale-plans.test.ts) found missing at scale.
 *
 * The Active and Resolved queues filtered by type: (active, type, created_at DESC, id DESC) reads
 * exactly that queue's cases of that type, newest first. Without it the planner walks the
 * created-order index and filters, and a type the queue never holds (an active softban: the bot
 * resolves softbans at once) reads all 1,000,000 cases (0.8 s on aurora_scale) to answer nothing.
 *
 * Same rules as 0004: it sits on the bot's table, which this role may not own, so the statement
 * runs in a block that skips it on insufficient_privilege, a missing table or a lock it cannot
 * get within lock_timeout (a long bot transaction): the queries still work, only slower, and
 * `moderation.indexes` says it is missing. An owner can re-run the statement later by hand
 * (IF NOT EXISTS); on a large table it is built CONCURRENTLY first (concurrent-indexes.ts).
 */
export const planIndexNames = ['aurora_desk_mod_cases_active_type_created'] as const;

export const planIndexes: DeskMigration = {
  version: 9,
  name: 'plan_indexes',
  botIndexes: [{ name: 'aurora_desk_mod_cases_active_type_created', table: 'moderation_cases', definition: '(active, type, created_at DESC, id DESC)' }],
  sql: `
    DO $idx$ BEGIN
      PERFORM set_config('lock_timeout', '5s', true);
      CREATE INDEX IF NOT EXISTS aurora_desk_mod_cases_active_type_created
        ON moderation_cases (active, type, created_at DESC, id DESC);
    EXCEPTION WHEN insufficient_privilege OR undefined_table OR lock_not_available THEN
      RAISE NOTICE 'aurora_desk: aurora_desk_mod_cases_active_type_created skipped (%)', SQLERRM;
    END $idx$;
  `,
};
