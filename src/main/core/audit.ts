import { and, desc, eq, ilike, lt, or, type SQL } from 'drizzle-orm';
import type { AuditFilter, AuditEntry } from '@shared/domain/audit.js';
import type { StaffIdentity } from '@shared/identity.js';
import { auditLog } from '../db/desk/tables.js';
import type { AuroraDb } from './database.js';

const SECRET_KEY = /token|password|secret|passphrase|authorization/i;
const MAX_STRING = 200;

/** A loggable copy of a procedure input: secrets replaced, long text cut, bigint as string. */
export function summariseInput(value: unknown, depth = 0): unknown {
  if (depth > 4) return '…';
  if (typeof value === 'bigint') return value.toString();
  if (typeof value === 'string') return value.length > MAX_STRING ? `${value.slice(0, MAX_STRING)}… (${value.length} chars)` : value;
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) {
    const head = value.slice(0, 20).map((v) => summariseInput(v, depth + 1));
    return value.length > 20 ? [...head, `… ${value.length - 20} more`] : head;
  }
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, v] of Object.entries(value)) {
      out[key] = SECRET_KEY.test(key) ? (v ? '[redacted]' : v) : summariseInput(v, depth + 1);
    }
    return out;
  }
  return value ?? null;
}

export interface StaffActionRecord {
  actor: StaffIdentity;
  procedure: string;
  input: unknown;
  outcome: 'ok' | 'error';
  errorCode?: string;
  errorMessage?: string;
  durationMs: number;
}

export async function recordStaffAction(db: AuroraDb, record: StaffActionRecord): Promise<void> {
  await db.insert(auditLog).values({
    actorId: record.actor.id,
    actorName: record.actor.name,
    procedure: record.procedure,
    input: summariseInput(record.input ?? {}) as object,
    outcome: record.outcome,
    errorCode: record.errorCode ?? null,
    errorMessage: record.errorMessage?.slice(0, 2000) ?? null,
    durationMs: Math.round(record.durationMs),
  });
}

/** Newest first, keyset-paged on (at, id). */
export async function listStaffActions(db: AuroraDb, filter: AuditFilter): Promise<{ entries: AuditEntry[]; nextCursor: bigint | null }> {
  const where: (SQL | undefined)[] = [];
  if (filter.actorId) where.push(eq(auditLog.actorId, filter.actorId));
  if (filter.outcome) where.push(eq(auditLog.outcome, filter.outcome));
  if (filter.procedure) where.push(ilike(auditLog.procedure, `%${filter.procedure.replace(/[%_\\]/g, '\\$&')}%`));
  if (filter.search) {
    const like = `%${filter.search.replace(/[%_\\]/g, '\\$&')}%`;
    where.push(or(ilike(auditLog.actorName, like), ilike(auditLog.procedure, like), ilike(auditLog.errorMessage, like)));
  }
  if (filter.cursor) where.push(lt(auditLog.id, filter.cursor));
  const rows = await db
    .select()
    .from(auditLog)
    .where(and(...where))
    .orderBy(desc(auditLog.id))
    .limit(filter.limit + 1);
  const entries = rows.slice(0, filter.limit).map((r) => ({ ...r, input: r.input as unknown }));
  return { entries, nextCursor: rows.length > filter.limit ? (entries.at(-1)?.id ?? null) : null };
}
