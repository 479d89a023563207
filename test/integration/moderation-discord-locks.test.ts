/**
 * No row lock (and, on PGlite, no transaction at all) is held while Discord is asked: with the
 * fake Discord holding the request unanswered, a second moderator's claim of the same case
 * completes before Discord answers. Order is what is measured, never time: the hold is only let
 * go early by a deadlock breaker, and the breaker being first is the failure.
 */
import { expect, it } from 'vitest';
import { describeOnBothDrivers } from '../fixtures/databases.js';
import { linkFakeDiscord, MODERATION_GUILD } from '../fixtures/moderation-discord.js';
import type { Hold } from '../fixtures/fake-discord.js';
import { rejectionOf } from '../fixtures/rejection.js';
import { callerFor, createTestServices } from '../fixtures/services.js';
import { DRIFTER, EMBER, NYX, OTHER_MOD } from '../fixtures/moderation-world.js';

const GUILD = MODERATION_GUILD;
/** Only a deadlock (the old behaviour) waits this long; the client's own timeout is longer. */
const DEADLOCK_BREAKER_MS = 2_000;

describeOnBothDrivers('moderation while Discord has not answered', (current) => {
  const linked = linkFakeDiscord(GUILD);

  const me = () => callerFor(createTestServices(current().database, { discord: linked.client }));
  const orin = () => callerFor(createTestServices(current().database, { discord: linked.client, identity: OTHER_MOD }));

  /**
   * Lets the hold go after a while if nothing else did, noting it in `events`: a test whose
   * events start with the breaker waited for Discord.
   */
  function breakDeadlock(hold: Hold, events: string[]): () => void {
    const timer = setTimeout(() => {
      events.push('deadlock breaker released Discord');
      hold.release();
    }, DEADLOCK_BREAKER_MS);
    return () => {
      clearTimeout(timer);
      hold.release();
    };
  }

  it('answers a claim on a case being resolved before Discord answers the unban', async () => {
    const ban = await me().moderation.open({ type: 'ban', userId: NYX.toString(), reason: 'Scam links' });
    const events: string[] = [];
    const held = linked.fake.hold({ method: 'DELETE', path: `/bans/${NYX}` });
    const resolving = me()
      .moderation.resolve({ id: ban.summary.id, expected: ban.summary.seen, reason: 'Appeal accepted', liftOnDiscord: true })
      .finally(() => events.push('resolve answered'));
    await held.arrived();
    const release = breakDeadlock(held, events);
    const claim = await rejectionOf(orin().moderation.claim({ id: ban.summary.id, expected: ban.summary.seen }));
    events.push('claim answered');
    release();
    const resolved = await resolving;
    expect(events).toEqual(['claim answered', 'resolve answered']);
    // The resolve committed before Discord was asked: the claim found the case resolved.
    expect(claim.code).toBe('CONFLICT');
    expect(claim.message).toMatch(/already resolved by Test Moderator/);
    expect(resolved.discord).toEqual({ attempted: true, ok: true, action: 'unban', message: null });
    expect(linked.fake.bans.has(`${GUILD}:${NYX}`)).toBe(false);
  });

  it('lets another moderator claim a new ban case before Discord answers the ban', async () => {
    const events: string[] = [];
    const held = linked.fake.hold({ method: 'PUT', path: `/bans/${DRIFTER}` });
    const opening = me()
      .moderation.open({ type: 'ban', userId: DRIFTER.toString(), reason: 'Raid' })
      .finally(() => events.push('open answered'));
    await held.arrived();
    const release = breakDeadlock(held, events);
    // The case was committed before the call: it is there to be found and claimed.
    const found = await orin().moderation.list({ queue: 'active', filters: { userId: DRIFTER } });
    const summary = found.cases.find((c) => c.type === 'ban');
    const claimed = summary ? await orin().moderation.claim({ id: summary.id, expected: summary.seen }) : null;
    events.push('claim answered');
    release();
    const opened = await opening;
    expect(events).toEqual(['claim answered', 'open answered']);
    expect(claimed?.summary.id).toBe(opened.summary.id);
    expect(claimed?.summary.claim?.by.id).toBe(OTHER_MOD.id);
    expect(opened.discord).toEqual({ attempted: true, ok: true, action: 'ban', message: null });
    expect(linked.fake.bans.has(`${GUILD}:${DRIFTER}`)).toBe(true);
  });

  it('bulk-resolves in one transaction, then lifts on Discord at most four at a time', async () => {
    const users = Array.from({ length: 6 }, (_, i) => EMBER + 1000n + BigInt(i));
    const cases = [];
    for (const user of users) cases.push((await me().moderation.open({ type: 'ban', userId: user.toString(), reason: 'Wave' })).summary);
    const events: string[] = [];
    const held = linked.fake.hold({ method: 'DELETE', path: '/bans/' });
    const resolving = me()
      .moderation.bulkResolve({ cases: cases.map((c) => ({ id: c.id, expected: c.seen })), reason: 'Wave over', liftOnDiscord: true })
      .finally(() => events.push('bulk answered'));
    await held.arrived();
    const release = breakDeadlock(held, events);
    const last = cases.at(-1)!;
    const claim = await rejectionOf(orin().moderation.claim({ id: last.id, expected: last.seen }));
    events.push('claim answered');
    release();
    const result = await resolving;
    expect(events).toEqual(['claim answered', 'bulk answered']);
    expect(claim.code).toBe('CONFLICT');
    expect(result.resolved).toHaveLength(6);
    expect(result.discord.map((d) => d.outcome.ok)).toEqual([true, true, true, true, true, true]);
    expect(linked.fake.requests.filter((r) => r.method === 'DELETE')).toHaveLength(6);
    expect(linked.fake.maxInFlight).toBeLessThanOrEqual(4);
  });
});
