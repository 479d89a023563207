/**
 * The audit log: one row per staff action (who, when, which procedure, the input without
 * secrets, the outcome). A change's row is written inside the change's own transaction, so the
 * two commit together or not at all; a call that fails or is refused gets its row afterwards.
 * Where the database has no aurora_desk (a role that may not create it) the desk still works and
 * the log file is the only record.
 */
import { eq, sql } from 'drizzle-orm';
import type { StaffIdentity } from '@shared/identity.js';
import { auditLog } from '../db/desk/tables.js';
import type { Clock } from './clock.js';
import type { AuroraDatabase, AuroraDb, AuroraTx } from './database.js';
import { isConnectionLoss, isPermissionDenied } from './driver-errors.js';
import { DeskError } from './errors.js';
import type { Logger } from './log.js';
import { isSecretKey, redactText } from './redact.js';
import { sharedAnswer, timedCache } from './timed-cache.js';

/** Per string, per array, per object, in nodes, and in characters overall. */
const LIMITS = { string: 200, items: 20, keys: 40, depth: 4, nodes: 400, chars: 16_000 };

/**
 * A loggable copy of a procedure input: secret keys blanked, secret values and passwords in URLs
 * redacted, long text cut, bigint as string. Its
 * size is bounded whatever the input's shape (width, depth, shared references): past the budget
 * the rest is summarised as "…".
 */
export function summariseInput(value: unknown, secrets: readonly string[] = []): unknown {
  const budget = { nodes: LIMITS.nodes, chars: LIMITS.chars };
  const walk = (v: unknown, depth: number): unknown => {
    if (budget.nodes-- <= 0 || budget.chars <= 0) return '…';
    if (typeof v === 'bigint') return spend(v.toString());
    if (typeof v === 'string') return spend(redactText(v.length > LIMITS.string ? `${v.slice(0, LIMITS.string)}… (${v.length} chars)` : v, secrets));
    if (v instanceof Date) return Number.isNaN(v.getTime()) ? 'Invalid Date' : v.toISOString();
    if (v === null || v === undefined) return null;
    if (typeof v !== 'object') return typeof v === 'number' || typeof v === 'boolean' ? v : String(typeof v);
    if (depth >= LIMITS.depth) return '…';
    if (Array.isArray(v)) {
      const head = v.slice(0, LIMITS.items).map((item) => walk(item, depth + 1));
      return v.length > LIMITS.items ? [...head, `… ${v.length - LIMITS.items} more`] : head;
    }
    const out: Record<string, unknown> = {};
    const keys = Object.keys(v);
    for (const key of keys.slice(0, LIMITS.keys)) {
      const item = (v as Record<string, unknown>)[key];
      out[spend(key)] = isSecretKey(key) ? (item ? '[redacted]' : item) : walk(item, depth + 1);
    }
    if (keys.length > LIMITS.keys) out['…'] = `${keys.length - LIMITS.keys} more keys`;
    return out;
  };
  const spend = (text: string) => {
    budget.chars -= text.length;
    return text;
  };
  return walk(value ?? {}, 0);
}

export interface AuditRecord {
  /** Null only for a settings change made while no staff identity is set. */
  actor: StaffIdentity | null;
  procedure: string;
  input: unknown;
}

export interface AuditOutcome {
  outcome: 'ok' | 'error';
  errorCode?: string;
  errorMessage?: string;
  durationMs: number;
}

/** One staff member's change, as a verb receives it: who, on which database, and its transaction. */
export interface StaffWrite {
  readonly actor: StaffIdentity;
  readonly database: AuroraDatabase;
  /**
   * Runs `work` in one transaction that also writes this change's audit row (once, in the first
   * such transaction): the change and its record commit together or not at all.
   */
  transaction<T>(work: (tx: AuroraTx) => Promise<T>): Promise<T>;
  /**
   * Inside `transaction`: this change's audit row id, writing the row now if it is not written
   * yet, so another record of the same transaction (a Discord outbox row) can name it. Null
   * where the database has no audit log.
   */
  auditRow(tx: AuroraTx): Promise<bigint | null>;
}

/** A StaffWrite the router settles when the call ends. */
export interface AuditedWrite extends StaffWrite {
  /** Records how the call ended: on the row its transaction wrote, or on a new row. */
  finish(outcome: AuditOutcome): Promise<void>;
}

export interface AuditWriter {
  begin(database: AuroraDatabase, record: AuditRecord & { actor: StaffIdentity }): AuditedWrite;
  /** A row for an action with no transaction of its own (a settings change, a refused call). */
  record(database: AuroraDatabase, record: AuditRecord & AuditOutcome): Promise<void>;
}


/** Whether this database has the audit log (checked once in a while per handle). */
const presence = timedCache<AuroraDatabase, Promise<boolean>>({ ttlMs: 5 * 60_000, max: 1 });
export function hasAuditLog(database: AuroraDatabase): Promise<boolean> {
  return sharedAnswer(presence, database, 'audit_log', async () => {
    const { rows } = await database.query<{ present: boolean }>(`SELECT to_regclass('aurora_desk.audit_log') IS NOT NULL AS present`);
    return rows[0]?.present === true;
  });
}

