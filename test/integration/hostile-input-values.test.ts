/**
 * Values the database cannot hold, sent to the router as a compromised page could:
 *
 * - values of the right type past their column's range: bigints past int8 (or below zero for a
 *   Discord ID), keyset cursors whose pattern fits but whose parts do not (a 13th month, a 30th
 *   of February, an id past int8), dates PostgreSQL cannot store. Each used to reach a SQL cast
 *   and answer 500;
 * - text holding U+0000, which PostgreSQL text cannot store, in a key no schema knows: it was
 *   stripped from the input but written into the audit row, whose insert then failed the write.
 *
 * Each must be a BAD_REQUEST naming the field, with nothing changed. On PGlite and PostgreSQL,
 * whose casts fail differently.
 */
import { beforeAll, expect, it } from 'vitest';
import { seedDatabase } from '../../src/main/db/seed.js';
import { describeOnBothDrivers, SMALL_WORLD } from '../fixtures/databases.js';
import { fingerprintTables, procedureAt } from '../fixtures/hostile-input-kit.js';
import { rejectionOf } from '../fixtures/rejection.js';
import { callerFor, createTestServices, testStaff } from '../fixtures/services.js';

const INT8_OVER = 2n ** 63n;
const INT8_UNDER = -(2n ** 63n) - 1n;
const seen = { active: true, resolvedAt: null, claimedById: null, reasonDigest: 'null' };

interface Probe {
  path: string;
  input: unknown;
  /** The field the refusal must name (a dotted path, as fieldErrors spell it). */
  field: string;
}

const reads: Probe[] = [
  { path: 'moderation.detail', input: { id: INT8_OVER }, field: 'id' },
  { path: 'moderation.byIds', input: { ids: [1n, 2n ** 64n] }, field: 'ids.1' },
  { path: 'moderation.targetHistory', input: { userId: INT8_OVER }, field: 'userId' },
  { path: 'moderation.list', input: { queue: 'recent', filters: { moderatorId: -1n } }, field: 'filters.moderatorId' },
  { path: 'moderation.list', input: { queue: 'recent', filters: { target: '99999999999999999999' } }, field: 'filters.target' },
  { path: 'moderation.list', input: { queue: 'recent', cursor: '2026-01-02T03:04:05.123456|9999999999999999999' }, field: 'cursor' },
  { path: 'moderation.list', input: { queue: 'recent', through: '2026-13-45T25:61:61|42' }, field: 'through' },
  { path: 'moderation.counts', input: { queue: 'active', filters: { from: new Date(-8.64e15) } }, field: 'filters.from' },
  { path: 'lootdrops.history', input: { cursor: '2026-02-30T00:00:00|1200000000000000001' }, field: 'cursor' },
  { path: 'lootdrops.history', input: { cursor: '2026-01-01T00:00:00|99999999999999999999' }, field: 'cursor' },
  { path: 'lootdrops.history', input: { to: new Date(8.64e15) }, field: 'to' },
  { path: 'audit.list', input: { cursor: INT8_UNDER }, field: 'cursor' },
  { path: 'audit.list', input: { actorId: INT8_OVER }, field: 'actorId' },
  { path: 'players.currencyLedger', input: { playerId: 1100000000000000001n, cursor: INT8_OVER }, field: 'cursor' },
  { path: 'players.search', input: { cursor: { name: 'a', id: INT8_UNDER } }, field: 'cursor.id' },
];

const writes: Probe[] = [
  { path: 'moderation.claim', input: { id: INT8_OVER, expected: seen }, field: 'id' },
  { path: 'moderation.addNote', input: { id: INT8_UNDER, text: 'a note' }, field: 'id' },
  { path: 'moderation.resolve', input: { id: 1n, expected: { ...seen, claimedById: INT8_OVER }, reason: 'done' }, field: 'expected.claimedById' },
  { path: 'moderation.bulkResolve', input: { cases: [{ id: INT8_OVER, expected: seen }], reason: 'done' }, field: 'cases.0.id' },
  { path: 'moderation.reopen', input: { id: 1n, expected: { ...seen, resolvedAt: new Date(8.64e15) } }, field: 'expected.resolvedAt' },
  { path: 'lootdrops.pauseBurst', input: { id: INT8_OVER }, field: 'id' },
  { path: 'lootdrops.discardBurst', input: { id: INT8_UNDER }, field: 'id' },
];

describeOnBothDrivers('inputs past their column range', (current) => {
  beforeAll(async () => {
    await seedDatabase(current().database, SMALL_WORLD);
  }, 120_000);

  for (const { path, input, field } of [...reads, ...writes]) {
    it(`${path} refuses ${field} out of range, naming it`, async () => {
      const { database } = current();
      const call = procedureAt(callerFor(createTestServices(database, { identity: testStaff })), path);
      const before = await fingerprintTables(database);
      const refused = await rejectionOf(call(input), path);
      expect(refused.code, refused.message).toBe('BAD_REQUEST');
      expect(Object.keys(refused.data.fieldErrors ?? {})).toContain(field);
      expect(await fingerprintTables(database)).toEqual(before);
    });
  }

  it('refuses a key no schema knows, holding U+0000, naming it, and writes nothing (not even an audit row)', async () => {
    const { database } = current();
    const caller = callerFor(createTestServices(database, { identity: testStaff }));
    const before = await fingerprintTables(database);
    const { rows: audit } = await database.query<{ n: string }>('SELECT count(*)::text AS n FROM aurora_desk.audit_log');
    const refused = await rejectionOf(
      procedureAt(caller, 'moderation.addNote')({ id: 2n, text: 'A note a moderator wrote', via: 'desk\u0000hidden' }),
      'moderation.addNote',
    );
    expect(refused.code, refused.message).toBe('BAD_REQUEST');
    expect(Object.keys(refused.data.fieldErrors ?? {})).toEqual(['via']);
    const unknown = await rejectionOf(procedureAt(caller, 'moderation.addNote')({ id: 2n, text: 'A note a moderator wrote', via: 'desk' }), 'moderation.addNote');
    expect(unknown.code, unknown.message).toBe('BAD_REQUEST');
    expect(Object.keys(unknown.data.fieldErrors ?? {})).toEqual(['via']);
    expect(await fingerprintTables(database)).toEqual(before);
    const { rows: after } = await database.query<{ n: string }>('SELECT count(*)::text AS n FROM aurora_desk.audit_log');
    expect(Number(after[0]!.n) - Number(audit[0]!.n)).toBeLessThanOrEqual(1);
  });

  it('still answers the same procedures at the edges of the ranges', async () => {
    const caller = callerFor(createTestServices(current().database, { identity: testStaff }));
    await expect(caller.moderation.detail({ id: 2n ** 63n - 1n })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect((await caller.moderation.list({ queue: 'recent', cursor: '9999-12-31T23:59:59.999999|9223372036854775807', limit: 1 })).cases).toHaveLength(1);
    expect((await caller.moderation.list({ queue: 'recent', filters: { target: '9223372036854775807' } })).cases).toEqual([]);
    expect((await caller.lootdrops.history({ cursor: '2028-02-29T00:00:00|9223372036854775807' })).rows.length).toBeGreaterThan(0);
    expect((await caller.audit.list({ cursor: -(2n ** 63n) })).entries).toEqual([]);
    expect((await caller.players.search({ cursor: { name: '', id: 0n } })).players.length).toBeGreaterThan(0);
  });
});
