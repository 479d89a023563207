/**
 * The lootdrop forms in Chromium against the real router, the embedded demo database and the
 * fake Discord on loopback: saving a token in Settings brings the spawn form without a reload;
 * amounts are checked in the form by the server's rule with the limit named; and once Discord
 * cannot be reached, the channels keep the names Discord gave before (ID on hover), the list's
 * failure is said in words and a channel ID can be typed instead. Screenshots:
 * test-results/lootdrops-forms-*.png.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startFakeDiscord, type FakeDiscord } from '../fixtures/fake-discord.js';
import { FAKE_GUILD, installLootdropRoutes, type FakeChannel } from '../fixtures/fake-discord-lootdrops.js';
import { describeE2E, E2E_START_TIMEOUT, startDeskApp, type DeskApp } from '../fixtures/harness.js';
import { unusedPort } from '../fixtures/ports.js';
import { testStaff } from '../fixtures/services.js';

const TOKEN = 'MTQwMDAwMDAwMDAwMDAwOTAw.Gx7Ab9.lootdrop-forms-token';
const EVENTS = '1400000000000000100';
/** The busiest channel's name: longer than a chart label has room for. */
const LONG_NAME = 'announcements-and-official-event-schedule';
const NAMES = [LONG_NAME, 'general', 'tavern', 'raids', 'events', 'trading', 'quests', 'offtopic'];

