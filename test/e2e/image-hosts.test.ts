/**
 * Images load from Discord's CDN and from hosts staff add in Settings only: an item whose icon
 * points anywhere else shows its glyph with the reason on hover, and the page never asks that
 * host for anything (it would learn the staff's addresses). Added in Settings → Preferences, a
 * host is fetched again and the page's security policy names it from its next load.
 * Screenshots: test-results/image-hosts-refused.png, image-hosts-settings.png.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeE2E, E2E_START_TIMEOUT, startDeskApp, type DeskApp } from '../fixtures/harness.js';
import { testStaff } from '../fixtures/services.js';

const TRACKER = 'https://tracker.example/pixel.png';
const DISCORD_ICON = 'https://cdn.discordapp.com/emojis/1100000000000000001.png';

describeE2E('image hosts', () => {
  let app: DeskApp;

  beforeAll(async () => {
    app = await startDeskApp({
      identity: testStaff,
      seed: async (database) => {
        await database.query(
          `INSERT INTO items (name, rarity, type, usage_data, icon_url) VALUES
             ('Tracking Pixel', 'Common', 'MATERIAL', '{}'::jsonb, $1), ('Discord Gem', 'Rare', 'MATERIAL', '{}'::jsonb, $2)`,
          [TRACKER, DISCORD_ICON],
        );
      },
    });
  }, E2E_START_TIMEOUT);
  afterAll(() => app?.close());

  it('shows an icon from an unlisted host as its glyph, says why, and never requests it', async () => {
    const { page } = app;
    await app.goto('items');
    const list = page.getByTestId('item-list');
    await list.getByText('Discord Gem').waitFor();
    const tracker = list.locator('tr', { hasText: 'Tracking Pixel' }).getByTestId('item-icon');
    await expect.poll(() => tracker.getAttribute('data-state')).toBe('refused');
    await expect.poll(() => app.remoteImages).toContain(DISCORD_ICON);
    expect(app.remoteImages.filter((url) => url.includes('tracker.example'))).toEqual([]);
    await tracker.hover();
    await page.getByRole('tooltip').getByText(/tracker\.example is not one/).waitFor();
    await app.screenshot('image-hosts-refused');
    expect(app.consoleErrors).toEqual([]);
  });

  it('loads it once staff add the host, with the host in the page policy after a reload', async () => {
    const { page } = app;
    await app.goto('settings');
    await page.getByTestId('settings-tab-preferences').click();
    const field = page.getByTestId('image-hosts');
    await field.fill('tracker.example');
    await field.press('Enter');
    await page.getByRole('button', { name: 'Save image hosts' }).click();
    await page.getByText('Image hosts saved').waitFor();
    await app.screenshot('image-hosts-settings');
    expect(app.host.store.imageHosts()).toEqual(['tracker.example']);

    const response = await page.reload();
    expect(response?.headers()['content-security-policy']).toMatch(/img-src 'self' https:\/\/cdn\.discordapp\.com https:\/\/media\.discordapp\.net https:\/\/tracker\.example data:/);
    await page.getByTestId('status-bar').waitFor();
    await app.goto('items');
    await expect.poll(() => app.remoteImages.filter((url) => url === TRACKER)).toHaveLength(1);
    expect(app.consoleErrors).toEqual([]);
  });
});
