/**
 * Write procedures and the staff audit log: refused without identity or on a read-only
 * connection (and then nothing is written), one audit row per call otherwise, secrets redacted,
 * and audit.list's filters. A test-only area supplies write procedures the app does not have yet.
 */
import { expect, it } from 'vitest';
import { z } from 'zod';
import { appRouter } from '../../src/main/api/root.js';
import { createCallerFactory, createContext, mergeRouters, router, writeProcedure } from '../../src/main/api/trpc.js';
import { ERRORS } from '../../src/main/core/errors.js';
import type { StaffIdentity } from '../../src/shared/identity.js';
import { describeOnBothDrivers } from '../fixtures/databases.js';
import { createTestServices, testStaff } from '../fixtures/services.js';
import { rejectionOf } from '../fixtures/rejection.js';
import type { AuroraDatabase } from '../../src/main/core/database.js';

const gameMaster: StaffIdentity = { id: 1100000000000000002n, name: 'Game Master Lyra' };

/** What each write saw as its actor, to prove ctx.actor is the configured identity. */
const actorsSeen: StaffIdentity[] = [];

const testArea = router({
  grantCoins: writeProcedure
    .input(z.object({ userId: z.bigint(), amount: z.bigint().positive('Grant a positive amount'), token: z.string().optional(), profile: z.object({ password: z.string() }).optional() }))
    .mutation(({ ctx, input }) => {
      actorsSeen.push(ctx.actor);
      return { userId: input.userId, amount: input.amount };
    }),
  resolveCase: writeProcedure.input(z.object({ caseId: z.string() })).mutation(({ input }): never => {
    throw ERRORS.conflict(`Case ${input.caseId} was resolved meanwhile.`, { changedBy: 'Moderator Nyx', changedAt: '2026-01-01T00:00:00Z' });
  }),
});

const testRouter = mergeRouters(appRouter, router({ test: testArea }));
const createTestCaller = createCallerFactory(testRouter);

async function auditCount(database: AuroraDatabase): Promise<number> {
  const { rows } = await database.query('SELECT count(*) AS n FROM aurora_desk.audit_log');
  return Number((rows[0] as { n: string }).n);
}

