/**
 * Database faults against a real PostgreSQL that the test owns (a private cluster on a spare
 * port: the shared one must not be restarted): every app connection killed with
 * pg_terminate_backend, and the server stopped and started again. The real host (pool + live
 * hub + router) must show offline, retry with growing delays, come back by itself and resync;
 * a staff action caught by the fault must never be reported as saved when it was not, never be
 * applied twice, and never be answered "just try again" when it may already be saved.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WRITE_OUTCOME_UNKNOWN } from '../../src/main/api/trpc.js';
import { openDatabase, type AuroraDatabase } from '../../src/main/core/database.js';
import { seedDatabase } from '../../src/main/db/seed.js';
import { createDeskHost, type DeskHost } from '../../src/main/host.js';
import type { LiveEvent } from '../../src/main/live/types.js';
import { silentLogger } from '../../src/main/core/log.js';
import { createKeyFileCipher } from '../../src/main/core/settings-store/key-file-cipher.js';
import { isCI } from '../fixtures/environment.js';
import { clusterSkipReason, startCuttingProxy, startPostgresCluster, type CuttingProxy, type PostgresCluster } from '../fixtures/postgres-cluster.js';
import { callerFor, createTestServices, testStaff } from '../fixtures/services.js';
import { isResync, isStatus, LiveProbe } from '../fixtures/live-probe.js';
import { rejectionOf } from '../fixtures/rejection.js';

const reason = clusterSkipReason();
if (reason) {
  if (isCI) throw new Error(`CI=true but the database fault tests cannot run: ${reason}`);
  console.warn(`[database faults] skipped: ${reason}`);
}

const DB = 'aurora';
/** "Retrying in 1.5 s" / "Retrying in 500 ms" → milliseconds. */
function retryDelayOf(event: LiveEvent): number | null {
  if (event.kind !== 'status' || event.status.mode !== 'offline') return null;
  const match = /Retrying in ([\d.]+) (ms|s)\b/.exec(event.status.reason ?? '');
  if (!match) return null;
  return match[2] === 's' ? Number(match[1]) * 1000 : Number(match[1]);
}

