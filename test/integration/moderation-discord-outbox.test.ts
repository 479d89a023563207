/**
 * The Discord outbox of moderation: a desk that stops between committing a case change and
 * recording Discord's answer (simulated by making the outcome write fail) leaves the case showing
 * the outcome as unknown, and the next desk to start asks the fake Discord what is true and
 * records that; an answer that never comes is unknown, not a failure; staff can retry; each
 * write's one audit row says what Discord did; and where the outbox could not be created, the
 * case's metadata alone keeps the record, with the call still after the commit.
 */
import { afterAll, beforeAll, beforeEach, expect, it, vi } from 'vitest';
import { createDiscordClient, type DiscordClient } from '../../src/main/core/discord/index.js';
import type { AuroraDatabase } from '../../src/main/core/database.js';
import { discordOutbox as discordOutboxStep } from '../../src/main/db/desk/0011_discord_outbox.js';
import { deskMigrations } from '../../src/main/db/desk/index.js';
import { ensureBotSchema, migrateDesk } from '../../src/main/db/migrate.js';
import { reconcileCaseDiscord, startDiscordReconcile } from '../../src/main/features/moderation/reconcile.js';
import type { CaseSummary } from '../../src/shared/domain/moderation.js';
import { describeOnBothDrivers } from '../fixtures/databases.js';
import { startFakeDiscord, type FakeDiscord } from '../fixtures/fake-discord.js';
import { rejectionOf } from '../fixtures/rejection.js';
import { callerFor, createTestServices, stopServices, type TestServices } from '../fixtures/services.js';
import { caseRow, DRIFTER, EMBER, NYX } from '../fixtures/moderation-world.js';

const GUILD = 1400000000000000001n;
const member = (user: bigint) => `${GUILD}:${user}`;

interface OutboxRow {
  id: string;
  action: string;
  state: string;
  learned_by: string | null;
  error_kind: string | null;
  error_message: string | null;
  audit_id: string | null;
  retried_by: string | null;
  run_host: string;
}

/** Every outcome write fails from now on, as if the desk stopped right after calling Discord. */
async function stopRecordingOutcomes(database: AuroraDatabase): Promise<() => Promise<void>> {
  await database.query(`
    CREATE FUNCTION aurora_desk.test_desk_stopped() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN RAISE EXCEPTION 'the desk stopped before it recorded what Discord answered'; END $$`);
  await database.query(`
    CREATE TRIGGER test_desk_stopped BEFORE UPDATE ON aurora_desk.discord_outbox
    FOR EACH ROW WHEN (NEW.state <> 'pending') EXECUTE FUNCTION aurora_desk.test_desk_stopped()`);
  return async () => {
    await database.query('DROP TRIGGER test_desk_stopped ON aurora_desk.discord_outbox');
    await database.query('DROP FUNCTION aurora_desk.test_desk_stopped()');
  };
}

