/**
 * Read-only detection: a role that may only SELECT is told so up front (and writes are refused
 * before they reach the database), a role that may write some tables is not, and a session
 * with default_transaction_read_only is. On PostgreSQL the test role logs in for real.
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createCallerFactory, createContext, router, writeProcedure } from '../../src/main/api/trpc.js';
import { openDatabase, type AuroraDatabase } from '../../src/main/core/database.js';
import { createDeskHost } from '../../src/main/host.js';
import { silentLogger } from '../../src/main/core/log.js';
import { createKeyFileCipher } from '../../src/main/core/settings-store/key-file-cipher.js';
import { detectReadOnly } from '../../src/main/connection/read-only.js';
import { describeOnBothDrivers, type Driver, type ScratchDatabase } from '../fixtures/databases.js';
import { callerFor } from '../fixtures/services.js';

/** A write procedure of the real kind, to see the host's read-only answer reach it. */
const probeRouter = router({ poke: writeProcedure.mutation(() => 'written') });
const createProbeCaller = createCallerFactory(probeRouter);

interface RoleSession {
  database: AuroraDatabase;
  url?: string;
  done(): Promise<void>;
}

describeOnBothDrivers('read-only detection', (current, driver: Driver) => {
  const roles: string[] = [];

  /** Creates a role with `grants` and returns a session as that role. */
  async function sessionAs(grants: string[], setup: string[] = []): Promise<RoleSession> {
    const scratch: ScratchDatabase = current();
    const role = `aurora_ro_${process.pid}_${randomBytes(3).toString('hex')}`;
    roles.push(role);
    await scratch.database.query(`CREATE ROLE ${role} ${driver === 'postgres' ? 'LOGIN' : 'NOLOGIN'}`);
    await scratch.database.query(`GRANT USAGE ON SCHEMA public TO ${role}`);
    for (const grant of grants) await scratch.database.query(`GRANT ${grant} TO ${role}`);
    for (const statement of setup) await scratch.database.query(statement.replaceAll('$ROLE', role));
    if (driver === 'pglite') {
      // One connection: become the role, and come back afterwards.
      await scratch.database.query(`SET ROLE ${role}`);
      return {
        database: scratch.database,
        async done() {
          await scratch.database.query('RESET ROLE');
          await scratch.database.query('RESET default_transaction_read_only');
        },
      };
    }
    const u = new URL(scratch.url!);
    u.username = role;
    u.password = '';
    const database = await openDatabase({ kind: 'postgres', url: u.toString(), poolSize: 2 });
    return { database, url: u.toString(), done: () => database.close() };
  }

  afterAll(async () => {
    if (driver !== 'postgres') return;
    // Roles are cluster-wide: take their privileges away, then drop them.
    for (const role of roles) {
      await current().database.query(`DROP OWNED BY ${role}`);
      await current().database.query(`DROP ROLE IF EXISTS ${role}`);
    }
  });

  it('finds nothing to complain about for the owner', async () => {
    expect(await detectReadOnly(current().database)).toBeNull();
  });

  it('names a role that may only SELECT', async () => {
    const countCases = 'SELECT count(*)::int AS n FROM moderation_cases';
    const asOwner = (await current().database.query(countCases)).rows;
    const session = await sessionAs(['SELECT ON ALL TABLES IN SCHEMA public']);
    try {
      const reason = await detectReadOnly(session.database);
      expect(reason).toMatch(/^Role "aurora_ro_\w+" may only read this database \(no INSERT or UPDATE on moderation_cases, lootdrops, quests, …\)/);
      // It can still read, and reads what the owner does.
      expect((await session.database.query(countCases)).rows).toEqual(asOwner);
    } finally {
      await session.done();
    }
  });

  it('lets a role that may write some of the tables through (those writes answer one by one)', async () => {
    const session = await sessionAs(['SELECT ON ALL TABLES IN SCHEMA public', 'INSERT, UPDATE ON moderation_cases']);
    try {
      expect(await detectReadOnly(session.database)).toBeNull();
    } finally {
      await session.done();
    }
  });

  it('notices default_transaction_read_only', async () => {
    const session = await sessionAs(
      ['SELECT, INSERT, UPDATE ON ALL TABLES IN SCHEMA public'],
      driver === 'postgres' ? ['ALTER ROLE $ROLE SET default_transaction_read_only = on'] : ['SET default_transaction_read_only = on'],
    );
    try {
      expect(await detectReadOnly(session.database)).toMatch(/Transactions are read-only for role "aurora_ro_\w+"/);
    } finally {
      await session.done();
    }
  });

  if (driver === 'postgres') {
    let dataDir: string;
    beforeAll(async () => {
      dataDir = await mkdtemp(join(tmpdir(), 'aurora-ro-host-'));
    });
    afterAll(async () => {
      await rm(dataDir, { recursive: true, force: true });
    });

    it('a host opened as a SELECT-only role says so, installs nothing, and refuses writes up front', async () => {
      const countUsers = 'SELECT count(*)::int AS n FROM users';
      const asOwner = (await current().database.query(countUsers)).rows;
      const session = await sessionAs(['SELECT ON ALL TABLES IN SCHEMA public']);
      const host = await createDeskHost({ dataDir, cipher: createKeyFileCipher(dataDir), log: silentLogger, databaseUrlOverride: session.url });
      try {
        expect(host.connection()).toMatchObject({ profileId: 'env', driver: 'pg' });
        expect(host.readOnlyReason()).toMatch(/may only read this database/);
        expect(host.schemaReport()?.ok).toBe(true);
        const caller = callerFor(host);
        expect((await caller.system.status()).readOnlyReason).toMatch(/may only read/);
        expect((await caller.settings.get()).overriddenBy).toBe(host.connection().label);
        await caller.settings.setIdentity({ id: '1100000000000000001', name: 'Nyx' });
        await expect(createProbeCaller(createContext(host)).poke()).rejects.toMatchObject({
          code: 'PRECONDITION_FAILED',
          message: expect.stringMatching(/may only read this database/),
        });
        // Still readable, the same rows as the owner reads.
        expect((await host.database().query(countUsers)).rows).toEqual(asOwner);
      } finally {
        await host.close();
        await session.done();
      }
    });
  }
});
