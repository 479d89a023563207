/** The current queue and filters as CSV, read in keyset batches up to CSV_EXPORT_CAP rows. */
import { CSV_EXPORT_CAP, type CaseExport, type CaseFilters, type ModerationQueue } from '@shared/domain/moderation.js';
import type { StaffIdentity } from '@shared/identity.js';
import type { AuroraDatabase } from '../../core/database.js';
import { ERRORS } from '../../core/errors.js';
import { buildCaseListQuery, EXPORT_COLUMNS, makeCursor } from './queue-sql.js';
import { toDate, type CaseRow } from './rows.js';

/** A CSV row: the case with its full texts. */
interface ExportRow extends CaseRow {
  reason: string | null;
  resolved_reason: string | null;
  claimed_by: string | null;
}

const HEADER = [
  'case_id', 'type', 'user_id', 'username', 'moderator_id', 'moderator_name', 'reason', 'active',
  'created_at', 'resolved_at', 'resolved_by', 'resolved_reason', 'claimed_by', 'notes',
];

/**
 * One CSV field. Text from Discord users that starts like a formula (= + - @, tab, CR) gets a
 * leading apostrophe, so a spreadsheet shows it instead of running it. IDs are written as text.
 */
export function csvField(value: string | number | boolean | null): string {
  if (value === null) return '';
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}

const iso = (value: Date | string | null) => (value === null ? null : toDate(value).toISOString());

const BATCH = 2_000;

export async function exportCases(
  database: AuroraDatabase,
  actor: StaffIdentity | null,
  request: { queue: ModerationQueue; filters: CaseFilters },
  cap = CSV_EXPORT_CAP,
): Promise<CaseExport> {
  if (request.queue === 'mine' && !actor) throw ERRORS.identityMissing();
  const lines = [HEADER.join(',')];
  let cursor: string | null = null;
  let rows = 0;
  let more = true;
  while (more && rows < cap) {
    const fetch = Math.min(BATCH, cap - rows) + 1;
    const query = buildCaseListQuery({ ...request, cursor, fetch, actorId: actor?.id ?? null, columns: EXPORT_COLUMNS });
    const result = await database.query<ExportRow>(query.text, query.params);
    const batch = result.rows.slice(0, fetch - 1);
    more = result.rows.length === fetch;
    for (const r of batch) {
      lines.push(
        [
          r.case_id, r.type, r.user_id, r.username, r.moderator_id, r.moderator_name, r.reason, r.active,
          iso(r.created_at_utc), iso(r.resolved_at_utc), r.resolved_by, r.resolved_reason, r.claimed_by, Number(r.note_count),
        ]
          .map(csvField)
          .join(','),
      );
    }
    rows += batch.length;
    const last = batch.at(-1);
    cursor = last ? makeCursor(last.created_key, last.id) : null;
    if (!last) more = false;
  }
  const truncated = more;
  return {
    csv: `${lines.join('\r\n')}\r\n`,
    rows,
    truncated,
    message: truncated
      ? `Only the newest ${cap.toLocaleString('en-US')} cases were exported. Narrow the filters (dates, type, moderator) to export the rest.`
      : null,
  };
}
