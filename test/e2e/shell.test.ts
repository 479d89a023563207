/**
 * The shell in a real browser against the real router and a fresh demo database: every
 * sidebar page renders without a console error, the keys and the command palette work, the
 * theme switches and is remembered, and a staff identity shows in the status bar.
 * Screenshots land in test-results/ (shell-dark-*.png, shell-light-*.png).
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { testStaff } from '../fixtures/services.js';
import { describeE2E, E2E_START_TIMEOUT, startDeskApp, type DeskApp } from '../fixtures/harness.js';

const AREAS = [
  { id: 'moderation', label: 'Moderation' },
  { id: 'lootdrops', label: 'Lootdrops' },
  { id: 'quests', label: 'Quests' },
  { id: 'items', label: 'Items' },
  { id: 'players', label: 'Players' },
  { id: 'settings', label: 'Settings' },
] as const;

describeE2E('the app shell in Chromium (embedded demo database)', () => {
  let app: DeskApp;

  beforeAll(async () => {
    app = await startDeskApp({ driver: 'pglite', seed: 'demo' });
  }, E2E_START_TIMEOUT);

  afterAll(async () => {
    await app?.close();
  });

  it('opens on the status bar: embedded database, live, and no staff identity yet', async () => {
    const { page } = app;
    await expect.poll(() => page.getByTestId('status-connection').innerText()).toContain('Embedded demo database');
    await expect.poll(() => page.getByTestId('status-live').getAttribute('data-mode'), { timeout: 15_000 }).toBe('live');
    await expect.poll(() => page.getByTestId('status-identity').innerText()).toContain('No staff identity — set it in Settings');
    expect(app.consoleErrors).toEqual([]);
  });

  it('visits every sidebar page without a console error (dark)', async () => {
    const { page } = app;
    for (const area of AREAS) {
      await page.locator(`nav a[data-area="${area.id}"]`).click();
      await page.locator(`main[data-area="${area.id}"]`).waitFor();
      await expect.poll(() => page.evaluate(() => window.location.hash)).toBe(`#/${area.id}`);
      await page.locator('main h1').first().waitFor();
      expect(await page.locator('main h1').allInnerTexts()).toEqual([area.label]);
      expect(await page.locator(`nav a[data-area="${area.id}"]`).getAttribute('aria-current')).toBe('page');
      await app.screenshot(`shell-dark-${area.id}`);
    }
    expect(app.consoleErrors).toEqual([]);
  });

  it('moves between areas with Alt+1…6', async () => {
    const { page } = app;
    await page.locator('main').click({ position: { x: 400, y: 400 } });
    for (const [index, area] of AREAS.entries()) {
      await page.keyboard.press(`Alt+${index + 1}`);
      await page.locator(`main[data-area="${area.id}"]`).waitFor();
    }
  });

  it('opens the command palette with Ctrl+K and jumps to a page from it', async () => {
    const { page } = app;
    await page.keyboard.press('Control+k');
    const search = page.getByPlaceholder('Go to a page, find a player, case, quest or item…');
    await search.waitFor();
    await app.screenshot('shell-dark-palette');
    await search.fill('lootd');
    await page.keyboard.press('Enter');
    await page.locator('main[data-area="lootdrops"]').waitFor();
    await search.waitFor({ state: 'hidden' });
    expect(app.consoleErrors).toEqual([]);
  });

  it('lists the keys of the screen and of the shell with ?', async () => {
    const { page } = app;
    await page.keyboard.press('Shift+?');
    const help = page.getByTestId('keys-help');
    await help.waitFor();
    const text = await help.innerText();
    expect(text).toContain('Go to Moderation');
    expect(text).toContain('Command palette');
    await app.screenshot('shell-dark-keys');
    await page.keyboard.press('Escape');
    await help.waitFor({ state: 'hidden' });
  });

  it('switches to the light theme, remembers it in settings and after a reload', async () => {
    const { page } = app;
    const scheme = () => page.evaluate(() => document.documentElement.getAttribute('data-mantine-color-scheme'));
    expect(await scheme()).toBe('dark');
    await page.getByTestId('theme-toggle').click();
    await expect.poll(scheme).toBe('light');
    await expect.poll(() => app.host.store.current().theme).toBe('light');

    for (const area of AREAS) {
      await app.goto(area.id);
      await page.locator('main h1').first().waitFor();
      await app.screenshot(`shell-light-${area.id}`);
    }
    await page.reload();
    await page.getByTestId('status-bar').waitFor();
    expect(await scheme()).toBe('light');

    // Alt+T goes back to dark.
    await page.locator('main').click({ position: { x: 400, y: 400 } });
    await page.keyboard.press('Alt+t');
    await expect.poll(scheme).toBe('dark');
    await expect.poll(() => app.host.store.current().theme).toBe('dark');
    expect(app.consoleErrors).toEqual([]);
  });

  it('sets a staff identity in Settings, and the status bar shows it', async () => {
    const { page } = app;
    const id = testStaff.id.toString();
    // The status bar's warning leads to the identity section.
    await page.getByTestId('status-identity').click();
    await page.locator('main[data-area="settings"]').waitFor();
    await expect.poll(() => page.evaluate(() => window.location.hash)).toBe('#/settings?section=identity');
    await page.getByTestId('identity-id').fill(id);
    await page.getByTestId('identity-name').fill(testStaff.name);
    await page.getByTestId('identity-save').click();
    await expect.poll(() => page.getByTestId('status-identity').innerText()).toContain(`Acting as ${testStaff.name}`);
    expect(await page.getByTestId('status-identity').innerText()).toContain(id);
    // Saved where the main process reads it, as the exact snowflake.
    expect(app.host.store.identity()).toEqual({ id: testStaff.id, name: testStaff.name });
    await app.screenshot('shell-dark-identity');
    expect(app.consoleErrors).toEqual([]);
  });
});

describeE2E(
  'the app shell on PostgreSQL',
  () => {
    let app: DeskApp;

    beforeAll(async () => {
      app = await startDeskApp({ driver: 'postgres', seed: 'none', identity: testStaff, area: 'players' });
    }, E2E_START_TIMEOUT);

    afterAll(async () => {
      await app?.close();
    });

    it('names the host and database in the status bar, and the acting staff member', async () => {
      const { page } = app;
      const url = new URL(app.database.url ?? '');
      await expect.poll(() => page.getByTestId('status-connection').innerText()).toContain(`${url.hostname}${url.port ? `:${url.port}` : ''}${url.pathname}`);
      await expect.poll(() => page.getByTestId('status-identity').innerText()).toContain(`Acting as ${testStaff.name}`);
      await expect.poll(() => page.getByTestId('status-live').getAttribute('data-mode'), { timeout: 15_000 }).toBe('live');
      expect(await page.locator('main[data-area="players"]').count()).toBe(1);
      expect(app.consoleErrors).toEqual([]);
    });
  },
  'postgres',
);
