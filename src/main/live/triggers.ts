/**
 * Whether the notify triggers are in place on every table the desk shows. pg_trigger is the
 * truth (not the migration record): an owner may drop them, disable them, or install them later.
 */
import { LIVE_TRIGGER_NAME, liveTableKeys } from '../db/desk/0003_live_notify.js';
import type { LiveTable } from './types.js';

export type QueryFn = <Row>(text: string, params?: unknown[]) => Promise<{ rows: Row[] }>;

export const liveTables = Object.keys(liveTableKeys) as LiveTable[];

export interface TriggerState {
  /** Every table exists and carries an enabled aurora_desk notify trigger. */
  complete: boolean;
  missing: LiveTable[];
  /** Why, in words for the status bar (empty when complete). */
  reason: string;
}

export async function checkLiveTriggers(query: QueryFn): Promise<TriggerState> {
  const { rows } = await query<{ table_name: LiveTable; has_trigger: boolean }>(
    `SELECT n.name AS table_name,
            EXISTS (SELECT 1 FROM pg_trigger t
                     WHERE t.tgrelid = to_regclass(n.name)
                       AND t.tgname = $2
                       AND t.tgenabled <> 'D'
                       AND t.tgfoid = to_regproc('aurora_desk.notify_change')) AS has_trigger
       FROM unnest($1::text[]) AS n(name)`,
    [liveTables, LIVE_TRIGGER_NAME],
  );
  const missing = rows.filter((r) => !r.has_trigger).map((r) => r.table_name);
  if (missing.length === 0) return { complete: true, missing, reason: '' };
  const detail = await setupDetail(query, missing);
  return {
    complete: false,
    missing,
    reason: `Live triggers are missing on ${missing.join(', ')}${detail ? ` (${detail})` : ''}.`,
  };
}

/** What the migration recorded when it could not install them (permission denied, ...). */
async function setupDetail(query: QueryFn, missing: LiveTable[]): Promise<string> {
  try {
    const { rows } = await query<{ exists: boolean }>(`SELECT to_regclass('aurora_desk.live_setup') IS NOT NULL AS exists`);
    if (!rows[0]?.exists) return 'Aurora Desk could not create its own schema objects';
    const recorded = await query<{ detail: string | null }>(
      `SELECT detail FROM aurora_desk.live_setup
        WHERE table_name = ANY($1::text[]) AND NOT installed ORDER BY checked_at DESC LIMIT 1`,
      [missing],
    );
    return recorded.rows[0]?.detail ?? 'they were removed after installation';
  } catch {
    return '';
  }
}
