/**
 * "The same SQL through raw pg": a router call is run once while every statement it sends is
 * recorded (text, parameters, row mode) with its concurrency shape; the baseline then replays
 * exactly those statements on a plain driver, so router vs raw compares the same round trips.
 *
 * Shape: each statement (or transaction) remembers which ones had already returned when it was
 * issued, and the replay starts it once those have returned, no sooner: what ran side by side
 * runs side by side, what waited waits. (Plain waves, "everything issued while something is in
 * flight goes together", would let a statement that waited for its neighbour's answer run
 * beside it, and flatter the baseline.) A transaction (BEGIN … COMMIT/ROLLBACK on one
 * connection) is one unit, replayed statement by statement on one dedicated connection.
 * Parameters that change per call (a clock reading) are replayed as captured.
 *
 * Capture on pg patches pg.Client.prototype.query for the duration of one call (pool.query,
 * Drizzle and transactions all end there); on PGlite it wraps the instance's query/transaction.
 * Nothing else may run in the process while a capture is open.
 */
import type { PGlite, Transaction } from '@electric-sql/pglite';
import pg from 'pg';
import type { AuroraDatabase } from '../../src/main/core/database.js';

export interface CapturedStatement {
  text: string;
  values: unknown[];
  /** Drizzle asks for rows as arrays when it maps columns itself. */
  rowMode?: 'array';
}

export type ReplayUnit = { kind: 'statement'; statement: CapturedStatement } | { kind: 'transaction'; statements: CapturedStatement[] };

export interface ShapedUnit {
  unit: ReplayUnit;
  /** Units (indices) that had returned when this one was issued: it waits for them on replay. */
  after: number[];
}

export interface Recording {
  /** In issue order. */
  units: ShapedUnit[];
  /** Every statement sent, transaction control included: the round trips of one call. */
  statements: number;
  transactions: number;
  /** The longest chain of units that waited for one another: round trips one after another. */
  steps: number;
}

/** "7 statements in 3 steps" (plus transactions where there are any). */
export function describeRecording(recording: Recording): string {
  const { statements, steps, transactions } = recording;
  const tx = transactions ? `, ${transactions} transaction${transactions === 1 ? '' : 's'}` : '';
  return `${statements} statement${statements === 1 ? '' : 's'} in ${steps} step${steps === 1 ? '' : 's'}${tx}`;
}

const BEGIN = /^\s*(begin|start\s+transaction)\b/i;
const END = /^\s*(commit|rollback|end|abort)\b/i;

interface OpenUnit {
  index: number;
  unit: ReplayUnit;
  pending: number;
  /** A transaction stays in flight from BEGIN until its COMMIT/ROLLBACK returns. */
  open: boolean;
}

/** Builds the happens-before shape from issue/return events, whatever the driver. */
class ShapeRecorder {
  private readonly units: ShapedUnit[] = [];
  /** Returned units not already implied by a later returned one. */
  private frontier = new Set<number>();
  private inFlight = new Set<OpenUnit>();
  private statements = 0;
  private transactions = 0;

  private issue(unit: ReplayUnit): OpenUnit {
    const index = this.units.length;
    // In unit order, not in the order they happened to return: the same work records the same shape.
    this.units.push({ unit, after: [...this.frontier].sort((a, b) => a - b) });
    const open: OpenUnit = { index, unit, pending: 0, open: false };
    this.inFlight.add(open);
    return open;
  }

  /** A statement on its own; returns what to call when it returns. */
  single(statement: CapturedStatement): () => void {
    const open = this.issue({ kind: 'statement', statement });
    open.pending = 1;
    this.statements++;
    return () => this.settle(open);
  }

  beginTransaction(): OpenUnit {
    const open = this.issue({ kind: 'transaction', statements: [] });
    open.open = true;
    this.transactions++;
    return open;
  }

  /** A statement inside a transaction (BEGIN and COMMIT included); `last` closes it once it returns. */
  inTransaction(open: OpenUnit, statement: CapturedStatement, last: boolean): () => void {
    if (open.unit.kind !== 'transaction') throw new Error('not a transaction');
    open.unit.statements.push(statement);
    open.pending++;
    this.statements++;
    return () => {
      if (last) open.open = false;
      this.settle(open);
    };
  }

