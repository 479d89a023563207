/**
 * Is this connection allowed to change anything? Asked once per connection so the desk can
 * say "read-only" up front instead of failing on the first click. A role that may write some
 * tables but not others is not read-only: those writes answer 42501, mapped in api/trpc.ts.
 */
import type { AuroraDatabase } from '../core/database.js';

/** The bot's tables Aurora Desk changes (cases, drops, quests, items, balances, inventories). */
export const DESK_WRITTEN_TABLES = [
  'moderation_cases',
  'lootdrops',
  'quests',
  'items',
  'users',
  'transactions',
  'inventory',
  'item_transactions',
  'user_quests',
] as const;

interface PrivilegeRow {
  table_name: string;
  can_insert: boolean;
  can_update: boolean;
}

export async function detectReadOnly(database: AuroraDatabase): Promise<string | null> {
  const mode = await database.query<{ in_recovery: boolean; read_only: string; role: string }>(
    `SELECT pg_is_in_recovery() AS in_recovery,
            current_setting('transaction_read_only') AS read_only,
            current_user AS role`,
  );
  const state = mode.rows[0];
  if (state?.in_recovery) return 'This database is a read-only replica (hot standby): changes must go to the primary.';
  if (state?.read_only === 'on') return `Transactions are read-only for role "${state.role}" (default_transaction_read_only is on).`;

  const { rows } = await database.query<PrivilegeRow>(
    `SELECT t AS table_name,
            has_table_privilege(to_regclass(t), 'INSERT') AS can_insert,
            has_table_privilege(to_regclass(t), 'UPDATE') AS can_update
       FROM unnest($1::text[]) AS t
      WHERE to_regclass(t) IS NOT NULL`,
    [[...DESK_WRITTEN_TABLES]],
  );
  if (rows.length === 0) return null; // no bot tables: the schema report says what is missing
  if (rows.some((r) => r.can_insert || r.can_update)) return null;
  return `Role "${state?.role ?? 'unknown'}" may only read this database (no INSERT or UPDATE on ${rows
    .map((r) => r.table_name)
    .slice(0, 3)
    .join(', ')}${rows.length > 3 ? ', …' : ''}). Ask the database owner for write access, or keep using the desk to look.`;
}
