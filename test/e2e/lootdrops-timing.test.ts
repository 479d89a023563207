/**
 * The lootdrop board keeps time by itself and shows drops on their way to Discord: a drop whose
 * time is up leaves Active (and the Board tab's count) without a reload or any other change; a
 * post waiting for Discord's rate limit says so with its seconds and can be given up (nothing
 * is posted); a post Discord did not answer shows "checking Discord…"; a change of Discord
 * server reaches the channel picker without a reload. Against the fake Discord.
 */
import { PermissionFlagsBits } from 'discord-api-types/v10';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startFakeDiscord, type FakeDiscord } from '../fixtures/fake-discord.js';
import { installGuildRoutes, type FakeGuild } from '../fixtures/fake-discord-guild.js';
import { CHANNEL_LOOTDROPS, FAKE_GUILD, installLootdropRoutes, type FakeLootdropDiscord } from '../fixtures/fake-discord-lootdrops.js';
import { describeE2E, E2E_START_TIMEOUT, startDeskApp, type DeskApp } from '../fixtures/harness.js';
import { testStaff } from '../fixtures/services.js';

describeE2E('lootdrop board timing and slow Discord in Chromium', () => {
  let app: DeskApp;
  let fake: FakeDiscord;
  let discord: FakeLootdropDiscord;
  let guild: FakeGuild;
  /** Console errors already accounted for (an expected refusal; a page the test reloaded). */
  let errorsSeen = 0;
  const activeBadge = () => app.page.getByTestId('board-active').locator('.mantine-Badge-root').first().innerText();
  const tabBadge = () => app.page.getByRole('tab', { name: /Board/ }).innerText();

  beforeAll(async () => {
    fake = await startFakeDiscord({ token: 'MTQwMDAwMDAwMDAwMDAwOTAw.Gx7Ab9.fake-bot-token' });
    discord = installLootdropRoutes(fake);
    guild = installGuildRoutes(fake, { guildId: FAKE_GUILD, name: 'Aurora Test Realm' });
    app = await startDeskApp({
      driver: 'pglite',
      seed: 'none',
      identity: testStaff,
      area: 'lootdrops',
      discord: { guildId: BigInt(FAKE_GUILD), token: fake.token, apiBase: fake.apiBase },
    });
    app.page.setDefaultTimeout(12_000);
    await app.page.getByTestId('spawn-form').waitFor();
  }, E2E_START_TIMEOUT);

  afterAll(async () => {
    await app?.close();
    await fake?.close();
  });

  it('moves a drop out of Active when its time is up, and the tab count with it', async () => {
    const { page } = app;
    // A drop the bot posted (no desk record, so nothing else changes when it ends).
    await app.database.query(
      `INSERT INTO lootdrops (message_id, channel_id, reward_amount, currency, created_at, expires_at)
       VALUES ('1400000000000009001', $1, 889, 'COINS', (now() AT TIME ZONE 'UTC') - interval '57 seconds', (now() AT TIME ZONE 'UTC') + interval '3 seconds')`,
      [CHANNEL_LOOTDROPS],
    );
    const row = page.locator('[data-testid="active-row"][data-message-id="1400000000000009001"]');
    await row.waitFor();
    expect(await activeBadge()).toBe('1');
    expect(await tabBadge()).toContain('1');
    await row.waitFor({ state: 'detached' });
    expect(await activeBadge()).toBe('0');
    expect(await tabBadge()).toContain('0');
    await page.locator('[data-testid="expired-row"][data-message-id="1400000000000009001"]').waitFor();
    expect(app.consoleErrors).toEqual([]);
  });

  it("shows a post waiting for Discord's rate limit, and giving up posts nothing", async () => {
    const { page } = app;
    fake.failNext({ method: 'POST', path: '/messages', kind: 'rate-limit', retryAfter: 30 });
    await page.getByTestId('spawn-channel').click();
    await page.getByRole('option', { name: '#lootdrops' }).click();
    await page.getByTestId('spawn-amount').fill('889');
    await page.getByTestId('spawn-submit').click();
    const waiting = page.locator('[data-testid="post-row"][data-state="waiting"]');
    await waiting.waitFor();
    const seconds = Number(/waiting for Discord's rate limit \((\d+) s\)/.exec(await waiting.innerText())?.[1]);
    expect(seconds).toBeGreaterThan(20);
    expect(seconds).toBeLessThanOrEqual(30);
    await shots('lootdrops-rate-limit-wait');
    await waiting.getByTestId('give-up-post').click();
    await waiting.waitFor({ state: 'detached' });
    await page.getByText('You gave up waiting for Discord: the drop was not posted.').waitFor();
    expect(fake.requests.filter((r) => r.method === 'POST')).toHaveLength(1);
    expect(discord.live()).toEqual([]);
    // The spawn call that was given up answers 400 with the words above, once; nothing else is red.
    const gaveUp = (line: string) => /lootdrops\.spawn: HTTP 400|status of 400 \(Bad Request\)/.test(line);
    expect(app.consoleErrors.filter(gaveUp)).toHaveLength(2);
    expect(app.consoleErrors.filter((line) => !gaveUp(line))).toEqual([]);
    errorsSeen = app.consoleErrors.length;
  });

  it('shows a post Discord has not answered as "checking Discord…"', async () => {
    const { page } = app;
    // As a desk that got no answer leaves it (another desk's run: this one leaves it to it for a while).
    await app.database.query(
      `INSERT INTO aurora_desk.discord_posts (nonce, subject, subject_key, channel_id, body, details, actor_id, actor_name, run_id, state, detail)
       VALUES ('a1b2c3', 'lootdrop', 'form-1', $1, '{}', '{"amount":889,"currency":"COINS","lifetimeSeconds":60,"customId":"lootdrop_claim","laterButton":false,"burstId":null,"burstSeq":null}',
               $2, $3, 'another-desk', 'checking', 'Discord did not answer in time; try again in a moment.')`,
      [CHANNEL_LOOTDROPS, testStaff.id.toString(), testStaff.name],
    );
    // Another desk's post: this window learns of it at its next read of the board. The reload
    // cuts off the old page's requests: what is red counts from the new page on.
    await page.reload();
    errorsSeen = app.consoleErrors.length;
    const checking = page.locator('[data-testid="post-row"][data-state="checking"]');
    await checking.waitFor();
    expect(await checking.innerText()).toContain('checking Discord…');
    await shots('lootdrops-checking');
    expect(app.consoleErrors.slice(errorsSeen)).toEqual([]);
  });

  it('saving the Discord settings says what Discord found: the bot, the server, the permissions it lacks', async () => {
    const { page } = app;
    guild.botPermissions = PermissionFlagsBits.SendMessages | PermissionFlagsBits.ManageMessages | PermissionFlagsBits.KickMembers;
    await page.keyboard.press('Alt+6');
    await page.getByTestId('settings-tab-discord').click();
    // The same server and token, entered again: saving tries them.
    await page.getByLabel('Bot token').fill(fake.token);
    await page.getByRole('button', { name: 'Save Discord settings' }).click();
    const check = page.getByTestId('discord-check');
    await check.waitFor();
    expect(await check.getAttribute('data-state')).toBe('missing');
    expect(await check.innerText()).toContain('Bot aurora-bot in Aurora Test Realm');
    expect(await page.getByTestId('discord-check-missing').allInnerTexts()).toEqual([
      'Ban Members: bans and lifting them',
      'Moderate Members: timeouts and clearing them',
    ]);
    await shots('settings-discord-check-missing');
    expect(app.consoleErrors.slice(errorsSeen)).toEqual([]);
  });

  it('asks the new server for its channels as soon as the Discord settings change, without a reload, and says the bot is not there', async () => {
    const { page } = app;
    const other = '1400000000000000009';
    await page.getByLabel('Server (guild) ID').fill(other);
    await page.getByRole('button', { name: 'Save Discord settings' }).click();
    const check = page.locator('[data-testid="discord-check"][data-state="problem"]');
    await check.waitFor();
    expect(await check.innerText()).toContain(`The bot is not in a server with ID ${other}`);
    await shots('settings-discord-check-problem');
    // A drop in a channel Discord does not know (deleted since).
    await app.database.query(
      `INSERT INTO lootdrops (message_id, channel_id, reward_amount, currency, created_at, expires_at)
       VALUES ('1400000000000009002', '1400000000000000777', 5, 'COINS', (now() AT TIME ZONE 'UTC') - interval '2 minutes', (now() AT TIME ZONE 'UTC') - interval '1 minute')`,
    );
    await page.locator('nav').getByText('Lootdrops', { exact: true }).click();
    await page.getByTestId('lootdrops-page').waitFor();
    await expect.poll(() => fake.requests.some((r) => r.method === 'GET' && r.path === `/guilds/${other}/channels`)).toBe(true);

    // The board names the old server's channel (asked by ID); an unknown one reads as its ID, with a hint.
    const named = page.locator('[data-testid="expired-row"][data-message-id="1400000000000009001"] [data-testid="drop-channel"]');
    await expect.poll(() => named.innerText()).toBe('#lootdrops');
    const unknown = page.locator('[data-testid="expired-row"][data-message-id="1400000000000009002"] [data-testid="drop-channel"]');
    expect(await unknown.innerText()).toBe('channel 1400000000000000777');
    expect(await unknown.getAttribute('title')).toMatch(/not in the server set in Settings → Discord/);

    // The list's failure is said in plain words, in sight, and the channel can be typed instead.
    const error = page.getByText(/The channel list could not be loaded/);
    await error.waitFor();
    await page.getByTestId('spawn-channel-id').waitFor();
    expect(await page.locator('.mantine-Select-dropdown:visible').count()).toBe(0);
    await shots('lootdrops-other-server');
  });

  async function shots(name: string) {
    for (const size of [{ width: 960, height: 600 }, { width: 1440, height: 900 }]) {
      await app.page.setViewportSize(size);
      await app.page.screenshot({ path: `/tmp/df-shots/${name}-${size.width}.png` });
    }
  }
});
