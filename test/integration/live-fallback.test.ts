import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { liveNotify, liveTableKeys, LIVE_TRIGGER_NAME } from '../../src/main/db/desk/0003_live_notify.js';
import { deskMigrations } from '../../src/main/db/desk/index.js';
import { ensureBotSchema, migrateDesk } from '../../src/main/db/migrate.js';
import { openDatabase, type AuroraDatabase } from '../../src/main/core/database.js';
import { createLiveHub } from '../../src/main/live/hub.js';
import type { LiveHub } from '../../src/main/live/types.js';
import { silentLogger } from '../../src/main/core/log.js';
import { adminQuery, describeOnBothDrivers, type Driver, type ScratchDatabase } from '../fixtures/databases.js';
import { isChange, isResync, isStatus, LiveProbe, openWriter, type Writer } from '../fixtures/live-probe.js';

const tables = Object.keys(liveTableKeys);
const fast = { log: silentLogger, pollIntervalMs: 40, checkIntervalMs: 100, reconnect: { initialMs: 20, maxMs: 200 } };

describeOnBothDrivers('live updates without triggers', (current, driver) => {
  let writer: Writer;
  beforeAll(async () => {
    writer = await openWriter(current());
    for (const table of tables) await current().database.query(`DROP TRIGGER ${LIVE_TRIGGER_NAME} ON ${table}`);
  });
  afterAll(async () => {
    await writer?.close();
  });

  it('reports polling with the reason, still delivers insert, update and delete, and goes live once the triggers return', async () => {
    const hub = await createLiveHub(current().database, fast);
    const p = new LiveProbe((signal) => hub.events(signal));
    try {
      expect(hub.status().mode).toBe('polling');
      expect(hub.status().reason).toMatch(/missing on moderation_cases, lootdrops, quests, items, user_quests, users/);
      await p.waitFor(isStatus('polling'), 'the first status');

      await writer.query(`INSERT INTO users (id, username) VALUES (9223372036854775807, 'nyx')`);
      let at = await p.waitFor(isChange('users', 'UPDATE', {}), 'the insert, seen by polling');
      // Same row count: only the fingerprint's xmin sum can tell.
      await writer.query(`UPDATE users SET username = 'nyx2'`);
      at = await p.waitFor(isChange('users'), 'the update, seen by polling', at + 1);
      await writer.query(`DELETE FROM users`);
      at = await p.waitFor(isChange('users'), 'the delete, seen by polling', at + 1);
      expect(p.events.slice(at).some(isChange('quests'))).toBe(false);

      await current().database.query('SELECT aurora_desk.install_live_triggers()');
      const resync = await p.waitFor(isResync, 'resync on switching to live', at + 1);
      await p.waitFor(isStatus('live'), 'live', resync + 1);
      await writer.query(`INSERT INTO quests (name, trigger_event, requirements, rewards) VALUES ('Back', 'X', '{}', '{}')`);
      await p.waitFor((e) => isChange('quests', 'INSERT')(e) && e.kind === 'change' && e.key.id !== undefined, 'a keyed change');
    } finally {
      await p.stop();
      await hub.close();
      for (const table of tables) await current().database.query(`DROP TRIGGER ${LIVE_TRIGGER_NAME} ON ${table}`);
    }
  });

  it(
    driver === 'postgres'
      ? 'watches tables too large to scan through the statistics counters'
      : 'reports a table it cannot fingerprint as changed periodically (PGlite keeps no counters)',
    async () => {
      const hub = await createLiveHub(current().database, { ...fast, exactScanMaxBytes: -1, blindRefreshMs: 150 });
      const p = new LiveProbe((signal) => hub.events(signal));
      try {
        await p.waitFor(isStatus('polling'), 'polling');
        if (driver === 'postgres') {
          // A fresh connection: a backend flushes its counters as soon as it goes idle, unless
          // it flushed less than a second ago (then PostgreSQL 15+ waits up to 10 s).
          const fresh = await openWriter(current());
          await fresh.query(`INSERT INTO items (name, type) VALUES ('Counted', 'MATERIAL')`);
          await fresh.close();
          await p.waitFor(isChange('items'), 'the counted insert', 0, 25_000);
        } else {
          await p.waitFor(isChange('quests'), 'a blind refresh of quests');
        }
      } finally {
        await p.stop();
        await hub.close();
      }
    },
  );
});