  private settle(open: OpenUnit): void {
    open.pending--;
    if (open.pending > 0 || open.open || !this.inFlight.delete(open)) return;
    for (const before of this.units[open.index]!.after) this.frontier.delete(before);
    this.frontier.add(open.index);
  }

  recording(): Recording {
    if (this.inFlight.size) throw new Error('capture ended with statements still in flight (an unawaited query?)');
    const depth: number[] = [];
    this.units.forEach((u, i) => (depth[i] = 1 + Math.max(0, ...u.after.map((j) => depth[j]!))));
    return { units: this.units, statements: this.statements, transactions: this.transactions, steps: Math.max(0, ...depth) };
  }
}

function statementOf(config: unknown, values: unknown): CapturedStatement {
  const c = typeof config === 'string' ? { text: config } : (config as { text: string; values?: unknown[]; rowMode?: string });
  const params = Array.isArray(values) ? values : (c.values ?? []);
  return { text: c.text, values: [...params], ...(c.rowMode === 'array' ? { rowMode: 'array' as const } : {}) };
}

type ClientQuery = (this: pg.Client, config: unknown, values?: unknown, callback?: unknown) => unknown;

/** Runs `run` once and returns what it sent to the database, with its shape. */
export async function recordStatements(database: AuroraDatabase, run: () => Promise<unknown>): Promise<Recording> {
  return database.driver === 'pg' ? recordPg(run) : recordPglite(database.pglite!, run);
}

async function recordPg(run: () => Promise<unknown>): Promise<Recording> {
  const recorder = new ShapeRecorder();
  const transactions = new WeakMap<pg.Client, OpenUnit>();
  const proto = pg.Client.prototype as unknown as { query: ClientQuery };
  const original = proto.query;
  proto.query = function patched(this: pg.Client, config, values, callback) {
    if (config && typeof (config as { submit?: unknown }).submit === 'function') {
      throw new Error('replay capture: submittable queries (cursors, streams) are not recorded');
    }
    const statement = statementOf(config, values);
    let open = transactions.get(this);
    if (!open && BEGIN.test(statement.text)) {
      open = recorder.beginTransaction();
      transactions.set(this, open);
    }
    let settle: () => void;
    if (open) {
      const last = END.test(statement.text);
      settle = recorder.inTransaction(open, statement, last);
      if (last) transactions.delete(this);
    } else {
      settle = recorder.single(statement);
    }
    // Settled when the callback runs (pool.query's form) or the promise settles (client.query's).
    const cbIndex = typeof values === 'function' ? 1 : typeof callback === 'function' ? 2 : -1;
    if (cbIndex >= 0) {
      const cb = (cbIndex === 1 ? values : callback) as (...args: unknown[]) => void;
      const wrapped = (...args: unknown[]) => {
        settle();
        cb(...args);
      };
      return cbIndex === 1 ? original.call(this, config, wrapped) : original.call(this, config, values, wrapped);
    }
    const result = original.call(this, config, values) as Promise<unknown>;
    result.then(settle, settle);
    return result;
  };
  try {
    await run();
  } finally {
    proto.query = original;
  }
  return recorder.recording();
}