export interface AuditWriterDeps {
  log: Logger;
  clock: Clock;
  /** Values that must never reach the audit log (the database password, the bot token). */
  secrets: () => readonly string[];
}

export function createAuditWriter(deps: AuditWriterDeps): AuditWriter {
  const { log, clock } = deps;
  const errorText = (outcome: AuditOutcome) => (outcome.errorMessage ? redactText(outcome.errorMessage, deps.secrets()).slice(0, 2000) : null);
  const rowValues = (record: AuditRecord, outcome: AuditOutcome) => ({
    actorId: record.actor?.id ?? null,
    actorName: record.actor?.name ?? null,
    procedure: record.procedure,
    input: summariseInput(record.input, deps.secrets()) as object,
    outcome: outcome.outcome,
    errorCode: outcome.errorCode ?? null,
    errorMessage: errorText(outcome),
    durationMs: Math.round(outcome.durationMs),
  });
  const insertRow = async (db: AuroraDb, record: AuditRecord, outcome: AuditOutcome): Promise<bigint> => {
    const [row] = await db.insert(auditLog).values(rowValues(record, outcome)).returning({ id: auditLog.id });
    return row!.id;
  };
  const logOnly = (record: AuditRecord, outcome: AuditOutcome) =>
    log.info('staff action (no audit log on this database)', { procedure: record.procedure, actor: record.actor ? String(record.actor.id) : null, outcome: outcome.outcome });

  async function record(database: AuroraDatabase, entry: AuditRecord & AuditOutcome): Promise<void> {
    if (!(await hasAuditLog(database).catch(() => false))) return logOnly(entry, entry);
    await insertRow(database.db, entry, entry);
  }

  function begin(database: AuroraDatabase, entry: AuditRecord & { actor: StaffIdentity }): AuditedWrite {
    const started = clock.now().getTime();
    /** This change's audit row, once the transaction that wrote it committed. */
    let rowId: bigint | null = null;
    /** The row written in the transaction under way: it counts only once that transaction commits. */
    let pending: bigint | null = null;
    let inTransaction = false;
    /** Whether the transaction under way writes the audit row. */
    let audited = false;
    const elapsed = () => clock.now().getTime() - started;
    const writeRow = async (tx: AuroraTx): Promise<bigint | null> => {
      // `audited` was decided before the transaction began: asking the database now, outside
      // `tx`, would wait for `tx` itself on PGlite's single connection.
      if (rowId === null && pending === null && audited) pending = await insertRow(tx, entry, { outcome: 'ok', durationMs: elapsed() });
      return rowId ?? pending;
    };
    return {
      actor: entry.actor,
      database,
      auditRow: writeRow,
      async transaction(work) {
        audited = rowId === null && (await hasAuditLog(database));
        pending = null;
        const result = await database.db.transaction(async (tx) => {
          const value = await work(tx);
          try {
            await writeRow(tx);
          } catch (cause) {
            // No record, no change: the transaction rolls back with the row it could not write.
            if (isConnectionLoss(cause) || isPermissionDenied(cause)) throw cause;
            log.error('audit row refused: the change was rolled back', { procedure: entry.procedure, error: String(cause) });
            throw new DeskError('INTERNAL_SERVER_ERROR', 'The change was not saved: its audit record could not be written. The details are in the log.');
          }
          return value;
        });
        // Only a committed row counts: a failed COMMIT takes the row with it, and finish() writes a new one.
        if (pending !== null) rowId = pending;
        pending = null;
        inTransaction = true;
        return result;
      },
      async finish(outcome) {
        if (rowId !== null) {
          if (outcome.outcome === 'ok') return;
          await database.db
            .update(auditLog)
            .set({ outcome: 'error', errorCode: outcome.errorCode ?? null, errorMessage: errorText(outcome), durationMs: Math.round(outcome.durationMs) })
            .where(eq(auditLog.id, rowId));
          return;
        }
        if (inTransaction) return logOnly(entry, outcome);
        await record(database, { ...entry, ...outcome });
      },
    };
  }

  return { begin, record };
}

/** What Discord did for one of a write's Discord calls, as its audit row keeps it. */
export interface AuditDiscordOutcome {
  action: string;
  /** What it was for, e.g. "case D-7KQ2". */
  subject: string | null;
  userId: string;
  state: 'pending' | 'ok' | 'failed' | 'unknown' | 'retried';
  errorKind?: string | null;
  message?: string | null;
  at: string;
}

/**
 * Notes on a write's audit row what Discord did, one entry per Discord call keyed by its outbox
 * row, so the audit log shows whether Discord carried the write out (pending until it is known).
 * Only called where the outbox exists: the step that made it added this column.
 */
export async function recordDiscordOutcome(db: AuroraDb, auditId: bigint, key: string, outcome: AuditDiscordOutcome): Promise<void> {
  await db.execute(
    sql`UPDATE aurora_desk.audit_log
           SET discord_outcome = jsonb_set(coalesce(discord_outcome, '{}'::jsonb), ARRAY[${key}]::text[], ${JSON.stringify(outcome)}::jsonb, true)
         WHERE id = ${auditId.toString()}::bigint`,
  );
}
