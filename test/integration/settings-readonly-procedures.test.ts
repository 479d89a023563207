/**
 * The read-only role against the whole router, not one probe: connected as a role that may
 * only SELECT (detected by settings/read-only.ts), every write procedure of appRouter
 * (enumerated from its definition) is refused up front with the explanation and touches
 * nothing, while the screens' reads still answer. The only mutations that stay open are the
 * ones that never write the database (local settings, a dry-run preview); they are named here.
 */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openDatabase, type AuroraDatabase } from '../../src/main/core/database.js';
import { seedDatabase } from '../../src/main/db/seed.js';
import { detectReadOnly } from '../../src/main/connection/read-only.js';
import { describeOnBothDrivers, SMALL_WORLD } from '../fixtures/databases.js';
import { callerFor, createTestServices, testStaff } from '../fixtures/services.js';
import { fingerprintTables, listMutations, procedureAt } from '../fixtures/hostile-input-kit.js';
import { rejectionOf } from '../fixtures/rejection.js';

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
  'settings.setImageHosts': 'local settings file',
  'settings.testDiscord': 'asks Discord who the bot is and what it may do; writes nothing to the database',
  'quests.previewImport': 'a dry run: plans the import and writes nothing',
};

type Caller = ReturnType<typeof callerFor>;

/** What the seeded database holds, counted in SQL, to check each screen's answer against. */
interface Seeded {
  activeCases: number;
  resolvedCases: number;
  players: number;
  quests: number;
  items: number;
  lootdrops: number;
}

/**
 * Each screen's reads as the renderer asks them, and what the answer must show of the seeded
 * database. Every answer is also compared whole with the one the owner got before the role
 * took over (less the fields that name the moment of the call).
 */
const SCREEN_READS: Record<string, { read: (caller: Caller) => Promise<unknown>; shows: (answer: never, seeded: Seeded) => void }> = {
  'moderation.list': {
    read: (c) => c.moderation.list({ queue: 'active' }),
    shows: (answer: { cases: { active: boolean }[] }, seeded) => {
      expect(answer.cases).toHaveLength(seeded.activeCases);
      expect(answer.cases.every((c) => c.active)).toBe(true);
    },
  },
  'moderation.counts': {
    read: (c) => c.moderation.counts({ queue: 'active' }),
    shows: (answer: { queues: { active: number; resolved: number }; types: { count: number }[] }, seeded) => {
      expect(answer.queues).toMatchObject({ active: seeded.activeCases, resolved: seeded.resolvedCases });
      expect(answer.types.reduce((sum, t) => sum + t.count, 0)).toBe(seeded.activeCases);
    },
  },
  'moderation.exportCsv': {
    read: (c) => c.moderation.exportCsv({ queue: 'resolved' }),
    shows: (answer: { csv: string }, seeded) => {
      const [header, ...rows] = answer.csv.trimEnd().split('\r\n');
      expect(header).toMatch(/^case_id,type,user_id,/);
      expect(rows).toHaveLength(seeded.resolvedCases);
    },
  },
  'players.search': {
    read: (c) => c.players.search({ query: '' }),
    shows: (answer: { players: unknown[] }, seeded) => expect(answer.players).toHaveLength(seeded.players),
  },
  'economy.overview': {
    read: (c) => c.economy.overview({}),
    shows: (answer: { players: number; topHolders: unknown[] }, seeded) => {
      expect(answer.players).toBe(seeded.players);
      expect(answer.topHolders.length).toBeGreaterThan(0);
    },
  },
  'quests.list': {
    read: (c) => c.quests.list({}),
    shows: (answer: { total: number }, seeded) => expect(answer.total).toBe(seeded.quests),
  },
  'items.list': {
    read: (c) => c.items.list({}),
    shows: (answer: { total: number }, seeded) => expect(answer.total).toBe(seeded.items),
  },
  'lootdrops.board': {
    read: (c) => c.lootdrops.board({}),
    shows: (answer: { active: unknown[]; claimed: unknown[]; expired: unknown[] }, seeded) =>
      expect(answer.active.length + answer.claimed.length + answer.expired.length).toBe(seeded.lootdrops),
  },
  'lootdrops.history': {
    read: (c) => c.lootdrops.history({}),
    shows: (answer: { rows: unknown[] }, seeded) => expect(answer.rows).toHaveLength(seeded.lootdrops),
  },
  'audit.list': {
    read: (c) => c.audit.list({}),
    // The owner's grant before the role took over: a refused write adds nothing.
    shows: (answer: { entries: { procedure: string; outcome: string }[] }) =>
      expect(answer.entries).toEqual([expect.objectContaining({ procedure: 'players.grantCurrency', outcome: 'ok' })]),
  },
  // The dry-run import plans without writing.
  'quests.previewImport': {
    read: (c) => c.quests.previewImport({ text: '{}' }),
    shows: (answer: { canApply: boolean; fileErrors: string[] }) => {
      expect(answer.canApply).toBe(false);
      expect(answer.fileErrors[0]).toMatch(/^format: Not a quest pack/);
    },
  },
};

