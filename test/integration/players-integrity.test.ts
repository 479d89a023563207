/**
 * The ledger promises: a staff action and its ledger row commit together or not at all, and
 * concurrent staff never lose an update or push a balance or stack below zero.
 *
 * On PostgreSQL the races are forced, not hoped for: a third connection holds the player's row
 * lock while both actions start, and releases it only once both are waiting on it. PGlite runs
 * one statement at a time, so there the same calls run interleaved through its queue.
 */
import pg from 'pg';
import { beforeAll, expect, it } from 'vitest';
import * as s from '../../src/main/db/schema.js';
import { describeOnBothDrivers, type ScratchDatabase } from '../fixtures/databases.js';
import { callerFor, createTestServices } from '../fixtures/services.js';
import { EMBER, NYX, heldQuantity, seedPlayersWorld, userRow, type World } from '../fixtures/players-world.js';
import { rejectionOf } from '../fixtures/rejection.js';

const PROBE = 'LEDGER-PROBE';

/** Holds `SELECT … FOR UPDATE` on a row in its own connection until released. */
async function holdRowLock(scratch: ScratchDatabase, sql: string, params: unknown[]) {
  const client = new pg.Client({ connectionString: scratch.url });
  await client.connect();
  await client.query('BEGIN');
  await client.query(sql, params);
  return {
    /** Resolves once `waiters` other sessions of this database wait on a lock. */
    async waitForWaiters(waiters: number) {
      for (let attempt = 0; attempt < 400; attempt++) {
        const { rows } = await client.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM pg_stat_activity
            WHERE datname = current_database() AND wait_event_type = 'Lock' AND pid <> pg_backend_pid()`,
        );
        if ((rows[0]?.n ?? 0) >= waiters) return;
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
      const { rows } = await client.query(`SELECT a.pid, a.datname, a.backend_type, a.state, a.wait_event_type, a.wait_event, left(a.query, 60) AS query, (SELECT json_agg(json_build_object('lt', l.locktype, 'rel', l.relation::regclass::text, 'mode', l.mode)) FROM pg_locks l WHERE l.pid = a.pid AND NOT l.granted) AS waits FROM pg_stat_activity a WHERE a.backend_type = 'client backend'`);
      throw new Error(`expected ${waiters} sessions waiting on the row lock: ${JSON.stringify(rows)}`);
    },
    async release() {
      await client.query('COMMIT');
      await client.end();
    },
  };
}

/** Runs the calls concurrently; on PostgreSQL behind a held lock on the player's row. */
async function race<T>(scratch: ScratchDatabase, lock: { sql: string; params: unknown[] }, calls: (() => Promise<T>)[]) {
  if (scratch.database.driver === 'pglite') return Promise.allSettled(calls.map((call) => call()));
  // Open the pool's connections first: the race is about the row lock, not connection start-up.
  const pool = scratch.database.pool!;
  const warm = await Promise.all(calls.map(() => pool.connect()));
  for (const client of warm) client.release();
  const holder = await holdRowLock(scratch, lock.sql, lock.params);
  const running = calls.map((call) => call());
  // Keep the rejections observed while we wait.
  const settled = Promise.allSettled(running);
  try {
    await holder.waitForWaiters(calls.length).catch((e: Error) => {
      throw new Error(`${e.message} pool total=${scratch.database.pool?.totalCount} idle=${scratch.database.pool?.idleCount} waiting=${scratch.database.pool?.waitingCount}`);
    });
  } finally {
    await holder.release();
  }
  return settled;
}

const userLock = (id: bigint) => ({ sql: 'SELECT 1 FROM users WHERE id = $1 FOR UPDATE', params: [id.toString()] });

describeOnBothDrivers('ledger integrity', (current) => {
  let world: World;
  const caller = () => callerFor(createTestServices(current().database));
  const db = () => current().database.db;
  const count = async (table: 'transactions' | 'item_transactions', type: string) => {
    const { rows } = await current().database.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table} WHERE type = $1`, [type]);
    return rows[0]!.n;
  };

  beforeAll(async () => {
    world = await seedPlayersWorld(db());
    await current().database.query(`UPDATE users SET updated_at = '2020-01-01 00:00:00'`);
  });

  it('leaves balance and updated_at untouched when the currency ledger insert fails', async () => {
    const database = current().database;
    // A temporary rule in this scratch database makes the bot's ledger refuse our row.
    await database.query(`ALTER TABLE transactions ADD CONSTRAINT players_test_probe CHECK (description IS NULL OR description NOT LIKE '%${PROBE}%')`);
    try {
      const before = await userRow(db(), NYX);
      const rows = await db().$count(s.transactions);
      for (const action of ['grantCurrency', 'takeCurrency'] as const) {
        const failed = await rejectionOf(caller().players[action]({ playerId: NYX, amount: 100n, reason: `Probe ${PROBE}` }), action);
        expect(failed.code, action).toBe('INTERNAL_SERVER_ERROR');
        expect(await userRow(db(), NYX), action).toEqual(before);
      }
      expect(await db().$count(s.transactions)).toBe(rows);
      // The same calls without the probe go through: the failure was the ledger row alone.
      const ok = await caller().players.grantCurrency({ playerId: NYX, amount: 100n, reason: 'No probe' });
      expect(ok.balance).toBe(before.balance + 100n);
      await caller().players.takeCurrency({ playerId: NYX, amount: 100n, reason: 'No probe' });
    } finally {
      await database.query('ALTER TABLE transactions DROP CONSTRAINT players_test_probe');
    }
  });

  it('leaves the inventory untouched when the item ledger insert fails', async () => {
    const database = current().database;
    await database.query(`ALTER TABLE item_transactions ADD CONSTRAINT players_test_probe CHECK (description IS NULL OR description NOT LIKE '%${PROBE}%')`);
    try {
      const rows = await db().$count(s.itemTransactions);
      const reason = `Probe ${PROBE}`;
      // onto an existing stack, a new stack, and a removal that would delete the stack
      const failures = [
        await rejectionOf(caller().players.grantItem({ playerId: NYX, itemId: world.moonstone, quantity: 2n, reason })),
        await rejectionOf(caller().players.grantItem({ playerId: NYX, itemId: world.sunpetal, quantity: 2n, reason })),
        await rejectionOf(caller().players.removeItem({ playerId: NYX, itemId: world.moonstone, quantity: 3n, reason })),
      ];
      expect(failures.map((f) => f.code)).toEqual(['INTERNAL_SERVER_ERROR', 'INTERNAL_SERVER_ERROR', 'INTERNAL_SERVER_ERROR']);
      expect(await heldQuantity(db(), NYX, world.moonstone)).toBe(3n);
      expect(await heldQuantity(db(), NYX, world.sunpetal)).toBeUndefined();
      expect(await db().$count(s.itemTransactions)).toBe(rows);
    } finally {
      await database.query('ALTER TABLE item_transactions DROP CONSTRAINT players_test_probe');
    }
  });

  it('loses no update: two parallel grants of +100 end at +200, each with its row', async () => {
    const start = (await userRow(db(), NYX)).balance;
    const grantsBefore = await count('transactions', 'STAFF_GRANT');
    const results = await race(current(), userLock(NYX), [
      () => caller().players.grantCurrency({ playerId: NYX, amount: 100n, reason: 'Parallel A' }),
      () => caller().players.grantCurrency({ playerId: NYX, amount: 100n, reason: 'Parallel B' }),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled']);
    const balances = results.map((r) => (r.status === 'fulfilled' ? r.value.balance : null)).sort();
    expect(balances).toEqual([start + 100n, start + 200n]);
    expect((await userRow(db(), NYX)).balance).toBe(start + 200n);
    expect(await count('transactions', 'STAFF_GRANT')).toBe(grantsBefore + 2);
  });

  it('never goes below zero: of two parallel takes exceeding the balance, one is refused', async () => {
    await current().database.query('UPDATE users SET balance = 100 WHERE id = $1', [EMBER.toString()]);
    const takesBefore = await count('transactions', 'STAFF_TAKE');
    const results = await race(current(), userLock(EMBER), [
      () => caller().players.takeCurrency({ playerId: EMBER, amount: 70n, reason: 'Parallel A' }),
      () => caller().players.takeCurrency({ playerId: EMBER, amount: 70n, reason: 'Parallel B' }),
    ]);
    const fulfilled = results.filter((r) => r.status === 'fulfilled');
    const rejected = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(fulfilled).toHaveLength(1);
    expect(rejected).toHaveLength(1);
    expect((rejected[0]!.reason as { code?: string }).code).toBe('BAD_REQUEST');
    expect((rejected[0]!.reason as Error).message).toContain('has 30 coins');
    expect((await userRow(db(), EMBER)).balance).toBe(30n);
    expect(await count('transactions', 'STAFF_TAKE')).toBe(takesBefore + 1);
  });

  it('never removes more than a stack holds, even in parallel', async () => {
    await current().database.query('UPDATE inventory SET quantity = 5 WHERE user_id = $1 AND item_id = $2', [NYX.toString(), world.moonstone]);
    const lock = {
      sql: 'SELECT 1 FROM inventory WHERE user_id = $1 AND item_id = $2 FOR UPDATE',
      params: [NYX.toString(), world.moonstone],
    };
    const results = await race(current(), lock, [
      () => caller().players.removeItem({ playerId: NYX, itemId: world.moonstone, quantity: 3n, reason: 'Parallel A' }),
      () => caller().players.removeItem({ playerId: NYX, itemId: world.moonstone, quantity: 3n, reason: 'Parallel B' }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    expect(await heldQuantity(db(), NYX, world.moonstone)).toBe(2n);
  });

  it('adds up parallel grants onto a stack that did not exist', async () => {
    const results = await Promise.allSettled(
      Array.from({ length: 6 }, (_, i) => caller().players.grantItem({ playerId: EMBER, itemId: world.sunpetal, quantity: 1n, reason: `Burst ${i}` })),
    );
    // A first insert racing another may meet a unique violation on PostgreSQL's ON CONFLICT path;
    // none may, and either way nothing is lost: what committed is exactly what is held.
    const committed = results.filter((r) => r.status === 'fulfilled').length;
    expect(committed).toBe(6);
    expect(await heldQuantity(db(), EMBER, world.sunpetal)).toBe(6n);
  });

  it('adds up a burst of parallel coin grants exactly', async () => {
    const start = (await userRow(db(), EMBER)).balance;
    await Promise.all(Array.from({ length: 10 }, (_, i) => caller().players.grantCurrency({ playerId: EMBER, amount: 7n, reason: `Burst ${i}` })));
    expect((await userRow(db(), EMBER)).balance).toBe(start + 70n);
  });
});
