/**
 * Spawning against the fake Discord API on loopback: the message posted (embed, expiry
 * timestamp, claim button ID), the row recorded with the returned ID, nothing written when
 * Discord fails, the message deleted again when the record fails, one drop per submission.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import { forgetRememberedSubmissions } from '../../src/main/features/lootdrops/spawn.js';
import type { DeskServices } from '../../src/main/core/services.js';
import type { DiscordClient } from '../../src/main/core/discord/index.js';
import type { SettingsAccess } from '../../src/main/core/settings-store/settings-access.js';
import { describeOnBothDrivers } from '../fixtures/databases.js';
import { CHANNEL_LOOTDROPS, CHANNEL_VOICE, CHANNEL_RAIDS } from '../fixtures/fake-discord-lootdrops.js';
import { callerFor, createTestServices, testStaff, stopServices } from '../fixtures/services.js';
import { clearLootdrops, dropRows, insertDrop, routesOf, settingsWith, spawnRows, startLootdropDiscord, type LootdropDiscordRig } from '../fixtures/lootdrops-world.js';
import { rejectionOf } from '../fixtures/rejection.js';

describeOnBothDrivers('spawning lootdrops', (current) => {
  let rig: LootdropDiscordRig;
  const desks: DeskServices[] = [];
  const cleanups: (() => void)[] = [];

  beforeAll(async () => {
    rig = await startLootdropDiscord();
  });
  afterAll(async () => {
    await Promise.all(desks.map(stopServices));
    cleanups.forEach((c) => c());
    await rig.close();
  });
  beforeEach(async () => {
    rig.fake.reset();
    rig.routes.reset();
    forgetRememberedSubmissions(current().database);
    await clearLootdrops(current().database);
  });

  const desk = (options: { discord?: DiscordClient | null; settings?: SettingsAccess } = {}) => {
    const r = createTestServices(current().database, { discord: options.discord === undefined ? rig.client : options.discord, settings: options.settings });
    desks.push(r);
    return r;
  };
  const form = (overrides: Record<string, unknown> = {}) => ({
    idempotencyKey: randomUUID(),
    channelId: CHANNEL_LOOTDROPS,
    amount: '1,500',
    currency: 'COINS',
    lifetimeSeconds: 300,
    ...overrides,
  });

  it('posts the message, then records the row with the returned message ID', async () => {
    const before = Date.now();
    const { drop, repeated } = await callerFor(desk()).lootdrops.spawn(form());
    expect(repeated).toBe(false);
    expect(routesOf(rig.fake)).toEqual([`POST /channels/${CHANNEL_LOOTDROPS}/messages`]);
    const [post] = rig.fake.requests;
    expect(post!.headers.authorization).toBe(`Bot ${rig.fake.token}`);
    const body = post!.body as {
      embeds: { title: string; description: string; fields: { name: string; value: string }[] }[];
      components: { type: number; components: { type: number; style: number; label: string; custom_id: string; disabled: boolean }[] }[];
      allowed_mentions: unknown;
    };
    expect(body.embeds[0]!.description).toContain('**1,500 COINS**');
    const expires = body.embeds[0]!.fields.find((f) => f.name === 'Expires')!.value;
    expect(expires).toMatch(/^<t:\d+:R>$/);
    const unix = Number(expires.slice(3, -3));
    expect(unix * 1000).toBeGreaterThanOrEqual(Math.floor((before + 300_000) / 1000) * 1000);
    expect(body.components).toEqual([{ type: 1, components: [{ type: 2, style: 3, label: 'Claim', custom_id: 'lootdrop_claim', disabled: false }] }]);
    expect(body.allowed_mentions).toEqual({ parse: [] });

    const posted = rig.routes.live();
    expect(posted).toHaveLength(1);
    expect(drop).toMatchObject({ messageId: posted[0]!.id, channelId: CHANNEL_LOOTDROPS, amount: 1500, currency: 'COINS', status: 'active', claimedBy: null });
    expect(drop.expiresAt!.getTime() - drop.createdAt.getTime()).toBe(300_000);
    expect(Math.floor(drop.expiresAt!.getTime() / 1000)).toBe(unix);
    expect(drop.spawnedBy).toEqual({ id: testStaff.id, name: testStaff.name });

    const rows = await dropRows(current().database);
    expect(rows).toEqual([{ message_id: posted[0]!.id, claimed_by: null, expires_at: drop.expiresAt!.toISOString() }]);
    expect(await spawnRows(current().database)).toEqual([
      expect.objectContaining({ message_id: posted[0]!.id, spawned_by_id: String(testStaff.id), spawned_by_name: testStaff.name, custom_id: 'lootdrop_claim' }),
    ]);
    const audit = await current().database.query<{ procedure: string; outcome: string }>(
      `SELECT procedure, outcome FROM aurora_desk.audit_log WHERE procedure = 'lootdrops.spawn' ORDER BY id DESC LIMIT 1`,
    );
    expect(audit.rows).toEqual([{ procedure: 'lootdrops.spawn', outcome: 'ok' }]);
  });

  it('with a {messageId} format, posts first and edits the button in with the real ID', async () => {
    const { settings, cleanup } = await settingsWith({ claimButtonFormat: 'claim_lootdrop:{messageId}', currencies: ['COINS', 'GEMS'] });
    cleanups.push(cleanup);
    const { drop } = await callerFor(desk({ settings })).lootdrops.spawn(form({ currency: 'GEMS', amount: 25 }));
    expect(routesOf(rig.fake)).toEqual([`POST /channels/${CHANNEL_LOOTDROPS}/messages`, `PATCH /channels/${CHANNEL_LOOTDROPS}/messages/${drop.messageId}`]);
    expect((rig.fake.requests[0]!.body as { components: unknown[] }).components).toEqual([]);
    const edit = rig.fake.requests[1]!.body as { components: { components: { custom_id: string }[] }[] };
    expect(edit.components[0]!.components[0]!.custom_id).toBe(`claim_lootdrop:${drop.messageId}`);
    expect(await spawnRows(current().database)).toEqual([expect.objectContaining({ custom_id: `claim_lootdrop:${drop.messageId}` })]);
  });

  it('refuses a format Discord could not take, and a currency outside the list', async () => {
    const { settings, cleanup } = await settingsWith({ claimButtonFormat: 'drop:{dropId}' });
    cleanups.push(cleanup);
    const badFormat = await rejectionOf(callerFor(desk({ settings })).lootdrops.spawn(form()));
    expect(badFormat).toMatchObject({ code: 'BAD_REQUEST', message: expect.stringMatching(/Unknown placeholder \{dropId\}/) });
    const badCurrency = await rejectionOf(callerFor(desk()).lootdrops.spawn(form({ currency: 'GEMS' })));
    expect(badCurrency).toMatchObject({ code: 'BAD_REQUEST', data: { fieldErrors: { currency: [expect.stringContaining('COINS')] } } });
    expect(rig.fake.requests).toEqual([]);
    expect(await dropRows(current().database)).toEqual([]);
  });

  it('without a Discord token answers PRECONDITION_FAILED pointing to Settings; the board still works', async () => {
    const caller = callerFor(desk({ discord: null }));
    const failure = await rejectionOf(caller.lootdrops.spawn(form()));
    expect(failure).toMatchObject({ code: 'PRECONDITION_FAILED', message: expect.stringContaining('Settings → Discord'), data: { precondition: 'discord' } });
    await insertDrop(current().database, { messageId: '1400000000000009001', channelId: CHANNEL_RAIDS, createdAt: new Date(Date.now() - 1000), expiresAt: new Date(Date.now() + 60_000) });
    const board = await caller.lootdrops.board({});
    expect(board.active.map((d) => d.messageId)).toEqual(['1400000000000009001']);
    expect((await caller.lootdrops.settings()).discord).toEqual({ configured: false, guildId: null, reason: expect.stringContaining('Settings → Discord') });
  });

  it('writes nothing when Discord refuses: missing access, unknown channel, invalid token, 5xx', async () => {
    const caller = callerFor(desk());
    rig.routes.lockedChannels.add(CHANNEL_RAIDS);
    expect(await rejectionOf(caller.lootdrops.spawn(form({ channelId: CHANNEL_RAIDS })))).toMatchObject({
      code: 'BAD_REQUEST',
      message: expect.stringMatching(/no access/),
      data: { fieldErrors: { channelId: [expect.any(String)] } },
    });
    expect(await rejectionOf(caller.lootdrops.spawn(form({ channelId: CHANNEL_VOICE })))).toMatchObject({
      code: 'BAD_REQUEST',
      message: expect.stringMatching(/channel does not exist/),
    });
    rig.fake.failNext({ method: 'POST', path: '/messages', kind: 'server-error', times: 5 });
    expect(await rejectionOf(caller.lootdrops.spawn(form()))).toMatchObject({ code: 'SERVICE_UNAVAILABLE', message: expect.stringMatching(/Discord is unavailable/) });
    const badToken = callerFor(desk({ discord: rig.badTokenClient }));
    expect(await rejectionOf(badToken.lootdrops.spawn(form()))).toMatchObject({
      code: 'PRECONDITION_FAILED',
      message: expect.stringMatching(/rejected the bot token/),
      data: { precondition: 'discord' },
    });
    expect(rig.routes.live()).toEqual([]);
    expect(await dropRows(current().database)).toEqual([]);
    expect(await spawnRows(current().database)).toEqual([]);
  });

  it('waits out a 429 (retry_after) and spawns once', async () => {
    rig.fake.failNext({ method: 'POST', path: '/messages', kind: 'rate-limit', retryAfter: 0.05 });
    const { drop } = await callerFor(desk()).lootdrops.spawn(form());
    expect(routesOf(rig.fake)).toEqual([`POST /channels/${CHANNEL_LOOTDROPS}/messages`, `POST /channels/${CHANNEL_LOOTDROPS}/messages`]);
    expect(rig.routes.live().map((m) => m.id)).toEqual([drop.messageId]);
    expect((await dropRows(current().database)).map((r) => r.message_id)).toEqual([drop.messageId]);
  });

  it('deletes the message again when the row cannot be recorded', async () => {
    const taken = '1400000000000007777';
    await insertDrop(current().database, { messageId: taken, channelId: CHANNEL_RAIDS, amount: 5, createdAt: new Date(Date.now() - 60_000), expiresAt: null });
    rig.routes.nextMessageIds.push(taken);
    const failure = await rejectionOf(callerFor(desk()).lootdrops.spawn(form()));
    expect(failure).toMatchObject({ code: 'SERVICE_UNAVAILABLE', message: expect.stringMatching(/already recorded.*deleted again, so nothing is live/) });
    expect(routesOf(rig.fake)).toEqual([`POST /channels/${CHANNEL_LOOTDROPS}/messages`, `DELETE /channels/${CHANNEL_LOOTDROPS}/messages/${taken}`]);
    expect(rig.routes.live()).toEqual([]);
    // The row that was there is untouched, and no spawn record claims it.
    expect(await dropRows(current().database)).toEqual([{ message_id: taken, claimed_by: null, expires_at: null }]);
    expect(await spawnRows(current().database)).toEqual([]);
  });

  it('says to delete the message by hand when the compensation fails too', async () => {
    const taken = '1400000000000007778';
    await insertDrop(current().database, { messageId: taken, channelId: CHANNEL_RAIDS, createdAt: new Date(Date.now() - 60_000) });
    rig.routes.nextMessageIds.push(taken);
    rig.fake.failNext({ method: 'DELETE', kind: 'server-error', times: 5 });
    const failure = await rejectionOf(callerFor(desk()).lootdrops.spawn(form()));
    expect(failure.message).toMatch(new RegExp(`deleting its Discord message failed too .*Delete message ${taken} in channel ${CHANNEL_LOOTDROPS} by hand`));
    expect(rig.routes.live().map((m) => m.id)).toEqual([taken]);
  });

  it('spawns one drop for a double submit, and answers repeats with the first result', async () => {
    const r = desk();
    const submission = form();
    const [first, second] = await Promise.all([callerFor(r).lootdrops.spawn(submission), callerFor(r).lootdrops.spawn(submission)]);
    expect(first.drop.messageId).toBe(second.drop.messageId);
    expect([first.repeated, second.repeated].sort()).toEqual([false, true]);
    expect(routesOf(rig.fake)).toEqual([`POST /channels/${CHANNEL_LOOTDROPS}/messages`]);

    // After a restart (the process forgot), the aurora_desk record answers.
    forgetRememberedSubmissions(current().database);
    const again = await callerFor(desk()).lootdrops.spawn(submission);
    expect(again).toMatchObject({ repeated: true, drop: { messageId: first.drop.messageId } });
    expect(rig.fake.requests).toHaveLength(1);
    expect(await dropRows(current().database)).toHaveLength(1);

    const changed = await rejectionOf(callerFor(r).lootdrops.spawn({ ...submission, idempotencyKey: submission.idempotencyKey, amount: '999' }));
    expect(changed).toMatchObject({ code: 'BAD_REQUEST' });
  });

  it('refuses an amount of 0 or past the bot\'s int4, and a burst range that runs backwards, naming the limit', async () => {
    for (const amount of ['0', '3,000,000,000', '99999999999999999999']) {
      const refused = await rejectionOf(callerFor(desk()).lootdrops.spawn(form({ amount })));
      expect(refused.code).toBe('BAD_REQUEST');
      expect(refused.data.fieldErrors?.amount?.[0]).toBe(amount === '0' ? 'The amount must be at least 1' : 'At most 2,147,483,647: the largest reward the bot can store');
    }
    expect((await callerFor(desk()).lootdrops.spawn(form({ amount: '2,147,483,647' }))).drop.amount).toBe(2_147_483_647);
    const backwards = await rejectionOf(
      callerFor(desk()).lootdrops.startBurst({
        idempotencyKey: randomUUID(),
        channelIds: [CHANNEL_LOOTDROPS],
        count: 10,
        windowMinutes: 30,
        amountMin: '900',
        amountMax: '100',
        currency: 'COINS',
        lifetimeSeconds: 120,
      }),
    );
    expect(backwards.data.fieldErrors?.amountMax?.[0]).toBe('"to" (100) is below "from" (900): the range runs from the smaller amount to the larger');
    expect(rig.fake.requests.filter((r) => r.method === 'POST')).toHaveLength(1);
  });

  it('lists the channels grouped by category, postable ones only', async () => {
    const { groups } = await callerFor(desk()).lootdrops.channels({});
    expect(groups.map((g) => [g.categoryName, g.channels.map((c) => c.name)])).toEqual([
      [null, ['announcements']],
      ['Events', ['lootdrops', 'raids']],
      ['Town', ['tavern']],
    ]);
    const users = await callerFor(desk()).lootdrops.users({ ids: ['1300000000000000001', '1300000000000000009'] });
    expect(users).toEqual([{ id: 1300000000000000001n, username: 'nyx', globalName: 'Nyx', avatarUrl: expect.stringContaining('/avatars/1300000000000000001/a1b2c3.png') }]);
  });
});