/** An answer without the fields that name the moment of the call (the board's clock, the counts' time). */
function comparable(answer: unknown): unknown {
  if (typeof answer !== 'object' || answer === null) return answer;
  const { now: _now, asOf: _asOf, ...rest } = answer as Record<string, unknown>;
  return rest;
}

describeOnBothDrivers('a SELECT-only role against every procedure', (current, driver) => {
  const role = `aurora_sel_${process.pid}_${randomBytes(3).toString('hex')}`;
  let session: AuroraDatabase;
  let reason: string | null;
  let seeded: Seeded;
  /** Each screen read's answer to the owner, before the role took over. */
  const asOwner = new Map<string, unknown>();
  const readOnlyCaller = () => callerFor(createTestServices(session, { identity: testStaff, readOnlyReason: reason }));

  beforeAll(async () => {
    const owner = current().database;
    await seedDatabase(owner, SMALL_WORLD);
    const { rows } = await owner.query<Record<keyof Seeded, number> & { player: string }>(
      `SELECT (SELECT count(*)::int FROM moderation_cases WHERE active) AS "activeCases",
              (SELECT count(*)::int FROM moderation_cases WHERE NOT active) AS "resolvedCases",
              (SELECT count(*)::int FROM users) AS players, (SELECT count(*)::int FROM quests) AS quests,
              (SELECT count(*)::int FROM items) AS items, (SELECT count(*)::int FROM lootdrops) AS lootdrops,
              (SELECT min(id)::text FROM users) AS player`,
    );
    const { player, ...counts } = rows[0]!;
    seeded = counts;
    // One staff action while the database may still be written, so the audit screen has a row to show.
    const ownerCaller = callerFor(createTestServices(owner, { identity: testStaff }));
    await ownerCaller.players.grantCurrency({ playerId: BigInt(player), amount: 1n, reason: 'Before the role was limited' });
    for (const [path, { read }] of Object.entries(SCREEN_READS)) asOwner.set(path, await read(ownerCaller));
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
    const desk = createTestServices(session, { identity: testStaff, readOnlyReason: reason });
    const caller = callerFor(desk);
    const before = await fingerprintTables(current().database);
    const writes = listMutations().filter((m) => !(m.path in NOT_DATABASE_WRITES));
    expect(writes.length).toBeGreaterThanOrEqual(25);
    for (const { path } of writes) {
      // Refused before the input is even read: any input gets the same answer.
      const refused = await rejectionOf(procedureAt(caller, path)({}), path);
      expect(refused.code, path).toBe('PRECONDITION_FAILED');
      expect(refused.message, path).toBe(reason);
      expect(refused.data.precondition, path).toBe('read-only');
    }
    expect(await fingerprintTables(current().database)).toEqual(before);
  });

  it('names every mutation that stays open, and each still exists', () => {
    const paths = new Set(listMutations().map((m) => m.path));
    for (const path of Object.keys(NOT_DATABASE_WRITES)) expect(paths.has(path), path).toBe(true);
  });

  it('tells the screens it is read-only', async () => {
    const status = await readOnlyCaller().system.status();
    expect(status.readOnlyReason).toBe(reason);
    expect(status.identity).toEqual(testStaff);
  });

  for (const [path, { read, shows }] of Object.entries(SCREEN_READS)) {
    it(`still answers ${path}, as it did before the role took over`, async () => {
      const answer = await read(readOnlyCaller());
      shows(answer as never, seeded);
      expect(comparable(answer)).toEqual(comparable(asOwner.get(path)));
    });
  }
});