describeE2E('the lootdrop forms in Chromium (embedded demo database, fake Discord)', () => {
  let app: DeskApp;
  let fake: FakeDiscord;
  let busiest: string;
  /** Refusals the test provokes on purpose (the channel list while Discord is unreachable). */
  const unexpected = () => app.consoleErrors.filter((line) => !/lootdrops\.(channels|users).*HTTP 503|status of 503/.test(line));

  beforeAll(async () => {
    app = await startDeskApp({ driver: 'pglite', seed: 'demo', identity: testStaff, area: 'lootdrops' });
    app.page.setDefaultTimeout(15_000);
    const { rows } = await app.database.query<{ channel_id: string }>(`SELECT channel_id FROM lootdrops GROUP BY channel_id ORDER BY count(*) DESC, channel_id`);
    busiest = rows[0]!.channel_id;
    const channels: FakeChannel[] = [
      { id: EVENTS, name: 'Events', type: 4, position: 0 },
      ...rows.map((r, i) => ({ id: r.channel_id, name: NAMES[i] ?? `channel-${i}`, type: 0, parent_id: EVENTS, position: i })),
    ];
    fake = await startFakeDiscord({ token: TOKEN });
    installLootdropRoutes(fake, { channels });
  }, E2E_START_TIMEOUT);

  afterAll(async () => {
    await app?.close();
    await fake?.close();
  });

  it('shows the spawn form once a token is saved in Settings, without a reload', async () => {
    const { page } = app;
    await page.getByTestId('lootdrops-discord-missing').waitFor();
    await page.locator('nav a[data-area="settings"]').click();
    await page.getByTestId('settings-tab-discord').click();
    await page.getByLabel('Server (guild) ID').fill(FAKE_GUILD);
    await page.getByLabel('Bot token').fill(fake.token);
    await page.getByText('Advanced').click();
    await page.getByLabel('API base URL').fill(fake.apiBase);
    await page.getByRole('button', { name: 'Save Discord settings' }).click();
    await expect.poll(() => page.getByTestId('discord-token-state').innerText()).toMatch(/^token set$/i);
    await page.locator('nav a[data-area="lootdrops"]').click();
    await page.getByTestId('spawn-form').waitFor();
    expect(await page.getByTestId('lootdrops-discord-missing').count()).toBe(0);
    // The channel list loaded: Discord's names are now remembered too.
    await page.getByTestId('spawn-channel').click();
    await page.getByRole('option', { name: '#general' }).waitFor();
    await page.keyboard.press('Escape');
    expect(unexpected()).toEqual([]);
  });

  it('refuses 0 and an amount past the bot’s limit in the form, naming the limit', async () => {
    const { page } = app;
    const amount = page.getByTestId('spawn-amount');
    const preview = page.getByTestId('lootdrop-preview');
    await amount.fill('0');
    await page.getByText('The amount must be at least 1').waitFor();
    expect(await page.getByTestId('spawn-submit').isDisabled()).toBe(true);
    await amount.fill('3,000,000,000');
    await page.getByText('At most 2,147,483,647: the largest reward the bot can store').waitFor();
    expect(await page.getByTestId('spawn-submit').isDisabled()).toBe(true);
    expect(await preview.innerText()).not.toContain('3,000,000,000');
    await app.screenshot('lootdrops-forms-amount-limit');
    await amount.fill('2,147,483,647');
    await expect.poll(() => preview.innerText()).toContain('2,147,483,647 COINS');
  });

  it('refuses a burst range that runs backwards, and says nothing about random spacing for 0 drops', async () => {
    const { page } = app;
    await page.getByTestId('lootdrops-tab-bursts').click();
    const form = page.getByTestId('burst-form');
    await form.waitFor();
    await page.getByLabel('Amount from').fill('900');
    await page.getByLabel('to', { exact: true }).fill('100');
    await form.getByText('"to" (100) is below "from" (900)').waitFor();
    expect(await form.innerText()).not.toContain('Pays out between');
    expect(await page.getByTestId('burst-submit').isDisabled()).toBe(true);
    await page.getByLabel('Drops').fill('0');
    await page.getByText('Enter at least one drop and one minute').waitFor();
    expect(await form.innerText()).not.toContain('random');
    await app.screenshot('lootdrops-forms-burst-range');
    await page.getByLabel('to', { exact: true }).fill('1000');
    await page.getByLabel('Drops').fill('10');
    await form.getByText('One drop every 3 min, the first at once.').waitFor();
    await expect.poll(() => form.innerText()).toContain('Pays out between 9,000 and 10,000 COINS');
  });

  it('keeps channel names while Discord cannot be reached, with the ID on hover, and takes a typed channel ID', async () => {
    const { page } = app;
    // Nothing answers at the API address any more.
    await app.host.store.setDiscord({ guildId: BigInt(FAKE_GUILD), token: fake.token, apiBase: `http://127.0.0.1:${await unusedPort()}/api` });
    await page.reload();
    await page.getByTestId('lootdrops-tab-board').click();
    const failed = page.getByTestId('channel-list-failed');
    await failed.waitFor({ timeout: 30_000 });
    const said = await failed.innerText();
    expect(said).toContain('could not be loaded from Discord');
    expect(said).toContain('Discord could not be reached: the connection was refused');
    expect(said).not.toMatch(/ECONNREFUSED|getaddrinfo|fetch failed/);

    const named = page.locator(`[data-testid="drop-channel"][title="Channel ID ${busiest}"]`).first();
    await named.waitFor();
    expect(await named.innerText()).toBe(`#${LONG_NAME}`);

    await page.getByTestId('spawn-channel-id').fill(busiest);
    await page.getByTestId('spawn-amount').fill('250');
    await expect.poll(() => page.getByTestId('lootdrop-preview').innerText()).toContain(`Preview in #${LONG_NAME}`);
    expect(await page.getByTestId('spawn-submit').isDisabled()).toBe(false);
    await app.screenshot('lootdrops-forms-unreachable');

    await page.getByTestId('lootdrops-tab-history').click();
    await page.getByTestId('history-row').first().waitFor();
    await expect.poll(() => page.getByTestId('history-row').first().getByTestId('drop-channel').innerText()).toMatch(/^#/);

    await page.getByTestId('lootdrops-tab-bursts').click();
    await page.getByTestId('burst-channel-ids').waitFor();
    expect(await page.getByTestId('burst-form').getByTestId('channel-list-failed').innerText()).toContain('Type or paste');
    await app.screenshot('lootdrops-forms-bursts-unreachable');
    expect(unexpected()).toEqual([]);
  });

  it('names the channels in Stats, with no chart label clipped', async () => {
    const { page } = app;
    await page.getByTestId('lootdrops-tab-stats').click();
    await page.getByTestId('stats-window').getByText('All time').click();
    await page.getByTestId('stats-row').first().waitFor();
    await expect.poll(() => page.getByTestId('stats-row').first().getByTestId('drop-channel').innerText()).toBe(`#${LONG_NAME}`);
    const chart = page.getByTestId('chart-claim-rate');
    await chart.locator('.recharts-yAxis-tick-labels text').first().waitFor();
    const clipped = await chart.evaluate((root) => {
      const svg = root.querySelector('svg.recharts-surface')!.getBoundingClientRect();
      return [...root.querySelectorAll('.recharts-yAxis-tick-labels text')]
        .filter((text) => text.getBoundingClientRect().left < svg.left - 0.5)
        .map((text) => text.textContent);
    });
    expect(clipped).toEqual([]);
    await app.screenshot('lootdrops-forms-stats');
    expect(unexpected()).toEqual([]);
  });
});
