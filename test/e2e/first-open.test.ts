/**
 * A first open in Chromium: the desk greets a new staff member with the one step it needs (the
 * staff identity) and what each screen is for; what the database cannot do well (no pg_trgm on
 * the embedded demo) is in the connection report, not the first thing read on Moderation;
 * Settings → Discord tests the saved token and server against the fake Discord; and a session
 * started with AURORA_DATABASE_URL shows that as what is in use, not a saved profile.
 * Screenshots: test-results/first-open-*.png.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startFakeDiscord, type FakeDiscord } from '../fixtures/fake-discord.js';
import { installGuildRoutes } from '../fixtures/fake-discord-guild.js';
import { describeE2E, E2E_START_TIMEOUT, startDeskApp, type DeskApp } from '../fixtures/harness.js';
import { testStaff } from '../fixtures/services.js';

const GUILD = '1400000000000000001';
const TOKEN = 'MTQwMDAwMDAwMDAwMDAwOTAw.Gx7Ab9.first-open-token';

describeE2E('a first open in Chromium (embedded demo database)', () => {
  let app: DeskApp;
  let fake: FakeDiscord;

  beforeAll(async () => {
    fake = await startFakeDiscord({ token: TOKEN });
    installGuildRoutes(fake, { guildId: GUILD, name: 'Aurora Test Realm', botName: 'aurora-bot' });
    app = await startDeskApp({ driver: 'pglite', seed: 'demo' });
    app.page.setDefaultTimeout(15_000);
  }, E2E_START_TIMEOUT);

  afterAll(async () => {
    await app?.close();
    await fake?.close();
  });

  it('greets with the staff identity step and what each screen is for', async () => {
    const { page } = app;
    await page.locator('main[data-area="welcome"]').waitFor();
    await page.locator('main h1').first().waitFor();
    expect(await page.locator('main h1').allInnerTexts()).toEqual(['Welcome to Aurora Desk']);
    const screens = page.getByTestId('welcome-screen');
    expect(await screens.count()).toBe(6);
    expect(await page.getByTestId('welcome-screens').innerText()).toMatch(/Moderation[\s\S]*Lootdrops[\s\S]*Quests[\s\S]*Items[\s\S]*Players[\s\S]*Settings/);
    expect(await page.locator('main').innerText()).not.toContain('pg_trgm');
    await app.screenshot('first-open-welcome');

    await page.getByTestId('welcome-identity-id').fill(testStaff.id.toString());
    await page.getByTestId('welcome-identity-name').fill(testStaff.name);
    await page.getByTestId('welcome-identity-save').click();
    await expect.poll(() => page.getByTestId('welcome-identity-done').innerText()).toContain(`Acting as ${testStaff.name}`);
    await expect.poll(() => page.getByTestId('status-identity').innerText()).toContain(`Acting as ${testStaff.name}`);
    await app.screenshot('first-open-identity-set');

    await page.getByTestId('welcome-start').click();
    await page.locator('main[data-area="moderation"]').waitFor();
    await page.getByTestId('case-row').first().waitFor();
    // The header says what the screen is for, whatever the database lacks.
    await page.getByText("Triage the bot's moderation cases").waitFor();
    expect(await page.locator('main').innerText()).not.toContain('pg_trgm');
    expect(app.consoleErrors).toEqual([]);
  });

  it('reports the missing pg_trgm under Settings → Connection', async () => {
    const { page } = app;
    await app.goto('settings');
    const note = page.getByTestId('connection-note');
    await note.waitFor();
    expect(await note.innerText()).toMatch(/^pg_trgm is not available on this database.*slower/s);
    await app.screenshot('first-open-connection-note');
  });

  it('tests the saved Discord token and server with the Test button', async () => {
    const { page } = app;
    await app.host.store.setDiscord({ guildId: BigInt(GUILD), token: TOKEN, apiBase: fake.apiBase });
    await page.reload();
    await page.getByTestId('settings-tab-discord').click();
    fake.reset();
    await page.getByTestId('discord-test').click();
    const check = page.getByTestId('discord-check');
    await check.waitFor();
    expect(await check.getAttribute('data-state')).toBe('ok');
    expect(await check.innerText()).toMatch(/Checked with Discord[\s\S]*Bot aurora-bot in Aurora Test Realm/);
    expect(fake.requests.map((r) => `${r.method} ${r.path}`)).toContain('GET /users/@me');
    await app.screenshot('first-open-discord-test');
    expect(app.consoleErrors).toEqual([]);
  });
});

describeE2E(
  'a session started with AURORA_DATABASE_URL in Chromium',
  () => {
    let app: DeskApp;

    beforeAll(async () => {
      app = await startDeskApp({ driver: 'postgres', seed: 'none', identity: testStaff, area: 'settings' });
      app.page.setDefaultTimeout(15_000);
    }, E2E_START_TIMEOUT);

    afterAll(async () => {
      await app?.close();
    });

    it('marks the environment’s database in use, not the embedded demo', async () => {
      const { page } = app;
      await page.getByTestId('current-connection').waitFor();
      expect(await page.getByTestId('current-connection').innerText()).toContain('from AURORA_DATABASE_URL');
      const environment = page.getByTestId('profile-environment');
      expect((await environment.innerText()).toLowerCase()).toContain('in use');
      expect((await page.getByTestId('profile-embedded').innerText()).toLowerCase()).not.toContain('in use');
      expect(await page.getByTestId('profile-switch-embedded').isDisabled()).toBe(false);
      await app.screenshot('first-open-environment-connection');
      expect(app.consoleErrors).toEqual([]);
    });
  },
  'postgres',
);
