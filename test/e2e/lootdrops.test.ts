/**
 * Lootdrops in Chromium against the real router, the embedded demo database and the fake
 * Discord API on loopback: without Discord the board still shows; with it, spawn through the
 * form, see the drop on the board, write a claim into the database (as the bot would) and see
 * it claimed live; cancel one; stats, history and a burst. Screenshots: test-results/lootdrops-*.png.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startFakeDiscord, type FakeDiscord } from '../fixtures/fake-discord.js';
import { FAKE_GUILD, installLootdropRoutes, type FakeChannel, type FakeLootdropDiscord } from '../fixtures/fake-discord-lootdrops.js';
import { describeE2E, E2E_START_TIMEOUT, startDeskApp, type DeskApp } from '../fixtures/harness.js';
import { testStaff } from '../fixtures/services.js';

const EVENTS = '1400000000000000100';
const TOWN = '1400000000000000200';
const NAMES = ['lootdrops', 'general', 'tavern', 'raids', 'events', 'trading', 'quests', 'offtopic'];

describeE2E('lootdrops in Chromium (embedded demo database, fake Discord)', () => {
  let app: DeskApp;
  let fake: FakeDiscord;
  let discord: FakeLootdropDiscord;
  const posts = () => fake.requests.filter((r) => r.method === 'POST');

  beforeAll(async () => {
    app = await startDeskApp({ driver: 'pglite', seed: 'demo', identity: testStaff, area: 'lootdrops' });
    // A step that cannot happen fails with its own message, before the test's timeout.
    app.page.setDefaultTimeout(12_000);
    // The fake server's channels are the demo's channel IDs, busiest first, with names.
    const { rows } = await app.database.query<{ channel_id: string }>(`SELECT channel_id FROM lootdrops GROUP BY channel_id ORDER BY count(*) DESC, channel_id`);
    const channels: FakeChannel[] = [
      { id: EVENTS, name: 'Events', type: 4, position: 0 },
      { id: TOWN, name: 'Town', type: 4, position: 1 },
      ...rows.map((r, i) => ({ id: r.channel_id, name: NAMES[i] ?? `channel-${i}`, type: 0, parent_id: i % 3 === 0 ? EVENTS : TOWN, position: i })),
    ];
    fake = await startFakeDiscord();
    discord = installLootdropRoutes(fake, { channels });
  }, E2E_START_TIMEOUT);

  afterAll(async () => {
    await app?.close();
    await fake?.close();
  });

  it('without Discord, says where to configure it and still shows the board', async () => {
    const { page } = app;
    await page.getByTestId('lootdrops-discord-missing').waitFor();
    expect(await page.getByTestId('lootdrops-discord-missing').innerText()).toContain('Discord is not configured: Settings → Discord');
    await page.getByTestId('board-claimed').getByTestId('claimed-row').first().waitFor();
    await app.screenshot('lootdrops-no-discord');
    expect(app.consoleErrors).toEqual([]);
  });

  it('spawns a drop through the form and shows it on the board with its countdown', async () => {
    const { page } = app;
    await app.host.store.setDiscord({ guildId: BigInt(FAKE_GUILD), token: fake.token, apiBase: fake.apiBase });
    await page.reload();
    await page.getByTestId('spawn-form').waitFor();
    await page.getByTestId('spawn-channel').click();
    await page.getByRole('option', { name: '#lootdrops' }).click();
    await page.getByTestId('spawn-amount').fill('1500');
    await page.getByTestId('spawn-lifetime').getByText('5 min', { exact: true }).click();
    await app.screenshot('lootdrops-spawn-form');
    await page.getByTestId('spawn-submit').click();

    await expect.poll(() => posts().length).toBe(1);
    const [message] = discord.live();
    const body = posts()[0]!.body as { embeds: { description: string }[]; components: { components: { custom_id: string }[] }[] };
    expect(body.embeds[0]!.description).toContain('1,500');
    expect(body.components[0]!.components[0]!.custom_id).toBe('lootdrop_claim');
    const row = page.locator(`[data-testid="active-row"][data-message-id="${message!.id}"]`);
    await row.waitFor();
    expect(await row.innerText()).toMatch(/#lootdrops[\s\S]*1,500[\s\S]*(4:5\d|5:00)/);
    await app.screenshot('lootdrops-board');
    expect(app.consoleErrors).toEqual([]);
  });

  it('spawns one drop for a double click', async () => {
    const { page } = app;
    await page.getByTestId('spawn-amount').fill('250');
    await page.getByTestId('spawn-submit').dblclick();
    // Give a second request every chance to arrive before counting.
    await page.getByText('250 COINS, up for 5 min.').first().waitFor();
    const spawnCalls = () => fake.requests.map((r) => `${r.method} ${r.path}`);
    expect(posts(), JSON.stringify(spawnCalls())).toHaveLength(2);
    // The demo world may have drops of its own up: count ours, each must be on the board once.
    const ours = new Set(discord.live().map((m) => m.id));
    expect(ours.size).toBe(2);
    const activeIds = () => page.getByTestId('active-row').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-message-id')));
    await expect.poll(async () => (await activeIds()).filter((id) => id !== null && ours.has(id)).length).toBe(2);
    const { rows } = await app.database.query<{ n: string }>(`SELECT count(*) AS n FROM aurora_desk.lootdrop_spawns`);
    expect(rows[0]!.n).toBe('2');
  });

  it('shows a claim written into the database as claimed, live', async () => {
    const { page } = app;
    const [first] = discord.live();
    const { rows } = await app.database.query<{ id: string; username: string }>(`SELECT id::text AS id, username FROM users ORDER BY id LIMIT 1`);
    const player = rows[0]!;
    await app.database.query(`UPDATE lootdrops SET claimed_by = $1 WHERE message_id = $2 AND claimed_by IS NULL`, [player.id, first!.id]);
    const claimed = page.locator(`[data-testid="claimed-row"][data-message-id="${first!.id}"]`);
    await claimed.waitFor({ timeout: 15_000 });
    expect(await claimed.innerText()).toContain(player.username);
    expect(await claimed.innerText()).toMatch(/in \d/);
    await expect.poll(() => page.locator(`[data-testid="active-row"][data-message-id="${first!.id}"]`).count()).toBe(0);
    await app.screenshot('lootdrops-claimed');
    expect(app.consoleErrors).toEqual([]);
  });

  it('cancels the other drop after a confirmation that says what happens', async () => {
    const { page } = app;
    const other = discord.live()[1]!;
    await page.locator(`[data-testid="active-row"][data-message-id="${other.id}"]`).getByTestId('cancel-drop').click();
    // The modal's root has no box of its own: wait for its dialog.
    const dialog = page.getByRole('dialog', { name: 'Cancel this drop?' });
    await dialog.waitFor();
    expect(await dialog.innerText()).toContain('250 COINS');
    await app.screenshot('lootdrops-cancel-dialog');
    await page.getByTestId('cancel-confirm').click();
    const ended = page.locator(`[data-testid="expired-row"][data-message-id="${other.id}"]`);
    await ended.waitFor();
    expect(await ended.innerText()).toContain(`Cancelled by ${testStaff.name}`);
    expect(fake.requests.some((r) => r.method === 'PATCH' && r.path.endsWith(`/messages/${other.id}`))).toBe(true);
  });

  it('shows stats with the claim rate chart, and the history', async () => {
    const { page } = app;
    await page.getByTestId('lootdrops-tab-stats').click();
    await page.getByTestId('stats-window').getByText('All time').click();
    await page.getByTestId('stats-row').first().waitFor();
    await page.locator('.recharts-bar-rectangle').first().waitFor();
    await app.screenshot('lootdrops-stats');
    await page.getByTestId('lootdrops-tab-history').click();
    await page.getByTestId('history-row').first().waitFor();
    await app.screenshot('lootdrops-history');
    expect(app.consoleErrors).toEqual([]);
  });

  it('runs a burst with its progress, and cancels it', async () => {
    const { page } = app;
    await page.getByTestId('lootdrops-tab-bursts').click();
    await page.getByTestId('burst-form').waitFor();
    await page.getByTestId('burst-channels').click();
    await page.getByRole('option', { name: '#lootdrops' }).click();
    await page.getByRole('option', { name: '#general' }).click();
    await page.keyboard.press('Escape');
    await page.getByLabel('Name').fill('Harvest festival');
    await page.getByLabel('Drops').fill('6');
    await page.getByLabel('Over (minutes)').fill('30');
    const before = posts().length;
    await page.getByTestId('burst-submit').click();
    const card = page.getByTestId('burst-card').first();
    await card.waitFor();
    await expect.poll(() => posts().length, { timeout: 15_000 }).toBe(before + 1);
    await expect.poll(() => card.getByTestId('burst-progress').innerText(), { timeout: 15_000 }).toContain('1 of 6 spawned');
    await app.screenshot('lootdrops-bursts');
    await card.getByRole('button', { name: 'Cancel' }).click();
    await card.getByRole('button', { name: /Stop after 1\?/ }).click();
    await expect.poll(() => card.getAttribute('data-status')).toBe('cancelled');
    // Who stopped it, and when, in words.
    expect(await card.getByTestId('burst-stopped-by').innerText()).toMatch(new RegExp(`^Cancelled by ${testStaff.name}, \\d{1,2} \\w{3} \\d{4}, \\d\\d:\\d\\d:\\d\\d`));
    expect(app.consoleErrors).toEqual([]);
  });

  it('schedules a burst for later: nothing goes out, the card says when it starts', async () => {
    const { page } = app;
    await page.getByTestId('burst-form').waitFor();
    await page.getByLabel('Name').fill('Midnight market');
    await page.getByTestId('burst-when').getByText('Later', { exact: true }).click();
    // An hour ahead, in the window's own time zone, as a datetime-local field holds it.
    const local = await page.evaluate(() => {
      const at = new Date(Date.now() + 3_600_000);
      const pad = (n: number) => String(n).padStart(2, '0');
      return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}T${pad(at.getHours())}:${pad(at.getMinutes())}`;
    });
    await page.getByTestId('burst-start-at').fill(local);
    expect(await page.getByTestId('burst-form').innerText()).toMatch(/the first at \d{1,2} \w{3} \d{4}, \d\d:\d\d:00/);
    const before = posts().length;
    await page.getByTestId('burst-submit').click();
    const card = page.locator('[data-testid="burst-card"]', { hasText: 'Midnight market' });
    await card.getByTestId('burst-starts-at').waitFor();
    expect(await card.getByTestId('burst-starts-at').innerText()).toMatch(/^starts \d{1,2} \w{3} \d{4}, \d\d:\d\d:00/);
    expect(await card.getAttribute('data-status')).toBe('running');
    expect(await card.innerText()).toContain('SCHEDULED');
    await app.screenshot('lootdrops-burst-scheduled');
    const size = page.viewportSize();
    await page.setViewportSize({ width: 960, height: 600 });
    await app.screenshot('lootdrops-burst-scheduled-960');
    if (size) await page.setViewportSize(size);
    await card.getByTestId('burst-progress').waitFor();
    expect(posts().length).toBe(before);
    await card.getByRole('button', { name: 'Cancel' }).click();
    await card.getByRole('button', { name: 'Call it off?' }).click();
    await expect.poll(() => card.getAttribute('data-status')).toBe('cancelled');
    expect(posts().length).toBe(before);
    await page.getByTestId('burst-when').getByText('Now', { exact: true }).click();
    expect(app.consoleErrors).toEqual([]);
  });

  it('looks right in the light theme', async () => {
    const { page } = app;
    const scheme = () => page.evaluate(() => document.documentElement.getAttribute('data-mantine-color-scheme'));
    await page.getByTestId('lootdrops-tab-board').click();
    await page.getByTestId('theme-toggle').click();
    await expect.poll(scheme).toBe('light');
    await page.getByTestId('board-active').waitFor();
    await page.mouse.move(0, 0);
    await app.screenshot('lootdrops-board-light');
    await page.getByTestId('theme-toggle').click();
    await expect.poll(scheme).toBe('dark');
    expect(app.consoleErrors).toEqual([]);
  });
});
