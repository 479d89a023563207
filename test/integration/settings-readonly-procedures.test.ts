/**
 * The read-only role against the whole router, not one probe: connected as a role that may
 * only SELECT (detected by settings/read-only.ts), every write procedure of appRouter
 * (enumerated from its definition) is refused up front with the explanation and touches
 * nothing, while the screens' reads still answer. The only mutations that stay open are the
 * ones that never write the database (local settings, a dry-run preview); they are named here.
 */
import { randomBytes } from 'node:crypto';
import { TRPCError } from '@trpc/server';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openDatabase, type AuroraDatabase } from '../../src/main/db/open.js';
import { seedDatabase } from '../../src/main/db/seed.js';
import { detectReadOnly } from '../../src/main/features/settings/read-only.js';
import { describeOnBothDrivers } from '../fixtures/databases.js';
import { callerFor, createTestRuntime, testStaff } from '../fixtures/runtime.js';
import { fingerprintTables, listMutations } from '../fixtures/hostile-input-kit.js';

/** Mutations that do not write the bot's database, and why they stay open on a read-only role. */
const NOT_DATABASE_WRITES: Record<string, string> = {
  'settings.saveProfile': 'connection profiles live in the local settings file',
  'settings.deleteProfile': 'local settings file',
  'settings.testProfile': 'opens a side connection and changes nothing',
  'settings.switchProfile': 'switching away from a read-only database must stay possible',
  'settings.setIdentity': 'local settings file',
  'settings.setDiscord': 'local settings file',
  'settings.setNotifications': 'local settings file',
  'settings.setTheme': 'local settings file',
  'quests.previewImport': 'a dry run: plans the import and writes nothing',
};

const callAt = (caller: unknown, path: string) =>
  path.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], caller) as (input?: unknown) => Promise<unknown>;

describeOnBothDrivers('a SELECT-only role against every procedure', (current, driver) => {
  const role = `aurora_sel_${process.pid}_${randomBytes(3).toString('hex')}`;
  let session: AuroraDatabase;
  let reason: string | null;

  beforeAll(async () => {
    const owner = current().database;
    await seedDatabase(owner, { users: 30, cases: 40, transactions: 40, itemTransactions: 20, quests: 6, questProgress: 20, lootdrops: 8, items: 25 });
    await owner.query(`CREATE ROLE ${role} ${driver === 'postgres' ? 'LOGIN' : 'NOLOGIN'}`);
    for (const schema of ['public', 'aurora_desk']) {
      await owner.query(`GRANT USAGE ON SCHEMA ${schema} TO ${role}`);
      await owner.query(`GRANT SELECT ON ALL TABLES IN SCHEMA ${schema} TO ${role}`);
    }
    if (driver === 'pglite') {
      await owner.query(`SET ROLE ${role}`);
      session = owner;
    } else {
      const url = new URL(current().url!);
      url.username = role;
      url.password = '';
      session = await openDatabase({ kind: 'postgres', url: url.toString(), poolSize: 2 });
    }
    reason = await detectReadOnly(session);
  }, 120_000);

  afterAll(async () => {
    const owner = current().database;
    if (driver === 'pglite') await owner.query('RESET ROLE');
    else await session?.close();
    await owner.query(`DROP OWNED BY ${role}`);
    await owner.query(`DROP ROLE IF EXISTS ${role}`);
  });

  it('is detected as read-only, with an explanation', () => {
    expect(reason).toMatch(new RegExp(`^Role "${role}" may only read this database`));
  });

  it('refuses every write procedure up front with that explanation, and changes nothing', async () => {
    const runtime = createTestRuntime(session, { identity: testStaff, readOnlyReason: reason });
    const caller = callerFor(runtime);
    const before = await fingerprintTables(current().database);
    const writes = listMutations().filter((m) => !(m.path in NOT_DATABASE_WRITES));
    expect(writes.length).toBeGreaterThanOrEqual(25);
    for (const { path } of writes) {
      // Refused before the input is even read: any input gets the same answer.
      const error = await callAt(caller, path)({}).then(
        () => null,
        (e: unknown) => e,
      );
      expect(error, `${path} was accepted`).toBeInstanceOf(TRPCError);
      expect((error as TRPCError).code, path).toBe('PRECONDITION_FAILED');
      expect((error as TRPCError).message, path).toBe(reason);
    }
    expect(await fingerprintTables(current().database)).toEqual(before);
  });

  it('names every mutation that stays open, and each still exists', () => {
    const paths = new Set(listMutations().map((m) => m.path));
    for (const path of Object.keys(NOT_DATABASE_WRITES)) expect(paths.has(path), path).toBe(true);
  });

  it("still answers every screen's reads", async () => {
    const caller = callerFor(createTestRuntime(session, { identity: testStaff, readOnlyReason: reason }));
    const status = await caller.system.status();
    expect(status.readOnlyReason).toBe(reason);
    const cases = await caller.moderation.list({ queue: 'active' });
    expect(cases.cases.length).toBeGreaterThan(0);
    await expect(caller.moderation.counts({ queue: 'active' })).resolves.toBeDefined();
    await expect(caller.moderation.exportCsv({ queue: 'resolved' })).resolves.toBeDefined();
    const players = await caller.players.search({ query: '' });
    expect(JSON.stringify(players, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v)).length).toBeGreaterThan(10);
    await expect(caller.economy.overview({})).resolves.toBeDefined();
    await expect(caller.quests.list({})).resolves.toBeDefined();
    await expect(caller.items.list({})).resolves.toBeDefined();
    await expect(caller.lootdrops.board({})).resolves.toBeDefined();
    await expect(caller.lootdrops.history({})).resolves.toBeDefined();
    await expect(caller.audit.list({})).resolves.toBeDefined();
    // The dry-run import plans without writing.
    await expect(caller.quests.previewImport({ text: '{}' })).resolves.toBeDefined();
  });
});
