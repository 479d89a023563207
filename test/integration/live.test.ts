import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createCaller } from '../../src/main/api/root.js';
import { createContext } from '../../src/main/api/trpc.js';
import { createLiveHub } from '../../src/main/live/hub.js';
import { LISTEN_APPLICATION_NAME } from '../../src/main/live/listener.js';
import type { LiveHub } from '../../src/main/live/types.js';
import { silentLogger } from '../../src/main/core/log.js';
import { adminQuery, createMigratedDatabase, describeOnBothDrivers, type ScratchDatabase } from '../fixtures/databases.js';
import { hasPostgres, noPostgresReason } from '../fixtures/environment.js';
import { createTestServices } from '../fixtures/services.js';
import { isChange, isResync, isStatus, LiveProbe, openWriter, type Writer } from '../fixtures/live-probe.js';

const MAX_SNOWFLAKE = '9223372036854775807'; // int8 max, far above 2^53
const BIG = '1234567890123456789';

describeOnBothDrivers('the live hub', (current, driver) => {
  let hub: LiveHub;
  let writer: Writer;
  const probes: LiveProbe[] = [];
  const probe = (source: ConstructorParameters<typeof LiveProbe>[0]) => {
    const p = new LiveProbe(source);
    probes.push(p);
    return p;
  };

  beforeAll(async () => {
    hub = await createLiveHub(current().database, { log: silentLogger });
    writer = await openWriter(current());
  });
  afterEach(async () => {
    await Promise.all(probes.splice(0).map((p) => p.stop()));
  });
  afterAll(async () => {
    await hub?.close();
    await writer?.close();
  });

  it('is live, and an insert, update and delete from another connection reach a subscriber with the key', async () => {
    expect(hub.status().mode).toBe('live');
    const p = probe((signal) => hub.events(signal));
    await p.waitFor(isStatus('live'), 'the first status');
    expect(p.events[0]).toMatchObject({ kind: 'status', status: { mode: 'live' } });

    await writer.query(`INSERT INTO users (id, username) VALUES ($1, 'nyx')`, [MAX_SNOWFLAKE]);
    let at = await p.waitFor(isChange('users', 'INSERT', { id: MAX_SNOWFLAKE }), 'the users insert');
    await writer.query(`UPDATE users SET username = 'nyx2' WHERE id = $1`, [MAX_SNOWFLAKE]);
    at = await p.waitFor(isChange('users', 'UPDATE', { id: MAX_SNOWFLAKE }), 'the users update', at + 1);

    const modCase = (await writer.query(
      `INSERT INTO moderation_cases (case_id, type, user_id, moderator_id, reason)
       VALUES ('CASE-7', 'warn', $1, $2, 'spam') RETURNING id::text AS id`,
      [MAX_SNOWFLAKE, BIG],
    )) as { rows: { id: string }[] };
    const caseId = modCase.rows[0]!.id;
    at = await p.waitFor(isChange('moderation_cases', 'INSERT', { id: caseId, case_id: 'CASE-7' }), 'the case insert', at + 1);

    const quest = (await writer.query(
      `INSERT INTO quests (name, trigger_event, requirements, rewards) VALUES ('Moonwalk', 'MESSAGE_SENT', '{}', '{}') RETURNING id::text AS id`,
    )) as { rows: { id: string }[] };
    const questId = quest.rows[0]!.id;
    at = await p.waitFor(isChange('quests', 'INSERT', { id: questId }), 'the quest insert', at + 1);
    await writer.query(`INSERT INTO user_quests (user_id, quest_id, progress) VALUES ($1, $2, 1)`, [MAX_SNOWFLAKE, questId]);
    at = await p.waitFor(isChange('user_quests', 'INSERT', { user_id: MAX_SNOWFLAKE, quest_id: questId }), 'the progress insert', at + 1);
    await writer.query(`INSERT INTO lootdrops (message_id, channel_id, reward_amount, currency) VALUES ($1, '1', 50, 'GOLD')`, [BIG]);
    at = await p.waitFor(isChange('lootdrops', 'INSERT', { message_id: BIG }), 'the lootdrop insert', at + 1);
    await writer.query(`INSERT INTO items (name, type) VALUES ('Moonstone', 'MATERIAL')`);
    at = await p.waitFor(isChange('items', 'INSERT'), 'the item insert', at + 1);

    await writer.query(`DELETE FROM user_quests`);
    at = await p.waitFor(isChange('user_quests', 'DELETE', { user_id: MAX_SNOWFLAKE, quest_id: questId }), 'the progress delete', at + 1);
    await writer.query(`DELETE FROM moderation_cases`);
    await writer.query(`DELETE FROM users WHERE id = $1`, [MAX_SNOWFLAKE]);
    await p.waitFor(isChange('users', 'DELETE', { id: MAX_SNOWFLAKE }), 'the users delete', at + 1);
    // Keys stayed strings all the way: nothing rounded a snowflake through a JS number.
    for (const event of p.events) if (event.kind === 'change') for (const v of Object.values(event.key)) expect(typeof v).toBe('string');
  });

  it('fans out to two subscribers, and an abort ends only that iterator', async () => {
    const a = probe((signal) => hub.events(signal));
    const b = probe((signal) => hub.events(signal));
    await Promise.all([a.waitFor(isStatus('live'), 'a status'), b.waitFor(isStatus('live'), 'b status')]);
    await writer.query(`INSERT INTO lootdrops (message_id, channel_id, reward_amount, currency) VALUES ('1300000000000000001', '1', 5, 'GOLD')`);
    const drop = isChange('lootdrops', 'INSERT', { message_id: '1300000000000000001' });
    await Promise.all([a.waitFor(drop, 'a change'), b.waitFor(drop, 'b change')]);

    await a.stop();
    expect(a.ended).toBe(true);
    await writer.query(`UPDATE lootdrops SET reward_amount = 6 WHERE message_id = '1300000000000000001'`);
    await b.waitFor(isChange('lootdrops', 'UPDATE'), 'b update');
    expect(a.events.some(isChange('lootdrops', 'UPDATE'))).toBe(false);
  });

  it('gives a subscriber that falls behind a resync instead of an endless backlog, without holding up the others', async () => {
    const small = await createLiveHub(current().database, { log: silentLogger, subscriberQueueLimit: 5 });
    try {
      // The slow one is never read while the burst arrives.
      const slow = small.events()[Symbol.asyncIterator]();
      expect((await slow.next()).value).toMatchObject({ kind: 'status' });
      const fast = probe((signal) => small.events(signal));
      await fast.waitFor(isStatus('live'), 'fast status');
      // One insert at a time, each awaited by the fast reader: it never has more than one queued.
      let at = 0;
      for (let i = 0; i < 8; i++) {
        await writer.query(`INSERT INTO items (name, type) VALUES ($1, 'MATERIAL')`, [`Shard ${i}`]);
        at = (await fast.waitFor(isChange('items', 'INSERT'), `fast item ${i}`, at)) + 1;
      }
      expect(fast.events.some(isResync)).toBe(false);

      const backlog = [];
      for (let i = 0; i < 3; i++) backlog.push((await slow.next()).value);
      expect(backlog[0]).toMatchObject({ kind: 'status', status: { mode: 'live' } });
      expect(backlog[1]).toMatchObject({ kind: 'resync' });
      await slow.return?.();
    } finally {
      await small.close();
    }
  });

  it('serves live.changes and live.status through the real router', async () => {
    const desk = createTestServices(current().database, { live: hub });
    const status = await createCaller(createContext(desk)).live.status();
    expect(status.mode).toBe('live');
    const p = probe((signal) => createCaller(createContext(desk), { signal }).live.changes());
    await p.waitFor(isStatus('live'), 'router status');
    await writer.query(`INSERT INTO users (id, username) VALUES ($1, 'ember')`, [BIG]);
    await p.waitFor(isChange('users', 'INSERT', { id: BIG }), 'router change');
    await p.stop();
    expect(p.ended).toBe(true);
  });

  it('close() ends every subscription and leaves no LISTEN connection behind', async () => {
    const other = await createLiveHub(current().database, { log: silentLogger });
    const p = probe((signal) => other.events(signal));
    await p.waitFor(isStatus('live'), 'status');
    await other.close();
    await p.finished;
    expect(p.ended).toBe(true);
    const after = other.events()[Symbol.asyncIterator]();
    expect((await after.next()).done).toBe(true);
    if (driver === 'postgres') expect(await listenPids(current())).toHaveLength(1); // only `hub`'s
  });
});