describeOnBothDrivers('write procedures and the audit log', (current) => {
  const callerAs = (identity: StaffIdentity | null, readOnlyReason: string | null = null) =>
    createTestCaller(createContext(createTestServices(current().database, { identity, readOnlyReason })));

  it('refuses a write without staff identity and writes nothing', async () => {
    const before = await auditCount(current().database);
    const error = await rejectionOf(callerAs(null).test.grantCoins({ userId: 1n, amount: 5n }));
    expect(error.code).toBe('PRECONDITION_FAILED');
    expect(error.data.precondition).toBe('identity');
    expect(await auditCount(current().database)).toBe(before);
  });

  it('refuses a write on a read-only connection and writes nothing', async () => {
    const before = await auditCount(current().database);
    const error = await rejectionOf(callerAs(testStaff, 'The role aurora_ro may only read.').test.grantCoins({ userId: 1n, amount: 5n }));
    expect(error.code).toBe('PRECONDITION_FAILED');
    expect(error.message).toBe('The role aurora_ro may only read.');
    expect(await auditCount(current().database)).toBe(before);
  });

  it('records a successful write: actor, procedure, summarised input with secrets redacted, outcome ok', async () => {
    actorsSeen.length = 0;
    const result = await callerAs(gameMaster).test.grantCoins({
      userId: 1300000000000000009n,
      amount: 9007199254740993n,
      token: 'discord-bot-token-value',
      profile: { password: 'hunter2' },
    });
    expect(result.amount).toBe(9007199254740993n);
    expect(actorsSeen).toEqual([gameMaster]);

    const { entries } = await callerAs(null).audit.list({ procedure: 'test.grantCoins', actorId: gameMaster.id });
    expect(entries).toHaveLength(1);
    const [entry] = entries;
    expect(entry).toMatchObject({ actorId: gameMaster.id, actorName: 'Game Master Lyra', procedure: 'test.grantCoins', outcome: 'ok', errorCode: null, errorMessage: null });
    expect(entry?.at).toBeInstanceOf(Date);
    expect(entry?.durationMs).toBeGreaterThanOrEqual(0);
    expect(entry?.input).toEqual({ userId: '1300000000000000009', amount: '9007199254740993', token: '[redacted]', profile: { password: '[redacted]' } });
    const { rows } = await current().database.query("SELECT input::text AS input FROM aurora_desk.audit_log WHERE procedure = 'test.grantCoins'");
    expect(JSON.stringify(rows)).not.toMatch(/hunter2|discord-bot-token-value/);
  });

  it('records a failed write with its error code and message', async () => {
    const error = await rejectionOf(callerAs(testStaff).test.resolveCase({ caseId: 'CASE-0042' }));
    expect(error.code).toBe('CONFLICT');
    const { entries } = await callerAs(null).audit.list({ procedure: 'test.resolveCase' });
    expect(entries[0]).toMatchObject({ actorId: testStaff.id, outcome: 'error', errorCode: 'CONFLICT', errorMessage: 'Case CASE-0042 was resolved meanwhile.' });
    expect(entries[0]?.input).toEqual({ caseId: 'CASE-0042' });
  });

  it('records a write refused by input validation as an error (BAD_REQUEST)', async () => {
    const error = await rejectionOf(callerAs(testStaff).test.grantCoins({ userId: 1n, amount: -5n }));
    expect(error.code).toBe('BAD_REQUEST');
    const { entries } = await callerAs(null).audit.list({ procedure: 'test.grantCoins', outcome: 'error' });
    expect(entries[0]).toMatchObject({ errorCode: 'BAD_REQUEST', actorId: testStaff.id });
    expect(entries[0]?.input).toEqual({ userId: '1', amount: '-5' });
  });

  it('filters audit.list by actor, outcome, procedure and search, and pages with a cursor', async () => {
    // Its own actor, so the test stands alone whatever ran before it.
    const eventStaff: StaffIdentity = { id: 1100000000000000003n, name: 'Event Staff Orin' };
    const orin = callerAs(eventStaff);
    for (let i = 0; i < 5; i++) await orin.test.grantCoins({ userId: BigInt(i), amount: 1n });
    expect((await rejectionOf(orin.test.resolveCase({ caseId: 'CASE-ORIN-1' }))).code).toBe('CONFLICT');
    await callerAs(gameMaster).test.grantCoins({ userId: 9n, amount: 1n });
    const reader = callerAs(null);

    const byOrin = await reader.audit.list({ actorId: eventStaff.id });
    expect(byOrin.entries).toHaveLength(6);
    expect(new Set(byOrin.entries.map((e) => e.actorName))).toEqual(new Set(['Event Staff Orin']));

    const orinFailures = await reader.audit.list({ actorId: eventStaff.id, outcome: 'error' });
    expect(orinFailures.entries.map((e) => [e.procedure, e.errorCode])).toEqual([['test.resolveCase', 'CONFLICT']]);
    const allFailures = await reader.audit.list({ outcome: 'error' });
    expect(allFailures.entries.length).toBeGreaterThanOrEqual(1);
    expect(allFailures.entries.every((e) => e.outcome === 'error')).toBe(true);

    const grants = await reader.audit.list({ actorId: eventStaff.id, procedure: 'GRANTCOINS' });
    expect(grants.entries).toHaveLength(5);
    expect(grants.entries.every((e) => e.procedure === 'test.grantCoins')).toBe(true);

    expect((await reader.audit.list({ search: 'orin' })).entries).toHaveLength(6);
    expect((await reader.audit.list({ search: 'CASE-ORIN-1' })).entries.map((e) => e.actorId)).toEqual([eventStaff.id]);
    expect((await reader.audit.list({ search: '100%_' })).entries).toEqual([]);

    const page1 = await reader.audit.list({ actorId: eventStaff.id, limit: 4 });
    expect(page1.entries).toHaveLength(4);
    expect(page1.nextCursor).not.toBeNull();
    const page2 = await reader.audit.list({ actorId: eventStaff.id, limit: 4, cursor: page1.nextCursor! });
    expect(page2.entries).toHaveLength(2);
    expect(page2.nextCursor).toBeNull();
    const ids = [...page1.entries, ...page2.entries].map((e) => e.id);
    expect(ids).toEqual(byOrin.entries.map((e) => e.id));
    expect(ids).toEqual([...ids].sort((a, b) => (a > b ? -1 : 1)));
  });
});