async function recordPglite(pglite: PGlite, run: () => Promise<unknown>): Promise<Recording> {
  const recorder = new ShapeRecorder();
  const instance = pglite as unknown as { query: PGlite['query']; transaction: PGlite['transaction'] };
  const ownQuery = Object.prototype.hasOwnProperty.call(instance, 'query');
  const ownTransaction = Object.prototype.hasOwnProperty.call(instance, 'transaction');
  const query = instance.query;
  const transaction = instance.transaction;
  const rowModeOf = (options: unknown) => ((options as { rowMode?: string } | undefined)?.rowMode === 'array' ? 'array' : undefined);
  const capture = (text: string, params: unknown[] | undefined, options: unknown): CapturedStatement => ({
    text,
    values: [...(params ?? [])],
    ...(rowModeOf(options) ? { rowMode: 'array' as const } : {}),
  });
  instance.query = async function patched(text: string, params?: unknown[], options?: unknown) {
    const settle = recorder.single(capture(text, params, options));
    try {
      return await query.call(pglite, text, params, options as never);
    } finally {
      settle();
    }
  } as PGlite['query'];
  instance.transaction = async function patched<T>(callback: (tx: Transaction) => Promise<T>) {
    const open = recorder.beginTransaction();
    const control = (text: string, last: boolean) => recorder.inTransaction(open, { text, values: [] }, last);
    const began = control('BEGIN', false);
    let committed = false;
    try {
      return await transaction.call(pglite, async (tx: Transaction) => {
        began();
        const txQuery = tx.query.bind(tx);
        tx.query = (async (text: string, params?: unknown[], options?: unknown) => {
          const settle = recorder.inTransaction(open, capture(text, params, options), false);
          try {
            return await txQuery(text, params, options as never);
          } finally {
            settle();
          }
        }) as Transaction['query'];
        const result = await callback(tx);
        committed = true;
        return result;
      });
    } finally {
      control(committed ? 'COMMIT' : 'ROLLBACK', true)();
    }
  } as PGlite['transaction'];
  try {
    await run();
  } finally {
    if (ownQuery) instance.query = query;
    else delete (instance as Partial<typeof instance>).query;
    if (ownTransaction) instance.transaction = transaction;
    else delete (instance as Partial<typeof instance>).transaction;
  }
  return recorder.recording();
}

/** Each unit starts once the units it waited for in the capture have returned. */
async function replayShaped(recording: Recording, run: (unit: ReplayUnit) => Promise<unknown>): Promise<void> {
  const done: Promise<unknown>[] = [];
  for (const { unit, after } of recording.units) {
    done.push(after.length === 0 ? run(unit) : Promise.all(after.map((j) => done[j])).then(() => run(unit)));
  }
  await Promise.all(done);
}

/** Sends recordings through a plain driver: no Drizzle, no zod, no Aurora Desk code. */
export interface Replayer {
  readonly label: string;
  replay(recording: Recording): Promise<void>;
  close(): Promise<void>;
}

/** A plain pg.Pool of its own (not the app's), the same size as the app's. */
export function pgReplayer(url: string, poolSize: number): Replayer {
  const pool = new pg.Pool({ connectionString: url, max: poolSize, options: '-c TimeZone=UTC', application_name: 'aurora-desk bench raw pg' });
  pool.on('error', () => {});
  const send = (runner: pg.Pool | pg.PoolClient, s: CapturedStatement) =>
    runner.query({ text: s.text, values: s.values, ...(s.rowMode ? { rowMode: s.rowMode } : {}) });
  const unit = async (u: ReplayUnit) => {
    if (u.kind === 'statement') return send(pool, u.statement);
    const client = await pool.connect();
    try {
      for (const s of u.statements) await send(client, s);
    } finally {
      client.release();
    }
  };
  return {
    label: 'raw pg',
    replay: (recording) => replayShaped(recording, unit),
    close: () => pool.end(),
  };
}

/** PGlite has one connection: the same statements through pglite.query (it queues what overlaps). */
export function pgliteReplayer(pglite: PGlite): Replayer {
  const send = (runner: Pick<PGlite, 'query'>, s: CapturedStatement) => runner.query(s.text, s.values, s.rowMode ? { rowMode: s.rowMode } : undefined);
  const unit = async (u: ReplayUnit) => {
    if (u.kind === 'statement') return send(pglite, u.statement);
    // BEGIN/COMMIT are PGlite's own inside transaction(); the captured ones are its stand-ins.
    const inner = u.statements.filter((s) => !BEGIN.test(s.text) && !END.test(s.text));
    await pglite.transaction(async (tx) => {
      for (const s of inner) await send(tx, s);
    });
  };
  return {
    label: 'raw PGlite',
    replay: (recording) => replayShaped(recording, unit),
    close: async () => {},
  };
}
