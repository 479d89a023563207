/**
 * Moderation's Discord actions against the fake Discord API on loopback: the requests sent
 * (route, body, audit-log reason, token), 429s waited out, failures recorded on the case, and
 * cases recorded only when Discord is not configured.
 */
import { expect, it } from 'vitest';
import { createDiscordClient, type DiscordClient } from '../../src/main/core/discord/index.js';
import { describeOnBothDrivers } from '../fixtures/databases.js';
import { linkFakeDiscord, MODERATION_GUILD } from '../fixtures/moderation-discord.js';
import { callerFor, createTestServices, testStaff } from '../fixtures/services.js';
import { caseRow, DRIFTER, EMBER, insertBotCase, NYX } from '../fixtures/moderation-world.js';

const GUILD = MODERATION_GUILD;

describeOnBothDrivers('moderation on Discord', (current) => {
  const linked = linkFakeDiscord(GUILD);

  const caller = (discord: DiscordClient | null = linked.client) => callerFor(createTestServices(current().database, { discord }));
  type StoredDiscordEntry = { action: string; ok: boolean; error?: string; errorKind?: string; until?: string | null; by: { id: string } };
  const discordEntries = async (id: bigint) => (await caseRow(current().database, id)).metadata.aurora_desk?.discord as StoredDiscordEntry[];

  it('bans on Discord when opening a ban case, with the reason in the audit log header', async () => {
    const opened = await caller().moderation.open({ type: 'ban', userId: NYX.toString(), reason: 'Scam links', deleteMessageSeconds: 3600 });
    expect(opened.discord).toEqual({ attempted: true, ok: true, action: 'ban', message: null });
    expect(linked.fake.requests).toHaveLength(1);
    const [request] = linked.fake.requests;
    expect(request).toMatchObject({ method: 'PUT', path: `/guilds/${GUILD}/bans/${NYX}`, body: { delete_message_seconds: 3600 } });
    expect(request!.headers.authorization).toBe(`Bot ${linked.fake.token}`);
    expect(request!.reason).toBe('Scam links (by Test Moderator via Aurora Desk)');
    expect(await discordEntries(opened.summary.id)).toEqual([
      { at: expect.any(String), by: { id: testStaff.id.toString(), name: testStaff.name }, action: 'ban', ok: true, until: null },
    ]);
  });

  it('times out for the given duration and kicks', async () => {
    const before = Date.now();
    const timeout = await caller().moderation.open({ type: 'timeout', userId: EMBER.toString(), reason: 'Cool down', durationMinutes: 60 });
    expect(timeout.discord?.ok).toBe(true);
    const patch = linked.fake.requests[0]!;
    expect(patch).toMatchObject({ method: 'PATCH', path: `/guilds/${GUILD}/members/${EMBER}` });
    const until = Date.parse((patch.body as { communication_disabled_until: string }).communication_disabled_until);
    expect(until - before).toBeGreaterThanOrEqual(60 * 60_000);
    expect(until - before).toBeLessThan(61 * 60_000);
    const row = await caseRow(current().database, timeout.summary.id);
    expect(row.metadata.aurora_desk?.timeout).toMatchObject({ minutes: 60 });

    const kick = await caller().moderation.open({ type: 'kick', userId: DRIFTER.toString(), reason: 'Alt account' });
    expect(kick.discord?.ok).toBe(true);
    expect(linked.fake.requests[1]).toMatchObject({ method: 'DELETE', path: `/guilds/${GUILD}/members/${DRIFTER}` });
  });

  it('waits out a 429 and succeeds', async () => {
    linked.fake.failNext({ method: 'PUT', path: '/bans/', kind: 'rate-limit', retryAfter: 0.05 });
    const opened = await caller().moderation.open({ type: 'ban', userId: DRIFTER.toString(), reason: 'Raid' });
    expect(opened.discord?.ok).toBe(true);
    expect(linked.fake.requests.map((r) => r.method + ' ' + r.path)).toEqual([`PUT /guilds/${GUILD}/bans/${DRIFTER}`, `PUT /guilds/${GUILD}/bans/${DRIFTER}`]);
  });

  it('records a Discord failure on the case, which is still opened', async () => {
    linked.fake.failNext({ method: 'PUT', kind: 'forbidden' });
    const denied = await caller().moderation.open({ type: 'ban', userId: NYX.toString(), reason: 'Higher role' });
    expect(denied.discord).toMatchObject({ attempted: true, ok: false, action: 'ban', message: expect.stringMatching(/missing permission Ban Members/) });
    expect(denied.summary.active).toBe(true);
    expect(await discordEntries(denied.summary.id)).toEqual([
      expect.objectContaining({ action: 'ban', ok: false, errorKind: 'missing-permissions', error: expect.stringMatching(/missing permission Ban Members/) }),
    ]);
    const detail = await caller().moderation.detail({ id: denied.summary.id });
    expect(detail.discord[0]).toMatchObject({ action: 'ban', ok: false });
    expect(detail.timeline.find((t) => t.kind === 'discord')).toMatchObject({ ok: false, text: 'ban' });

    linked.fake.failNext({ method: 'PATCH', kind: 'server-error', times: 5 });
    const down = await caller().moderation.open({ type: 'timeout', userId: NYX.toString(), durationMinutes: 5 });
    expect(down.discord).toMatchObject({ ok: false, message: expect.stringMatching(/unavailable/) });
    expect(await discordEntries(down.summary.id)).toEqual([expect.objectContaining({ ok: false, errorKind: 'unavailable' })]);

    linked.fake.absent.add(`${GUILD}:${DRIFTER}`);
    const gone = await caller().moderation.open({ type: 'kick', userId: DRIFTER.toString() });
    expect(gone.discord?.message).toMatch(/not a member/);
  });

  it('lifts an active ban or timeout on resolving, and records it', async () => {
    const ban = await caller().moderation.open({ type: 'ban', userId: NYX.toString(), reason: 'Scam' });
    const resolved = await caller().moderation.resolve({ id: ban.summary.id, expected: ban.summary.seen, reason: 'Appeal accepted', liftOnDiscord: true });
    expect(resolved.discord).toEqual({ attempted: true, ok: true, action: 'unban', message: null });
    expect(linked.fake.requests.at(-1)).toMatchObject({ method: 'DELETE', path: `/guilds/${GUILD}/bans/${NYX}` });
    expect(linked.fake.requests.at(-1)!.reason).toMatch(/resolved: Appeal accepted/);
    expect((await discordEntries(ban.summary.id)).map((d) => [d.action, d.ok])).toEqual([
      ['ban', true],
      ['unban', true],
    ]);

    // A ban the bot recorded (no desk metadata), already lifted on Discord: recorded as failed.
    const botBan = await insertBotCase(current().database, { type: 'ban', userId: DRIFTER, metadataJson: '{"appealable": true}' });
    const [seen] = await caller().moderation.byIds({ ids: [botBan] });
    const lifted = await caller().moderation.resolve({ id: botBan, expected: seen!.seen, reason: 'Expired', liftOnDiscord: true });
    expect(lifted.discord).toMatchObject({ ok: false, action: 'unban', message: expect.stringMatching(/not banned/) });
    const row = await caseRow(current().database, botBan);
    expect(row.metadata.appealable).toBe(true);
    expect(row.active).toBe(false);

    const timeout = await caller().moderation.open({ type: 'timeout', userId: EMBER.toString(), durationMinutes: 10 });
    await caller().moderation.resolve({ id: timeout.summary.id, expected: timeout.summary.seen, reason: 'Early release', liftOnDiscord: true });
    expect(linked.fake.requests.at(-1)).toMatchObject({ method: 'PATCH', body: { communication_disabled_until: null } });

    // Not asked to lift: no request.
    const other = await caller().moderation.open({ type: 'ban', userId: EMBER.toString(), carryOutOnDiscord: false });
    const count = linked.fake.requests.length;
    const quiet = await caller().moderation.resolve({ id: other.summary.id, expected: other.summary.seen, reason: 'x', liftOnDiscord: false });
    expect(quiet.discord).toBeUndefined();
    expect(linked.fake.requests.length).toBe(count);
  });

  it('keeps the ban on Discord when a ban is resolved without asking to lift it', async () => {
    const ban = await caller().moderation.open({ type: 'ban', userId: NYX.toString(), reason: 'Scam' });
    expect(linked.fake.bans.has(`${GUILD}:${NYX}`)).toBe(true);
    const count = linked.fake.requests.length;
    const resolved = await caller().moderation.resolve({ id: ban.summary.id, expected: ban.summary.seen, reason: 'Handled' });
    expect(resolved.summary.active).toBe(false);
    expect(resolved.discord).toBeUndefined();
    expect(linked.fake.requests.length).toBe(count);
    expect(linked.fake.bans.has(`${GUILD}:${NYX}`)).toBe(true);
  });

  it('only records the case without Discord configured, and says so', async () => {
    const status = await caller(null).moderation.discordStatus();
    expect(status).toEqual({ configured: false, guildId: null, reason: expect.stringMatching(/Settings → Discord/) });
    expect(await caller().moderation.discordStatus()).toEqual({ configured: true, guildId: expect.stringMatching(/^\d+$/), reason: null });
    const opened = await caller(null).moderation.open({ type: 'ban', userId: NYX.toString(), reason: 'offline' });
    expect(opened.discord).toMatchObject({ attempted: false, ok: false, action: 'ban', message: expect.stringMatching(/not configured.*only recorded/) });
    expect(opened.summary.active).toBe(true);
    expect(linked.fake.requests).toHaveLength(0);
    expect(await discordEntries(opened.summary.id)).toEqual([]);
    const noGuild = createDiscordClient({ token: linked.fake.token, apiBase: linked.fake.apiBase });
    expect((await caller(noGuild).moderation.discordStatus()).reason).toMatch(/guild ID/);
    noGuild.destroy();
  });

  it('reports an invalid token readably', async () => {
    const wrong = createDiscordClient({ token: 'not-the-token', apiBase: linked.fake.apiBase, guildId: GUILD });
    const opened = await caller(wrong).moderation.open({ type: 'kick', userId: NYX.toString() });
    expect(opened.discord).toMatchObject({ ok: false, message: expect.stringMatching(/rejected the bot token/) });
    // @discordjs/rest forgets a rejected token; later calls say the same, not something obscure.
    const again = await caller(wrong).moderation.open({ type: 'kick', userId: NYX.toString() });
    expect(again.discord?.message).toMatch(/rejected the bot token/);
    wrong.destroy();
  });
});