describeOnBothDrivers('moderation through the Discord outbox', (current) => {
  let fake: FakeDiscord;
  let client: DiscordClient;
  const desks: TestServices[] = [];
  beforeAll(async () => {
    fake = await startFakeDiscord();
    client = createDiscordClient({ token: fake.token, apiBase: fake.apiBase, guildId: GUILD, timeoutMs: 5_000, retries: 1 });
  });
  afterAll(async () => {
    for (const desk of desks) await stopServices(desk);
    client.destroy();
    await fake.close();
  });
  beforeEach(() => fake.reset());

  /** A desk: its own run, on this machine unless another host is named. */
  const desk = (options: { host?: string; discord?: DiscordClient | null } = {}) => {
    const services = createTestServices(current().database, { discord: options.discord === undefined ? client : options.discord, run: { host: options.host ?? 'test-desk' } });
    desks.push(services);
    return services;
  };
  const outboxOf = async (caseRowId: bigint) =>
    (
      await current().database.query<OutboxRow>(
        `SELECT id::text, action, state, learned_by, error_kind, error_message, audit_id::text, retried_by::text, run_host
           FROM aurora_desk.discord_outbox WHERE subject = 'moderation_case' AND subject_id = $1 ORDER BY id`,
        [caseRowId.toString()],
      )
    ).rows;
  const auditOf = async (id: string) =>
    (
      await current().database.query<{ procedure: string; outcome: string; discord_outcome: Record<string, { state: string; action: string; subject: string; errorKind?: string; message?: string }> | null }>(
        'SELECT procedure, outcome, discord_outcome FROM aurora_desk.audit_log WHERE id = $1',
        [id],
      )
    ).rows[0]!;
  const auditCount = async () => Number((await current().database.query<{ n: string }>('SELECT count(*)::text AS n FROM aurora_desk.audit_log')).rows[0]!.n);
  const summaryOf = async (services: TestServices, id: bigint): Promise<CaseSummary> => (await callerFor(services).moderation.byIds({ ids: [id] }))[0]!;
  type StoredDiscord = { action: string; ok: boolean; checked?: boolean; errorKind?: string; error?: string };
  const deskMeta = async (id: bigint) =>
    (await caseRow(current().database, id)).metadata.aurora_desk as { discord: StoredDiscord[]; discordPending?: { key: string; state: string; message?: string }[] };

  it('leaves the outcome unknown when the desk stops after calling Discord, and the next desk to start records what Discord shows', async () => {
    const first = desk();
    const me = callerFor(first);
    // Cases whose lifting will be interrupted, opened while outcomes are still recorded.
    const banToLift = await me.moderation.open({ type: 'ban', userId: (EMBER + 7n).toString(), reason: 'Old raid' });
    const timeoutToLift = await me.moderation.open({ type: 'timeout', userId: (EMBER + 8n).toString(), durationMinutes: 30 });

    const resume = await stopRecordingOutcomes(current().database);
    let interrupted: { label: string; id: bigint; action: string }[];
    try {
      const banned = await me.moderation.open({ type: 'ban', userId: NYX.toString(), reason: 'Scam links' });
      fake.failNext({ method: 'PUT', path: `/bans/${DRIFTER}`, kind: 'server-error', times: 2 });
      const refused = await me.moderation.open({ type: 'ban', userId: DRIFTER.toString(), reason: 'Raid' });
      const timedOut = await me.moderation.open({ type: 'timeout', userId: EMBER.toString(), reason: 'Cool down', durationMinutes: 60 });
      const kicked = await me.moderation.open({ type: 'kick', userId: (EMBER + 9n).toString(), reason: 'Alt' });
      const unbanned = await me.moderation.resolve({ id: banToLift.summary.id, expected: banToLift.summary.seen, reason: 'Appeal accepted', liftOnDiscord: true });
      const released = await me.moderation.resolve({ id: timeoutToLift.summary.id, expected: timeoutToLift.summary.seen, reason: 'Early release', liftOnDiscord: true });

      // Staff are told what Discord answered, and that the desk could not record it.
      expect(banned.discord).toMatchObject({ attempted: true, ok: true, action: 'ban', message: expect.stringMatching(/could not record/) });
      expect(refused.discord).toMatchObject({ ok: false, action: 'ban', message: expect.stringMatching(/unavailable.*could not record/s) });
      interrupted = [
        { label: 'ban', id: banned.summary.id, action: 'ban' },
        { label: 'refused ban', id: refused.summary.id, action: 'ban' },
        { label: 'timeout', id: timedOut.summary.id, action: 'timeout' },
        { label: 'kick', id: kicked.summary.id, action: 'kick' },
        { label: 'unban', id: unbanned.summary.id, action: 'unban' },
        { label: 'clear-timeout', id: released.summary.id, action: 'clear-timeout' },
      ];
    } finally {
      await resume();
    }
    expect(fake.bans.has(member(NYX))).toBe(true);
    expect(fake.bans.has(member(DRIFTER))).toBe(false);

    for (const { label, id, action } of interrupted) {
      const [row] = await outboxOf(id).then((rows) => rows.filter((r) => r.action === action));
      expect(row, label).toMatchObject({ state: 'pending', learned_by: null });
      // The case says so: on the row of the queue, and in its metadata.
      const summary = await summaryOf(first, id);
      expect(summary.discordPending, label).toEqual([expect.objectContaining({ key: row!.id, action, state: 'pending' })]);
      // The write's own audit row says Discord's outcome is pending.
      expect((await auditOf(row!.audit_id!)).discord_outcome?.[row!.id], label).toMatchObject({ action, state: 'pending' });
    }

    // The desk that asked does not second-guess its own calls.
    expect(await reconcileCaseDiscord(first)).toMatchObject({ checked: 0 });

    // The next start, on this machine: a new run, started by what the host calls.
    fake.requests.length = 0;
    const next = desk();
    startDiscordReconcile(next);
    await vi.waitFor(() => expect(next.scheduler.pending('moderation:')).toEqual([]));
    await next.scheduler.settled();

    const outcome = async (id: bigint, action: string) => (await outboxOf(id)).find((r) => r.action === action)!;
    const [ban, refusedBan, timeout, kick, unban, clear] = (await Promise.all(interrupted.map(({ id, action }) => outcome(id, action)))) as [
      OutboxRow,
      OutboxRow,
      OutboxRow,
      OutboxRow,
      OutboxRow,
      OutboxRow,
    ];
    expect(ban).toMatchObject({ state: 'ok', learned_by: 'check' });
    expect(refusedBan).toMatchObject({ state: 'failed', learned_by: 'check', error_kind: 'not-carried-out', error_message: expect.stringMatching(/not banned/) });
    expect(timeout).toMatchObject({ state: 'ok', learned_by: 'check' });
    expect(kick).toMatchObject({ state: 'unknown', learned_by: 'check', error_message: "Discord cannot tell whether the member was kicked; check the server's audit log." });
    expect(unban).toMatchObject({ state: 'ok', learned_by: 'check' });
    expect(clear).toMatchObject({ state: 'ok', learned_by: 'check' });
    // It asked Discord what is true; it did not act again.
    expect(fake.requests.every((r) => r.method === 'GET')).toBe(true);
    expect(fake.requests.map((r) => r.path).sort()).toEqual(
      [`/guilds/${GUILD}/bans/${NYX}`, `/guilds/${GUILD}/bans/${DRIFTER}`, `/guilds/${GUILD}/bans/${EMBER + 7n}`, `/guilds/${GUILD}/members/${EMBER}`, `/guilds/${GUILD}/members/${EMBER + 8n}`].sort(),
    );

    // The cases say what is true: checked outcomes in their Discord record, nothing pending...
    const [bannedId, refusedId, , kickedId] = interrupted.map((c) => c.id);
    expect((await deskMeta(bannedId!)).discord.at(-1)).toMatchObject({ action: 'ban', ok: true, checked: true });
    expect((await deskMeta(refusedId!)).discord.at(-1)).toMatchObject({ action: 'ban', ok: false, checked: true, errorKind: 'not-carried-out' });
    expect((await summaryOf(next, bannedId!)).discordPending).toEqual([]);
    // ...except the kick, which stays visibly unknown, saying why.
    expect((await summaryOf(next, kickedId!)).discordPending).toEqual([
      expect.objectContaining({ action: 'kick', state: 'unknown', message: expect.stringMatching(/audit log/) }),
    ]);
    expect((await auditOf(ban.audit_id!)).discord_outcome?.[ban.id]).toMatchObject({ state: 'ok' });
    expect((await auditOf(refusedBan.audit_id!)).discord_outcome?.[refusedBan.id]).toMatchObject({ state: 'failed', errorKind: 'not-carried-out' });

    // Another start finds nothing left to check.
    expect(await reconcileCaseDiscord(desk())).toEqual({ checked: 0, left: 0, more: false });
  });

  it("leaves another machine's recent pending action to the desk that asked", async () => {
    const resume = await stopRecordingOutcomes(current().database);
    let opened;
    try {
      opened = await callerFor(desk({ host: 'another-desk' })).moderation.open({ type: 'ban', userId: (NYX + 5n).toString(), reason: 'Elsewhere' });
    } finally {
      await resume();
    }
    const report = await reconcileCaseDiscord(desk());
    expect(report).toMatchObject({ checked: 0, left: 1 });
    expect(await outboxOf(opened.summary.id)).toEqual([expect.objectContaining({ state: 'pending', run_host: 'another-desk' })]);
    // Settled by hand so the other tests' passes do not meet it.
    await current().database.query(`UPDATE aurora_desk.discord_outbox SET state = 'ok' WHERE subject_id = $1`, [opened.summary.id.toString()]);
  });

  it('records an answer that never came as unknown, not as a failure, until Discord is checked', async () => {
    const impatient = createDiscordClient({ token: fake.token, apiBase: fake.apiBase, guildId: GUILD, timeoutMs: 300, retries: 0 });
    try {
      const held = fake.hold({ method: 'PUT', path: `/bans/${EMBER + 20n}` });
      const services = desk({ discord: impatient });
      const opened = await callerFor(services).moderation.open({ type: 'ban', userId: (EMBER + 20n).toString(), reason: 'Slow Discord' });
      expect(opened.discord).toMatchObject({ attempted: true, ok: false, unknown: true, action: 'ban', message: expect.stringMatching(/may or may not have banned/) });
      expect(opened.summary.discordPending).toEqual([expect.objectContaining({ action: 'ban', state: 'unknown', message: expect.stringMatching(/may or may not/) })]);
      expect((await deskMeta(opened.summary.id)).discord).toEqual([]);
      expect(await outboxOf(opened.summary.id)).toEqual([expect.objectContaining({ state: 'unknown', learned_by: 'answer' })]);
      // The request did reach Discord: once let through, the ban is there.
      held.release();
      await vi.waitFor(() => expect(fake.bans.has(member(EMBER + 20n))).toBe(true));

      expect(await reconcileCaseDiscord(desk())).toMatchObject({ checked: 1 });
      expect(await outboxOf(opened.summary.id)).toEqual([expect.objectContaining({ state: 'ok', learned_by: 'check' })]);
      expect((await summaryOf(services, opened.summary.id)).discordPending).toEqual([]);
    } finally {
      impatient.destroy();
    }
  });

  it('retries an action whose outcome is unknown, once', async () => {
    const services = desk();
    const me = callerFor(services);
    const user = EMBER + 30n;
    const resume = await stopRecordingOutcomes(current().database);
    let opened;
    try {
      fake.failNext({ method: 'PUT', path: `/bans/${user}`, kind: 'server-error', times: 2 });
      opened = await me.moderation.open({ type: 'ban', userId: user.toString(), reason: 'Spam wave' });
    } finally {
      await resume();
    }
    const [first] = await outboxOf(opened.summary.id);
    const [pending] = (await summaryOf(services, opened.summary.id)).discordPending;
    expect(pending).toMatchObject({ key: first!.id, state: 'pending' });

    const before = await auditCount();
    const retried = await me.moderation.retryDiscord({ id: opened.summary.id, key: pending!.key });
    expect(retried.discord).toEqual({ attempted: true, ok: true, action: 'ban', message: null });
    expect(retried.summary.discordPending).toEqual([]);
    expect(fake.bans.has(member(user))).toBe(true);
    // The same action and audit-log reason, asked again.
    const puts = fake.requests.filter((r) => r.method === 'PUT');
    expect(puts.at(-1)!.reason).toBe(puts[0]!.reason);
    expect((await deskMeta(opened.summary.id)).discord).toEqual([expect.objectContaining({ action: 'ban', ok: true })]);

    const [old, again] = await outboxOf(opened.summary.id);
    expect(old).toMatchObject({ state: 'retried', retried_by: again!.id });
    expect(again).toMatchObject({ state: 'ok', learned_by: 'answer' });
    // One audit row for the retry, saying what Discord did; the first says it was retried.
    expect(await auditCount()).toBe(before + 1);
    expect(await auditOf(again!.audit_id!)).toMatchObject({ procedure: 'moderation.retryDiscord', outcome: 'ok', discord_outcome: { [again!.id]: { action: 'ban', state: 'ok' } } });
    expect((await auditOf(old!.audit_id!)).discord_outcome?.[old!.id]).toMatchObject({ state: 'retried' });

    const twice = await rejectionOf(me.moderation.retryDiscord({ id: opened.summary.id, key: pending!.key }));
    expect(twice.code).toBe('CONFLICT');
    expect(twice.message).toMatch(/already retried/);
    const offline = await rejectionOf(callerFor(desk({ discord: null })).moderation.retryDiscord({ id: opened.summary.id, key: again!.id }));
    expect(offline.code).toBe('PRECONDITION_FAILED');
  });

  it("leaves exactly one audit row per write, with what Discord did on it", async () => {
    const me = callerFor(desk());
    let count = await auditCount();
    const opened = await me.moderation.open({ type: 'ban', userId: (NYX + 40n).toString(), reason: 'Audit me' });
    expect(await auditCount()).toBe(++count);
    const [row] = await outboxOf(opened.summary.id);
    expect(await auditOf(row!.audit_id!)).toEqual({
      procedure: 'moderation.open',
      outcome: 'ok',
      discord_outcome: { [row!.id]: { action: 'ban', subject: `case ${opened.summary.caseId}`, userId: (NYX + 40n).toString(), state: 'ok', message: null, at: expect.any(String) } },
    });

    const cases = [];
    for (let i = 0; i < 3; i++) cases.push((await me.moderation.open({ type: 'ban', userId: (NYX + 41n + BigInt(i)).toString() })).summary);
    count = await auditCount();
    fake.failNext({ method: 'DELETE', path: `/bans/${NYX + 42n}`, kind: 'forbidden' });
    const bulk = await me.moderation.bulkResolve({ cases: cases.map((c) => ({ id: c.id, expected: c.seen })), reason: 'Batch', liftOnDiscord: true });
    expect(await auditCount()).toBe(count + 1);
    expect(bulk.discord.map((d) => d.outcome.ok)).toEqual([true, false, true]);
    const unbans = await Promise.all(cases.map(async (c) => (await outboxOf(c.id)).find((r) => r.action === 'unban')!));
    const audit = await auditOf(unbans[0]!.audit_id!);
    expect(audit.procedure).toBe('moderation.bulkResolve');
    expect(new Set(unbans.map((u) => u.audit_id))).toEqual(new Set([unbans[0]!.audit_id]));
    expect(Object.values(audit.discord_outcome ?? {}).map((o) => [o.action, o.state, o.errorKind ?? null])).toEqual([
      ['unban', 'ok', null],
      ['unban', 'failed', 'missing-permissions'],
      ['unban', 'ok', null],
    ]);

    // Without Discord: no outbox row, no Discord outcome on the audit row.
    const offline = await callerFor(desk({ discord: null })).moderation.open({ type: 'ban', userId: (NYX + 50n).toString() });
    expect(await outboxOf(offline.summary.id)).toEqual([]);
  });
});

