/** The audit log as the Settings screen reads it. */
import { and, desc, eq, ilike, lt, or, type SQL } from 'drizzle-orm';
import type { AuditEntry, AuditFilter } from '@shared/domain/audit.js';
import type { AuroraDatabase } from '../../core/database.js';
import { likePattern } from '../../core/sql.js';
import { auditLog } from '../../db/desk/tables.js';

/** Newest first, keyset-paged on (at, id). */
export async function listStaffActions(database: AuroraDatabase, filter: AuditFilter): Promise<{ entries: AuditEntry[]; nextCursor: bigint | null }> {
  const where: (SQL | undefined)[] = [];
  if (filter.actorId) where.push(eq(auditLog.actorId, filter.actorId));
  if (filter.outcome) where.push(eq(auditLog.outcome, filter.outcome));
  if (filter.procedure) where.push(ilike(auditLog.procedure, likePattern(filter.procedure)));
  if (filter.search) {
    const like = likePattern(filter.search);
    where.push(or(ilike(auditLog.actorName, like), ilike(auditLog.procedure, like), ilike(auditLog.errorMessage, like)));
  }
  if (filter.cursor) where.push(lt(auditLog.id, filter.cursor));
  const rows = await database.db
    .select()
    .from(auditLog)
    .where(and(...where))
    .orderBy(desc(auditLog.id))
    .limit(filter.limit + 1);
  const entries = rows.slice(0, filter.limit).map((r) => ({ ...r, input: r.input as unknown }));
  return { entries, nextCursor: rows.length > filter.limit ? (entries.at(-1)?.id ?? null) : null };
}