describeOnBothDrivers(
  'live updates for a role that does not own the bot tables',
  (current, driver) => {
    const role = `aurora_t_desk_${randomBytes(4).toString('hex')}`;
    let asRole: AuroraDatabase;
    let hub: LiveHub | undefined;

    beforeAll(async () => {
      await ensureBotSchema(current().database);
      asRole = await connectAs(current(), driver, role);
    });
    afterAll(async () => {
      await hub?.close();
      if (driver === 'postgres') {
        await asRole?.close();
        await current().drop();
        await adminQuery(`DROP ROLE IF EXISTS ${role}`);
      } else {
        await current().database.query('RESET ROLE');
      }
    });

    it('keeps aurora_desk, records why the triggers are absent, polls, and takes the triggers once granted', async () => {
      // Up to this step only: later steps belong to other areas and are tested there.
      const report = await migrateDesk(asRole, deskMigrations.filter((m) => m.version <= liveNotify.version));
      expect(report.available).toBe(true);
      expect(report.applied).toContain(3);
      const setup = await asRole.query<{ table_name: string; installed: boolean; detail: string }>(
        'SELECT table_name, installed, detail FROM aurora_desk.live_setup ORDER BY table_name',
      );
      expect(setup.rows.map((r) => r.table_name).sort()).toEqual([...tables].sort());
      expect(setup.rows.every((r) => !r.installed && /^permission denied/.test(r.detail))).toBe(true);
      // The rest of aurora_desk works for this role.
      await asRole.query(`INSERT INTO aurora_desk.audit_log (actor_id, actor_name, procedure, outcome) VALUES (1, 'x', 'test', 'ok')`);

      hub = await createLiveHub(asRole, fast);
      expect(hub.status().mode).toBe('polling');
      expect(hub.status().reason).toMatch(/permission denied/);
      const p = new LiveProbe((signal) => hub!.events(signal));
      try {
        await p.waitFor(isStatus('polling'), 'polling');
        await asRole.query(`INSERT INTO lootdrops (message_id, channel_id, reward_amount, currency) VALUES ('1300000000000000009', '1', 5, 'GOLD')`);
        const at = await p.waitFor(isChange('lootdrops'), 'the lootdrop, by polling');

        // The documented remedy: the owner grants TRIGGER, the desk role installs them.
        await ownerQuery(current(), driver, `GRANT TRIGGER ON ${tables.join(', ')} TO ${role}`);
        const installed = await asRole.query<{ n: number }>('SELECT aurora_desk.install_live_triggers() AS n');
        expect(Number(installed.rows[0]?.n)).toBe(tables.length);
        await p.waitFor(isStatus('live'), 'live after the grant', at + 1);
      } finally {
        await p.stop();
      }
    });
  },
  { migrated: false },
);

/** A login (pg) or SET ROLE (PGlite, one session) with table rights but no ownership. */
async function connectAs(scratch: ScratchDatabase, driver: Driver, role: string): Promise<AuroraDatabase> {
  const grants = [
    `GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${role}`,
    `GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO ${role}`,
  ];
  const db = scratch.database;
  const name = (await db.query<{ name: string }>('SELECT current_database() AS name')).rows[0]!.name;
  await db.query(driver === 'postgres' ? `CREATE ROLE ${role} LOGIN` : `CREATE ROLE ${role}`);
  if (driver === 'pglite') {
    // PGlite cannot GRANT on its initial database row ("tuple concurrently deleted") until
    // the row has been rewritten once; an owner round trip does that and changes nothing.
    await db.query(`ALTER DATABASE "${name}" OWNER TO ${role}`);
    await db.query(`ALTER DATABASE "${name}" OWNER TO postgres`);
  }
  await db.query(`GRANT CREATE ON DATABASE "${name}" TO ${role}`);
  for (const grant of grants) await db.query(grant);
  if (driver === 'pglite') {
    await db.query(`SET ROLE ${role}`);
    return db;
  }
  const url = new URL(scratch.url!);
  url.username = role;
  url.password = '';
  return openDatabase({ kind: 'postgres', url: url.toString(), poolSize: 3 });
}

async function ownerQuery(scratch: ScratchDatabase, driver: Driver, text: string): Promise<void> {
  if (driver === 'postgres') {
    await scratch.database.query(text);
    return;
  }
  // PGlite has one session, currently acting as the desk role.
  await scratch.database.query('RESET ROLE');
  try {
    await scratch.database.query(text);
  } finally {
    const role = text.split(' TO ')[1]!;
    await scratch.database.query(`SET ROLE ${role}`);
  }
}
