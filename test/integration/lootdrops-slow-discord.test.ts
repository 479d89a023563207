/**
 * Spawning when Discord is slow: a post whose answer comes too late is never sent again as a
 * new message. It goes under a nonce Discord enforces, the intent is in the post outbox before
 * it is sent, and the desk asks again under the same nonce before saying anything; the board
 * shows the drop as checking until it knows. Also: the lifetime starts when Discord accepted
 * the message, and a post waiting for Discord's rate limit can be given up.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import type { Clock } from '../../src/main/core/clock.js';
import { createDiscordClient, type DiscordClient } from '../../src/main/core/discord/index.js';
import type { DeskServices } from '../../src/main/core/services.js';
import { checkOpenDropPosts } from '../../src/main/features/lootdrops/post-checks.js';
import { forgetRememberedSubmissions } from '../../src/main/features/lootdrops/spawn.js';
import { describeOnBothDrivers } from '../fixtures/databases.js';
import { CHANNEL_LOOTDROPS, FAKE_GUILD } from '../fixtures/fake-discord-lootdrops.js';
import { clearLootdrops, dropRows, insertDrop, routesOf, spawnRows, startLootdropDiscord, type LootdropDiscordRig } from '../fixtures/lootdrops-world.js';
import { rejectionOf } from '../fixtures/rejection.js';
import { TRPCClientError } from '@trpc/client';
import type { DeskErrorData } from '../../src/shared/errors.js';
import { momentText } from '../../src/shared/moment-text.js';
import { describeError } from '../../src/renderer/src/lib/errors.js';
import { callerFor, createTestServices, stopServices } from '../fixtures/services.js';

const TIMEOUT_MS = 300;
const LATE_MS = 600;

describeOnBothDrivers('spawning lootdrops when Discord is slow', (current) => {
  let rig: LootdropDiscordRig;
  let impatient: DiscordClient;
  const desks: DeskServices[] = [];

  beforeAll(async () => {
    rig = await startLootdropDiscord();
    // Gives up on an answer after 300 ms and, like the desk's client, sends once more.
    impatient = createDiscordClient({ token: rig.fake.token, apiBase: rig.fake.apiBase, guildId: FAKE_GUILD, timeoutMs: TIMEOUT_MS, retries: 1 });
  });
  afterAll(async () => {
    await Promise.all(desks.map(stopServices));
    impatient.destroy();
    await rig.close();
  });
  beforeEach(async () => {
    rig.fake.reset();
    rig.routes.reset();
    forgetRememberedSubmissions(current().database);
    await clearLootdrops(current().database);
  });

  const desk = (options: { clock?: Clock; discord?: DiscordClient } = {}) => {
    const services = createTestServices(current().database, { discord: options.discord ?? impatient, ...(options.clock ? { clock: options.clock } : {}) });
    desks.push(services);
    return services;
  };
  const form = () => ({ idempotencyKey: randomUUID(), channelId: CHANNEL_LOOTDROPS, amount: '889', currency: 'COINS', lifetimeSeconds: 60 });
  const posts = async () =>
    (await current().database.query<{ state: string; message_id: string | null }>(`SELECT state, message_id FROM aurora_desk.discord_posts`)).rows;

  it('a create that timed out (and its retry too) leaves exactly one message and one row', async () => {
    rig.fake.delayNext({ method: 'POST', path: '/messages', ms: LATE_MS, times: 2 });
    const { drop } = await callerFor(desk()).lootdrops.spawn(form());

    const posted = rig.fake.requests.filter((r) => r.method === 'POST');
    expect(posted.length).toBeGreaterThanOrEqual(3);
    const nonces = new Set(posted.map((r) => (r.body as { nonce: string }).nonce));
    expect(nonces.size).toBe(1);
    expect(posted.every((r) => (r.body as { enforce_nonce: boolean }).enforce_nonce === true)).toBe(true);
    expect(rig.routes.live().map((m) => m.id)).toEqual([drop.messageId]);
    expect((await dropRows(current().database)).map((r) => r.message_id)).toEqual([drop.messageId]);
    expect(await spawnRows(current().database)).toHaveLength(1);
    expect(await posts()).toEqual([{ state: 'posted', message_id: drop.messageId }]);
  });

  it('with no answer at all, says so, shows "checking" on the board, and records the one message once Discord answers', async () => {
    rig.fake.delayNext({ method: 'POST', path: '/messages', ms: LATE_MS, times: 4 });
    const services = desk();
    const caller = callerFor(services);
    const failure = await rejectionOf(caller.lootdrops.spawn(form()));
    expect(failure).toMatchObject({ code: 'SERVICE_UNAVAILABLE', message: expect.stringMatching(/cannot tell yet whether the drop was posted.*checking Discord/) });
    expect(rig.routes.live()).toHaveLength(1); // Discord made it; the desk has no row for it yet
    expect(await dropRows(current().database)).toEqual([]);
    const board = await caller.lootdrops.board({ recent: 10 });
    expect(board.posts).toMatchObject([{ state: 'checking', channelId: CHANNEL_LOOTDROPS, amount: 889, currency: 'COINS', lifetimeSeconds: 60 }]);

    // The next check asks Discord under the same nonce and records the drop it made.
    expect(await checkOpenDropPosts(services, current().database, services.discord.require())).toBe(0);
    const [message] = rig.routes.live();
    expect(rig.routes.live()).toHaveLength(1);
    expect((await dropRows(current().database)).map((r) => r.message_id)).toEqual([message!.id]);
    expect(await posts()).toEqual([{ state: 'posted', message_id: message!.id }]);
    const after = await caller.lootdrops.board({ recent: 10 });
    expect(after.posts).toEqual([]);
    expect(after.active.map((d) => d.messageId)).toEqual([message!.id]);
  });

  it('a second submit of a form still being checked posts nothing more', async () => {
    rig.fake.delayNext({ method: 'POST', path: '/messages', ms: LATE_MS, times: 4 });
    const caller = callerFor(desk());
    const input = form();
    await rejectionOf(caller.lootdrops.spawn(input));
    forgetRememberedSubmissions(current().database);
    expect(await rejectionOf(caller.lootdrops.spawn(input))).toMatchObject({ code: 'CONFLICT', message: expect.stringMatching(/being posted already/) });
    expect(rig.routes.live()).toHaveLength(1);
  });

  it('starts the lifetime when Discord accepted the message, not when the wait began', async () => {
    let now = new Date('2026-12-03T10:00:00.000Z');
    const clock: Clock = { now: () => new Date(now), setTimeout: (run, ms) => setTimeout(run, ms), clearTimeout: (h) => clearTimeout(h as NodeJS.Timeout) };
    const hold = rig.fake.hold({ method: 'POST', path: '/messages' });
    const spawning = callerFor(desk({ clock, discord: rig.client })).lootdrops.spawn(form());
    await hold.arrived();
    now = new Date('2026-12-03T10:00:30.000Z'); // Discord took 30 s
    hold.release();
    const { drop } = await spawning;
    expect(drop.createdAt.toISOString()).toBe('2026-12-03T10:00:30.000Z');
    expect(drop.expiresAt!.toISOString()).toBe('2026-12-03T10:01:30.000Z');
    // The message's expiry follows.
    const edit = rig.routes.live()[0]!.edits.at(-1) as { embeds: { fields: { name: string; value: string }[] }[] };
    expect(edit.embeds[0]!.fields.find((f) => f.name === 'Expires')!.value).toBe(`<t:${Date.parse('2026-12-03T10:01:30.000Z') / 1000}:R>`);
  });

  it('shows a post waiting for the rate limit, and giving up sends nothing', async () => {
    rig.fake.failNext({ method: 'POST', path: '/messages', kind: 'rate-limit', retryAfter: 3 });
    const services = desk({ discord: rig.client });
    const caller = callerFor(services);
    const spawning = rejectionOf(caller.lootdrops.spawn(form()));
    let board = await caller.lootdrops.board({ recent: 10 });
    while (board.posts[0]?.state !== 'waiting') {
      await new Promise((resolve) => setTimeout(resolve, 20));
      board = await caller.lootdrops.board({ recent: 10 });
    }
    expect(board.posts[0]!.waitingUntil!.getTime() - board.now.getTime()).toBeGreaterThan(1_000);
    await caller.lootdrops.giveUpPost({ nonce: board.posts[0]!.nonce });
    expect(await spawning).toMatchObject({ code: 'BAD_REQUEST', message: expect.stringMatching(/gave up waiting/) });
    expect(await posts()).toEqual([{ state: 'abandoned', message_id: null }]);
    expect(routesOf(rig.fake)).toEqual([`POST /channels/${CHANNEL_LOOTDROPS}/messages`]);
    expect(rig.routes.live()).toEqual([]);
  });

  // What the window shows for a refusal: the same data, as it arrives over the wire.
  const titleOf = (failure: { message: string; data: unknown }) =>
    describeError(TRPCClientError.from({ error: { message: failure.message, code: -32600, data: failure.data as DeskErrorData } })).title;

  it("names Discord, its status and its words when Discord refuses or does not answer, not the database", async () => {
    const caller = callerFor(desk({ discord: rig.client }));
    rig.routes.lockedChannels.add(CHANNEL_LOOTDROPS);
    const refused = await rejectionOf(caller.lootdrops.spawn(form()));
    expect(refused.data).toMatchObject({ discord: { status: 403, message: 'Missing Access' } });
    expect(titleOf(refused)).toBe('Discord refused (403 Missing Access)');
    rig.routes.lockedChannels.clear();

    rig.fake.failNext({ method: 'POST', path: '/messages', kind: 'server-error', times: 2 });
    const down = await rejectionOf(caller.lootdrops.spawn(form()));
    expect(titleOf(down)).toMatch(/^Discord is unavailable \(500/);

    rig.fake.delayNext({ method: 'POST', path: '/messages', ms: LATE_MS, times: 4 });
    const silent = await rejectionOf(callerFor(desk()).lootdrops.spawn(form()));
    expect(titleOf(silent)).toBe('Discord did not answer');
  });

  it('gives times in messages as people read them, not as ISO strings', async () => {
    const expiresAt = new Date(Date.now() - 60_000);
    await insertDrop(current().database, { messageId: '1400000000000008001', channelId: CHANNEL_LOOTDROPS, amount: 5, createdAt: new Date(expiresAt.getTime() - 60_000), expiresAt });
    const failure = await rejectionOf(callerFor(desk()).lootdrops.cancel({ messageId: '1400000000000008001' }));
    expect(failure.message).toContain(`already expired at ${momentText(expiresAt)}`);
    expect(failure.message).not.toMatch(/\d{4}-\d\d-\d\dT\d\d:/);
  });
});