describeOnBothDrivers(
  'moderation on Discord without the outbox (a role that could not create it)',
  (current) => {
    let fake: FakeDiscord;
    let client: DiscordClient;
    beforeAll(async () => {
      await ensureBotSchema(current().database);
      await migrateDesk(current().database, deskMigrations.filter((m) => m.version < discordOutboxStep.version));
      fake = await startFakeDiscord();
      client = createDiscordClient({ token: fake.token, apiBase: fake.apiBase, guildId: GUILD, timeoutMs: 5_000, retries: 1 });
    });
    afterAll(async () => {
      client.destroy();
      await fake.close();
    });

    it("calls Discord after the commit all the same, keeping the record in the case's metadata", async () => {
      const me = callerFor(createTestServices(current().database, { discord: client }));
      const held = fake.hold({ method: 'PUT', path: `/bans/${NYX}` });
      const opening = me.moderation.open({ type: 'ban', userId: NYX.toString(), reason: 'No outbox' });
      await held.arrived();
      // Committed before the call: the case is there, its Discord outcome pending.
      const { rows } = await current().database.query<{ id: string }>(`SELECT id::text FROM moderation_cases WHERE reason = 'No outbox'`);
      const [seen] = await me.moderation.byIds({ ids: [BigInt(rows[0]!.id)] });
      expect(seen!.discordPending).toEqual([expect.objectContaining({ action: 'ban', state: 'pending', key: expect.stringMatching(/^local-/) })]);
      held.release();
      const opened = await opening;
      expect(opened.discord).toEqual({ attempted: true, ok: true, action: 'ban', message: null });
      expect(opened.summary.discordPending).toEqual([]);
      const resolved = await me.moderation.resolve({ id: opened.summary.id, expected: opened.summary.seen, reason: 'Lifted', liftOnDiscord: true });
      expect(resolved.discord).toEqual({ attempted: true, ok: true, action: 'unban', message: null });
      const meta = (await caseRow(current().database, opened.summary.id)).metadata.aurora_desk as { discord: { action: string; ok: boolean }[] };
      expect(meta.discord.map((d) => [d.action, d.ok])).toEqual([
        ['ban', true],
        ['unban', true],
      ]);
      // The audit rows are written as before (no Discord column to write to here).
      const audit = await current().database.query<{ procedure: string }>(`SELECT procedure FROM aurora_desk.audit_log ORDER BY id`);
      expect(audit.rows.map((r) => r.procedure)).toEqual(['moderation.open', 'moderation.resolve']);
    });
  },
  { migrated: false },
);