describe.skipIf(Boolean(reason))('database faults on a private PostgreSQL cluster', () => {
  let cluster: PostgresCluster;
  let dataDir: string;
  let host: DeskHost;
  let probe: LiveProbe;

  /** The app's backends (pool and LISTEN), as the server sees them. */
  const appBackends = () =>
    cluster.admin<{ pid: number; application_name: string }>(
      `SELECT pid, application_name FROM pg_stat_activity WHERE datname = $1 AND application_name LIKE 'aurora-desk%'`,
      [DB],
    );

  beforeAll(async () => {
    cluster = await startPostgresCluster();
    await cluster.admin(`CREATE DATABASE ${DB}`);
    dataDir = await mkdtemp(join(tmpdir(), 'aurora-faults-'));
    host = await createDeskHost({
      dataDir,
      cipher: createKeyFileCipher(dataDir),
      log: silentLogger,
      databaseUrlOverride: cluster.url(DB),
      seedDemo: false,
      livePollIntervalMs: 500,
    });
    expect(host.connection()).toMatchObject({ driver: 'pg' });
    await seedDatabase(host.database(), { users: 20, cases: 30, transactions: 20, itemTransactions: 10, quests: 4, questProgress: 10, lootdrops: 4, items: 25 });
    await host.store.setIdentity(testStaff);
    probe = new LiveProbe((signal) => host.live().events(signal));
    await probe.waitFor(isStatus('live'), 'live at start');
  }, 180_000);

  afterAll(async () => {
    await probe?.stop();
    await host?.close();
    await cluster?.destroy();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it('every app connection killed: offline, back by itself, resync, and the router works again', async () => {
    const caller = callerFor(host);
    await caller.moderation.list({ queue: 'active' }); // the pool has connections to lose
    const killed = await appBackends();
    expect(killed.map((b) => b.application_name)).toEqual(expect.arrayContaining(['aurora-desk', 'aurora-desk live']));
    const from = probe.events.length;

    const terminated = await cluster.admin<{ ok: boolean }>(
      `SELECT pg_terminate_backend(pid) AS ok FROM pg_stat_activity WHERE datname = $1 AND application_name LIKE 'aurora-desk%'`,
      [DB],
    );
    expect(terminated.length).toBe(killed.length);

    const offline = await probe.waitFor(isStatus('offline'), 'offline after the kill', from);
    expect(retryDelayOf(probe.events[offline]!)).not.toBeNull();
    const resync = await probe.waitFor(isResync, 'a resync on the way back', offline + 1, 30_000);
    await probe.waitFor(isStatus('live'), 'live again', resync, 30_000);

    // The pool dropped its dead clients: reads and the status bar answer without a restart.
    const cases = await caller.moderation.list({ queue: 'active' });
    expect(cases.cases.length).toBeGreaterThan(0);
    expect((await caller.system.status()).live.mode).toBe('live');
    const now = await appBackends();
    expect(now.map((b) => b.pid)).not.toEqual(expect.arrayContaining(killed.map((b) => b.pid)));
  });

  it('PostgreSQL restarting: offline with growing retry delays, calls answered in words, then live again', async () => {
    const caller = callerFor(host);
    const from = probe.events.length;
    await cluster.stop();
    try {
      const first = await probe.waitFor(isStatus('offline'), 'offline after the stop', from);
      // Let the hub retry a few times against the stopped server.
      const third = await probe.waitFor((e) => retryDelayOf(e) !== null, 'a third retry', first + 1, 30_000).then((second) =>
        probe.waitFor((e) => retryDelayOf(e) !== null, 'a third retry', second + 1, 30_000),
      );
      const delays = probe.events.slice(first, third + 1).map(retryDelayOf).filter((d): d is number => d !== null);
      expect(delays.length).toBeGreaterThanOrEqual(3);
      // Exponential backoff with jitter: attempt k waits between half and all of 500 ms * 2^k.
      delays.forEach((delay, k) => {
        expect(delay, `retry ${k}`).toBeGreaterThanOrEqual(250 * 2 ** k);
        expect(delay, `retry ${k}`).toBeLessThanOrEqual(500 * 2 ** k);
      });

      // Meanwhile calls fail clearly; a write that never reached the server says so plainly.
      const read = await rejectionOf(caller.moderation.list({ queue: 'active' }));
      expect(read.code).toBe('SERVICE_UNAVAILABLE');
      expect(read.message).toMatch(/connection was lost/);
      const player = 1n;
      const write = await rejectionOf(caller.players.grantCurrency({ playerId: player, amount: '5', reason: 'while the database is down' }));
      expect(write.code).toBe('SERVICE_UNAVAILABLE');
      expect(write.message).not.toBe(WRITE_OUTCOME_UNKNOWN);
    } finally {
      await cluster.start();
    }
    const back = probe.events.length;
    const resync = await probe.waitFor(isResync, 'a resync after the restart', back - 1, 60_000);
    await probe.waitFor(isStatus('live'), 'live after the restart', resync, 60_000);
    expect((await caller.moderation.list({ queue: 'active' })).cases.length).toBeGreaterThan(0);
    const { rows } = await host.database().query<{ n: string }>(`SELECT count(*)::text AS n FROM transactions WHERE description = 'while the database is down'`);
    expect(rows[0]!.n).toBe('0');
  }, 120_000);

  it('a write killed while it waits inside its transaction is reported as unsure, not applied, and applies once when repeated', async () => {
    const caller = callerFor(host);
    const [player] = await cluster.admin<{ id: string; balance: string }>('SELECT id::text, balance::text FROM users ORDER BY id LIMIT 1', [], DB);
    const reasonText = `fault test grant ${Date.now()}`;

    // Another session holds the player's row, so the grant waits mid-transaction.
    const blocker = new (await import('pg')).default.Client({ connectionString: cluster.url(DB), application_name: 'faults-blocker' });
    await blocker.connect();
    try {
      await blocker.query('BEGIN');
      await blocker.query('SELECT 1 FROM users WHERE id = $1 FOR UPDATE', [player!.id]);
      const grant = caller.players.grantCurrency({ playerId: BigInt(player!.id), amount: '100', reason: reasonText });
      let waiting: { pid: number }[] = [];
      for (let i = 0; i < 200 && waiting.length === 0; i++) {
        waiting = await cluster.admin<{ pid: number }>(
          `SELECT pid FROM pg_stat_activity WHERE datname = $1 AND application_name = 'aurora-desk' AND wait_event_type = 'Lock'`,
          [DB],
        );
        if (waiting.length === 0) await new Promise((resolve) => setTimeout(resolve, 50));
      }
      expect(waiting, 'the grant never reached the lock').toHaveLength(1);
      await cluster.admin('SELECT pg_terminate_backend($1)', [waiting[0]!.pid]);

      const failure = await rejectionOf(grant);
      expect(failure.code).toBe('SERVICE_UNAVAILABLE');
      expect(failure.message).toBe(WRITE_OUTCOME_UNKNOWN);
    } finally {
      await blocker.query('ROLLBACK').catch(() => {});
      await blocker.end();
    }

    const after = await cluster.admin<{ balance: string; n: string }>(
      `SELECT (SELECT balance::text FROM users WHERE id = $1) AS balance,
              (SELECT count(*)::text FROM transactions WHERE description LIKE '%' || $2 || '%') AS n`,
      [player!.id, reasonText],
      DB,
    );
    expect(after[0]).toEqual({ balance: player!.balance, n: '0' });

    // The staff member checks, sees nothing happened, and does it again: exactly once.
    await caller.players.grantCurrency({ playerId: BigInt(player!.id), amount: '100', reason: reasonText });
    const again = await cluster.admin<{ balance: string; n: string }>(
      `SELECT (SELECT balance::text FROM users WHERE id = $1) AS balance,
              (SELECT count(*)::text FROM transactions WHERE description LIKE '%' || $2 || '%') AS n`,
      [player!.id, reasonText],
      DB,
    );
    expect(again[0]).toEqual({ balance: String(BigInt(player!.balance) + 100n), n: '1' });
    const audit = await callerFor(host).audit.list({ procedure: 'players.grantCurrency', limit: 5 });
    expect(audit.entries.map((e) => e.outcome).slice(0, 2)).toEqual(['ok', 'error']);
  }, 60_000);

  describe('the acknowledgement of a COMMIT lost on the way back', () => {
    let proxy: CuttingProxy;
    let database: AuroraDatabase;

    beforeAll(async () => {
      proxy = await startCuttingProxy({ host: '127.0.0.1', port: cluster.port });
      database = await openDatabase({ kind: 'postgres', url: proxy.url(DB), poolSize: 3 });
    });
    afterAll(async () => {
      await database?.close();
      await proxy?.close();
    });

    it('is not reported as saved, is not retried behind the staff member\'s back, and a repeat is refused', async () => {
      const caller = callerFor(createTestServices(database, { identity: testStaff }));
      const page = await caller.moderation.list({ queue: 'active' });
      const target = page.cases[0]!;
      const resolution = { id: target.id, expected: target.seen, reason: 'resolved during a network fault', liftOnDiscord: false };

      const cut = proxy.cutAfterNextCommit();
      const failure = await rejectionOf(caller.moderation.resolve(resolution));
      await cut;
      expect(failure.code).toBe('SERVICE_UNAVAILABLE');
      expect(failure.message).toBe(WRITE_OUTCOME_UNKNOWN);

      // The COMMIT did happen, once.
      const [row] = await cluster.admin<{ active: boolean; resolved_reason: string | null }>(
        'SELECT active, resolved_reason FROM moderation_cases WHERE id = $1',
        [String(target.id)],
        DB,
      );
      expect(row).toEqual({ active: false, resolved_reason: 'resolved during a network fault' });

      // Repeating what the moderator saw is refused: the case changed since.
      const repeat = await rejectionOf(caller.moderation.resolve(resolution));
      expect(repeat.code).toBe('CONFLICT');
      const [count] = await cluster.admin<{ n: string }>(
        `SELECT count(*)::text AS n FROM moderation_cases WHERE id = $1 AND resolved_reason = 'resolved during a network fault'`,
        [String(target.id)],
        DB,
      );
      expect(count!.n).toBe('1');
    });
  });
});
