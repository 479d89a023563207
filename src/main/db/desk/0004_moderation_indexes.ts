import type { DeskMigration } from './types.js';

/**
 * Indexes for the moderation queues at a million cases: each queue and filter reads one index
 * in (created_at DESC, id DESC) order, which is the keyset the list pages on.
 *
 * They sit on the BOT's table, which this role may not own. Each index is created in its own
 * block that swallows insufficient_privilege (and a missing table), so the migration always
 * succeeds and the queries still work, only slower. `moderation.indexes` reports which exist.
 * The trigram index for reason/username search needs pg_trgm: created when the extension is
 * there or this role may create it (PostgreSQL 13+ trusts pg_trgm; PGlite lacks it): fail soft.
 *
 * An owner can re-run the statements below by hand later; they are all IF NOT EXISTS.
 * Built here, they would take a SHARE lock on moderation_cases (bot inserts wait while they
 * build: ~45 s for the trigram ones at 1,000,000 rows); on a large table `botIndexes` has them
 * built CONCURRENTLY first (concurrent-indexes.ts), and these statements find them there.
 */
export const moderationIndexNames = [
  'aurora_desk_mod_cases_active_created',
  'aurora_desk_mod_cases_created',
  'aurora_desk_mod_cases_user_created',
  'aurora_desk_mod_cases_moderator_created',
  'aurora_desk_mod_cases_resolver_created',
  'aurora_desk_mod_cases_claim_created',
  'aurora_desk_mod_cases_type_created',
  'aurora_desk_mod_cases_reason_trgm',
  'aurora_desk_mod_cases_username_trgm',
] as const;

const CLAIM = `(metadata #>> '{aurora_desk,claim,id}')`;

const btree: [name: string, definition: string][] = [
  ['aurora_desk_mod_cases_active_created', '(active, created_at DESC, id DESC)'],
  ['aurora_desk_mod_cases_created', '(created_at DESC, id DESC)'],
  ['aurora_desk_mod_cases_user_created', '(user_id, created_at DESC, id DESC)'],
  ['aurora_desk_mod_cases_moderator_created', '(moderator_id, created_at DESC, id DESC)'],
  ['aurora_desk_mod_cases_resolver_created', '(resolved_by, created_at DESC, id DESC) WHERE resolved_by IS NOT NULL'],
  // #>> never raises on arrays or scalars (it yields NULL), so odd bot metadata cannot make an insert fail.
  ['aurora_desk_mod_cases_claim_created', `(${CLAIM}, created_at DESC, id DESC) WHERE ${CLAIM} IS NOT NULL`],
  ['aurora_desk_mod_cases_type_created', '(type, created_at DESC, id DESC)'],
];

const softly = (statement: string, what: string) => `
    DO $idx$ BEGIN
      ${statement};
    EXCEPTION WHEN insufficient_privilege OR undefined_table THEN
      RAISE NOTICE 'aurora_desk: % skipped (%)', '${what}', SQLERRM;
    END $idx$;`;

export const moderationIndexes: DeskMigration = {
  version: 4,
  name: 'moderation_indexes',
  botIndexes: [
    ...btree.map(([name, definition]) => ({ name, table: 'moderation_cases', definition })),
    { name: 'aurora_desk_mod_cases_reason_trgm', table: 'moderation_cases', definition: '', trigramColumn: 'reason' },
    { name: 'aurora_desk_mod_cases_username_trgm', table: 'moderation_cases', definition: '', trigramColumn: 'username' },
  ],
  sql: `
    ${btree.map(([name, def]) => softly(`CREATE INDEX IF NOT EXISTS ${name} ON moderation_cases ${def}`, name)).join('\n')}

    DO $trgm$ BEGIN
      CREATE EXTENSION IF NOT EXISTS pg_trgm;
    EXCEPTION WHEN OTHERS THEN
      RAISE NOTICE 'aurora_desk: pg_trgm not available (%); reason search scans', SQLERRM;
    END $trgm$;

    DO $trgm_idx$
    DECLARE
      ops_schema text;
    BEGIN
      -- Looked up in the body, not in DECLARE, so a role that may not read pg_opclass
      -- (seen on PGlite) lands in the handler below instead of failing the migration.
      SELECT n.nspname INTO ops_schema FROM pg_opclass c
        JOIN pg_namespace n ON n.oid = c.opcnamespace
        JOIN pg_am am ON am.oid = c.opcmethod
       WHERE c.opcname = 'gin_trgm_ops' AND am.amname = 'gin' LIMIT 1;
      IF ops_schema IS NULL THEN
        RETURN;
      END IF;
      BEGIN
        EXECUTE format('CREATE INDEX IF NOT EXISTS aurora_desk_mod_cases_reason_trgm ON moderation_cases USING gin (reason %I.gin_trgm_ops)', ops_schema);
        EXECUTE format('CREATE INDEX IF NOT EXISTS aurora_desk_mod_cases_username_trgm ON moderation_cases USING gin (username %I.gin_trgm_ops)', ops_schema);
      EXCEPTION WHEN insufficient_privilege OR undefined_table THEN
        RAISE NOTICE 'aurora_desk: trigram indexes skipped (%)', SQLERRM;
      END;
    EXCEPTION WHEN insufficient_privilege THEN
      RAISE NOTICE 'aurora_desk: trigram indexes skipped (%)', SQLERRM;
    END $trgm_idx$;
  `,
};
