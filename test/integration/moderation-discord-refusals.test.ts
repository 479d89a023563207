/**
 * Discord saying no to a moderation action (403 Missing Permissions) against the fake Discord:
 * the case carries the refusal as a warning naming the missing permission, beside the record of
 * the attempt, until a retry (the `d` key) carries it out; the audit row records what Discord did.
 */
import { expect, it } from 'vitest';
import { describeOnBothDrivers } from '../fixtures/databases.js';
import { linkFakeDiscord, MODERATION_GUILD } from '../fixtures/moderation-discord.js';
import { rejectionOf } from '../fixtures/rejection.js';
import { callerFor, createTestServices } from '../fixtures/services.js';
import { EMBER, NYX } from '../fixtures/moderation-world.js';

const GUILD = MODERATION_GUILD;

describeOnBothDrivers('moderation when Discord refuses', (current) => {
  const linked = linkFakeDiscord(GUILD);

  const caller = () => callerFor(createTestServices(current().database, { discord: linked.client }));
  const summaryOf = async (id: bigint) => (await caller().moderation.byIds({ ids: [id] }))[0]!;
  const auditOutcomes = async () =>
    (
      await current().database.query<{ procedure: string; discord_outcome: Record<string, { action: string; state: string; errorKind?: string }> | null }>(
        `SELECT procedure, discord_outcome FROM aurora_desk.audit_log WHERE discord_outcome IS NOT NULL ORDER BY id DESC LIMIT 2`,
      )
    ).rows;

  it('keeps a refused ban on the case, naming the missing permission, and carries it out on retry', async () => {
    linked.fake.failNext({ method: 'PUT', path: `/bans/${NYX}`, kind: 'forbidden' });
    const opened = await caller().moderation.open({ type: 'ban', userId: NYX.toString(), reason: 'Scam' });
    expect(opened.discord).toMatchObject({ ok: false, action: 'ban', message: expect.stringMatching(/Not carried out on Discord: missing permission Ban Members/) });
    expect(linked.fake.bans.has(`${GUILD}:${NYX}`)).toBe(false);

    const refused = (await summaryOf(opened.summary.id)).discordPending;
    expect(refused).toEqual([expect.objectContaining({ action: 'ban', state: 'refused', message: expect.stringMatching(/missing permission Ban Members/) })]);
    expect((await auditOutcomes())[0]).toMatchObject({ procedure: 'moderation.open', discord_outcome: { [refused[0]!.key]: { action: 'ban', state: 'failed', errorKind: 'missing-permissions' } } });

    const retried = await caller().moderation.retryDiscord({ id: opened.summary.id, key: refused[0]!.key });
    expect(retried.discord).toEqual({ attempted: true, ok: true, action: 'ban', message: null });
    expect(retried.summary.discordPending).toEqual([]);
    expect(linked.fake.bans.has(`${GUILD}:${NYX}`)).toBe(true);
    expect((await auditOutcomes())[0]).toMatchObject({ procedure: 'moderation.retryDiscord', discord_outcome: expect.any(Object) });
    expect(Object.values((await auditOutcomes())[0]!.discord_outcome!)).toEqual([expect.objectContaining({ action: 'ban', state: 'ok' })]);
  });

  it('names Moderate Members for a timeout, and will not retry a refusal the case no longer asks for', async () => {
    linked.fake.failNext({ method: 'PATCH', path: `/members/${EMBER}`, kind: 'forbidden' });
    const opened = await caller().moderation.open({ type: 'timeout', userId: EMBER.toString(), reason: 'Cool down', durationMinutes: 30 });
    const [refused] = (await summaryOf(opened.summary.id)).discordPending;
    expect(refused).toMatchObject({ action: 'timeout', state: 'refused', message: expect.stringMatching(/missing permission Moderate Members/) });

    const seen = await summaryOf(opened.summary.id);
    await caller().moderation.resolve({ id: opened.summary.id, expected: seen.seen, reason: 'Calmed down' });
    const stale = await rejectionOf(caller().moderation.retryDiscord({ id: opened.summary.id, key: refused!.key }));
    expect(stale).toMatchObject({ code: 'CONFLICT', message: expect.stringMatching(/resolved now/) });
    expect(linked.fake.timeouts.get(`${GUILD}:${EMBER}`)).toBeUndefined();
  });
});