async function listenPids(scratch: ScratchDatabase): Promise<number[]> {
  const { rows } = await scratch.database.query<{ pid: number }>(
    `SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND application_name = $1`,
    [LISTEN_APPLICATION_NAME],
  );
  return rows.map((r) => r.pid);
}

if (!hasPostgres) console.warn(`[live hub reconnect] skipped: ${noPostgresReason}`);
describe.skipIf(!hasPostgres)('the live hub after its LISTEN connection is killed (postgres)', () => {
  let scratch: ScratchDatabase;
  beforeAll(async () => {
    scratch = await createMigratedDatabase('postgres');
  });
  afterAll(async () => {
    await scratch?.drop();
  });

  it('reports offline, reconnects with backoff, emits resync, then is live again', async () => {
    const hub = await createLiveHub(scratch.database, { log: silentLogger, reconnect: { initialMs: 20, maxMs: 200 } });
    const writer = await openWriter(scratch);
    const p = new LiveProbe((signal) => hub.events(signal));
    try {
      await p.waitFor(isStatus('live'), 'live');
      const [pid] = await listenPids(scratch);
      expect(pid).toBeDefined();
      await adminQuery('SELECT pg_terminate_backend($1)', [pid]);

      const offline = await p.waitFor(isStatus('offline'), 'offline');
      const resync = await p.waitFor(isResync, 'resync after reconnect', offline + 1);
      const live = await p.waitFor(isStatus('live'), 'live again', resync + 1);
      const pids = await listenPids(scratch);
      expect(pids).toHaveLength(1);
      expect(pids[0]).not.toBe(pid);

      await writer.query(`INSERT INTO users (id, username) VALUES ($1, 'after')`, [MAX_SNOWFLAKE]);
      await p.waitFor(isChange('users', 'INSERT', { id: MAX_SNOWFLAKE }), 'a change on the new connection', live + 1);
    } finally {
      await p.stop();
      await hub.close();
      await writer.close();
    }
  });
});
