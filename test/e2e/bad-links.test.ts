/**
 * Links that lead nowhere, in a real browser: a hash decodeURIComponent refuses (`#/%E0`) used
 * to throw while the router module loaded and leave a blank window; a typo in the area name
 * silently opened another page. Both now land on a not-found view with the shell around it and
 * a way back, and the page keeps working (the SSE stream, with the token from sessionStorage).
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeE2E, E2E_START_TIMEOUT, startDeskApp, type DeskApp } from '../fixtures/harness.js';

describeE2E('links that lead nowhere, in Chromium', () => {
  let app: DeskApp;

  beforeAll(async () => {
    // Opened straight on the malformed link: the first paint must already cope with it.
    app = await startDeskApp({ driver: 'pglite', seed: 'demo', area: '%E0' });
  }, E2E_START_TIMEOUT);

  afterAll(async () => {
    await app?.close();
  });

  it('opens a malformed link on the not-found view, inside the working shell', async () => {
    const { page } = app;
    await page.getByTestId('not-found').waitFor({ state: 'visible' });
    await expect.poll(() => page.getByTestId('not-found').innerText()).toContain('There is no such page');
    await expect.poll(() => page.getByTestId('status-live').getAttribute('data-mode'), { timeout: 15_000 }).toBe('live');
    expect(await page.locator('nav[aria-label="Areas"]').isVisible()).toBe(true);
    expect(app.consoleErrors).toEqual([]);
  });

  it('leads back to the first page', async () => {
    const { page } = app;
    await page.getByRole('button', { name: /Go to Moderation/ }).click();
    await page.locator('main[data-area="moderation"]').waitFor({ state: 'visible' });
    expect(await page.evaluate(() => window.location.hash)).toBe('#/moderation');
    expect(app.consoleErrors).toEqual([]);
  });

  it('shows the same view for a link typed wrong, or malformed deeper down, while the app is open', async () => {
    const { page } = app;
    for (const hash of ['#/moderaton', '#/quests/%E0%A4%A', '#/players/%']) {
      await page.evaluate((next) => (window.location.hash = next), hash);
      await page.getByTestId('not-found').waitFor({ state: 'visible' });
      await page.locator('nav[aria-label="Areas"] a[data-area="quests"]').click();
      await page.locator('main[data-area="quests"]').waitFor({ state: 'visible' });
    }
    expect(app.consoleErrors).toEqual([]);
  });
});
