/**
 * Reads built once per database handle (src/main/db/prepared-reads.ts): built on first use and
 * reused after, never shared between handles (a switched connection profile reads its own
 * database), and sent as unnamed statements (nothing left prepared on a bot's connection).
 */
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openDatabase, type AuroraDatabase, type AuroraDb } from '../../src/main/core/database.js';
import { preparedRead } from '../../src/main/db/prepared-reads.js';
import { users } from '../../src/main/db/schema.js';
import { createMigratedDatabase, describeOnBothDrivers, type ScratchDatabase } from '../fixtures/databases.js';
import { callerFor, createTestServices } from '../fixtures/services.js';

const ORIN = 1500000000000000001n;

describeOnBothDrivers('reads built once per database', (current, driver) => {
  let other: ScratchDatabase;
  const built: AuroraDb[] = [];
  const nameOf = preparedRead((db: AuroraDb) => {
    built.push(db);
    return db
      .select({ username: users.username })
      .from(users)
      .where(eq(users.id, sql.placeholder('id')));
  });

  beforeAll(async () => {
    other = await createMigratedDatabase(driver);
    await current().database.db.insert(users).values({ id: ORIN, username: 'orin' });
    await other.database.db.insert(users).values({ id: ORIN, username: 'orin-on-the-other-server' });
  });
  afterAll(async () => {
    await other?.drop();
  });

  it('builds on first use, reuses after, and gives each database handle its own', async () => {
    const here = current().database.db;
    expect(await nameOf(here, { id: ORIN })).toEqual([{ username: 'orin' }]);
    expect(await nameOf(here, { id: ORIN + 1n })).toEqual([]);
    expect(built).toEqual([here]);
    expect(await nameOf(other.database.db, { id: ORIN })).toEqual([{ username: 'orin-on-the-other-server' }]);
    expect(built).toHaveLength(2);
    expect(built[1]).toBe(other.database.db);
    // Side by side on one handle: each call gets its own answer.
    const many = await Promise.all([ORIN, ORIN + 1n, ORIN].map((id) => nameOf(here, { id })));
    expect(many).toEqual([[{ username: 'orin' }], [], [{ username: 'orin' }]]);
  });

  // PostgreSQL only (registered, not skipped): PGlite has one session and no pooled clients.
  if (driver === 'postgres') it('leaves nothing prepared on the connection (unnamed statements)', async () => {
    // One connection, so the check reads the session the router's statements ran on.
    const single: AuroraDatabase = await openDatabase({ kind: 'postgres', url: current().url!, poolSize: 1 });
    try {
      const caller = callerFor(createTestServices(single));
      const profile = await caller.players.profile({ playerId: ORIN });
      expect(profile.username).toBe('orin');
      const fragment = await caller.players.search({ query: 'ori' });
      expect(fragment.exact).toEqual([]);
      expect(fragment.players.map((p) => p.id)).toEqual([ORIN]);
      expect((await caller.players.search({ query: 'orin' })).exact.map((p) => p.id)).toEqual([ORIN]);
      const { rows } = await single.query<{ n: string }>('SELECT count(*) AS n FROM pg_prepared_statements');
      expect(rows[0]!.n).toBe('0');
    } finally {
      await single.close();
    }
  });
});
