/**
 * The moderation screen in Chromium against the real host on PostgreSQL: a case the "bot"
 * inserts on its own connection appears at the top of Active without a reload (highlighted,
 * with an unread counter on the other queues), resolving it from the keyboard leaves
 * resolved_by = the staff ID in the row, and bad data shows as plain text.
 * Screenshots: test-results/moderation-queue.png, moderation-detail.png, moderation-resolve.png.
 */
import pg from 'pg';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeE2E, E2E_START_TIMEOUT, startDeskApp, type DeskApp } from '../fixtures/harness.js';
import { testStaff } from '../fixtures/services.js';

const BOT_CASE = 'A-E2E-000001';
const HTML_REASON = '<img src=x onerror=alert(1)> **raid** from <#general>';

describeE2E(
  'the moderation queues in Chromium (PostgreSQL, demo data)',
  () => {
    let app: DeskApp;
    let bot: pg.Client;

    beforeAll(async () => {
      app = await startDeskApp({ driver: 'postgres', seed: 'demo', identity: testStaff, area: 'moderation/active' });
      bot = new pg.Client({ connectionString: app.database.url, application_name: 'simulated Aurora bot' });
      await bot.connect();
    }, E2E_START_TIMEOUT);

    afterAll(async () => {
      await bot?.end();
      await app?.close();
    });

    it('shows the Active queue with counts, filters and the dense list', async () => {
      const { page } = app;
      await page.getByTestId('case-row').first().waitFor();
      const { rows } = await bot.query<{ n: string }>('SELECT count(*) AS n FROM moderation_cases WHERE active');
      await expect.poll(() => page.getByTestId('queue-count-active').innerText(), { timeout: 10_000 }).toBe(Number(rows[0]!.n).toLocaleString('en-US'));
      expect(await page.getByTestId('case-row').count()).toBeGreaterThan(10);
      // Windowed: far fewer rows in the DOM than cases in the queue.
      expect(await page.getByTestId('case-row').count()).toBeLessThan(80);
      await page.keyboard.press('j');
      await page.keyboard.press('j');
      await page.keyboard.press('Enter');
      await page.getByTestId('case-detail').waitFor();
      await app.screenshot('moderation-queue');
      expect(app.consoleErrors).toEqual([]);
    });

    it('shows a case the bot inserts on another connection at the top of Active, without a reload', async () => {
      const { page } = app;
      await page.getByTestId('queue-active').click();
      const reloads = await page.evaluate(() => performance.getEntriesByType('navigation').length);
      await bot.query(
        `INSERT INTO moderation_cases (case_id, type, user_id, username, moderator_id, moderator_name, reason, metadata, active)
         VALUES ($1, 'ban', 1234567890123450777, NULL, 1300000000000000001, 'Vega', $2, '["not", "an", "object"]', true)`,
        [BOT_CASE, HTML_REASON],
      );
      const row = page.locator(`[data-testid="case-row"][data-case-id="${BOT_CASE}"]`);
      await row.waitFor({ timeout: 10_000 });
      expect(await page.getByTestId('case-row').first().getAttribute('data-case-id')).toBe(BOT_CASE);
      // The list refetch can paint the row a moment before the arrival batch marks it new.
      await page.locator(`[data-testid="case-row"][data-case-id="${BOT_CASE}"][data-fresh="true"]`).waitFor({ timeout: 5_000 });
      expect(await row.getAttribute('data-fresh')).toBe('true');
      // Plain text: the reason's markup is shown, not run; the null username shows the ID.
      expect(await row.innerText()).toContain('<img src=x onerror=alert(1)>');
      expect(await row.innerText()).toContain('1234567890123450777');
      expect(await page.getByTestId('queue-unread-recent').innerText()).toBe('1');
      expect(await page.evaluate(() => performance.getEntriesByType('navigation').length)).toBe(reloads);
    });

    it('opens the case beside the list and resolves it from the keyboard as the staff identity', async () => {
      const { page } = app;
      await page.locator(`[data-testid="case-row"][data-case-id="${BOT_CASE}"]`).click();
      const detail = page.getByTestId('case-detail');
      await expect.poll(() => detail.getAttribute('data-case-id'), { timeout: 10_000 }).toBe(BOT_CASE);
      expect(await page.getByTestId('case-reason').innerText()).toBe(HTML_REASON);
      expect(await page.getByTestId('not-a-player').isVisible()).toBe(true);
      expect(await page.getByTestId('metadata-raw').innerText()).toContain('"not"');
      await app.screenshot('moderation-detail');

      await page.keyboard.press('r');
      await page.getByTestId('resolve-reason').fill('Raid account, cleaned up');
      await app.screenshot('moderation-resolve');
      await page.keyboard.press('Control+Enter');
      await page.getByTestId('resolve-dialog').waitFor({ state: 'hidden' });
      await expect
        .poll(async () => (await bot.query<{ active: boolean }>('SELECT active FROM moderation_cases WHERE case_id = $1', [BOT_CASE])).rows[0]!.active, { timeout: 10_000 })
        .toBe(false);
      const { rows } = await bot.query<{ resolved_by: string; resolved_reason: string; resolved_at: Date | null }>(
        'SELECT resolved_by, resolved_reason, resolved_at FROM moderation_cases WHERE case_id = $1',
        [BOT_CASE],
      );
      expect(rows[0]).toMatchObject({ resolved_by: testStaff.id.toString(), resolved_reason: 'Raid account, cleaned up' });
      expect(rows[0]!.resolved_at).not.toBeNull();
      // It leaves Active live, and the detail moves on to the case that followed it, still open.
      await page.locator(`[data-testid="case-row"][data-case-id="${BOT_CASE}"]`).waitFor({ state: 'detached' });
      await expect.poll(() => detail.getAttribute('data-case-id'), { timeout: 10_000 }).not.toBe(BOT_CASE);
      expect(await page.getByTestId('case-status').getAttribute('data-status')).toBe('active');
      expect(app.consoleErrors).toEqual([]);
    });

    it('adds a note and claims a case from the keyboard, shown in the timeline', async () => {
      const { page } = app;
      await page.getByTestId('case-row').first().click();
      await page.keyboard.press('c');
      await page.getByTestId('claim-avatar').first().waitFor();
      await expect.poll(() => page.getByTestId('case-timeline').innerText(), { timeout: 20_000 }).toContain('claimed it');
      // Escape closes the dialog, and only the dialog: the case stays open behind it.
      await page.keyboard.press('n');
      await page.getByTestId('note-text').waitFor();
      await page.keyboard.press('Escape');
      // Gone from the page, not only faded out: keys stay with a dialog while it is there.
      await page.locator('[role="dialog"][aria-modal="true"]').waitFor({ state: 'detached' });
      expect(await page.getByTestId('case-detail').isVisible()).toBe(true);
      await page.keyboard.press('n');
      await page.getByTestId('note-text').fill('Checked the logs <b>twice</b>');
      await page.keyboard.press('Control+Enter');
      await page.getByTestId('note-dialog').waitFor({ state: 'hidden' });
      await expect.poll(() => page.getByTestId('case-timeline').innerText(), { timeout: 20_000 }).toContain('Checked the logs <b>twice</b>');
      await app.screenshot('moderation-timeline');
      expect(app.consoleErrors).toEqual([]);
    });

    it('reads as well in the light theme, and lists its keys under ?', async () => {
      const { page } = app;
      await page.locator('main').click({ position: { x: 600, y: 500 } });
      await page.keyboard.press('Alt+t');
      await expect.poll(() => page.evaluate(() => document.documentElement.getAttribute('data-mantine-color-scheme'))).toBe('light');
      await app.screenshot('moderation-queue-light');
      await page.keyboard.press('Alt+t');
      await page.keyboard.press('Shift+?');
      const help = page.getByTestId('keys-help');
      await help.waitFor();
      const text = await help.innerText();
      for (const label of ['Next case', 'Resolve…', 'Add a note…', 'Claim / unclaim', 'Search reasons']) expect(text).toContain(label);
      await page.keyboard.press('Escape');
      await help.waitFor({ state: 'detached' });
      await page.keyboard.press('/');
      await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Search reasons');
      expect(app.consoleErrors).toEqual([]);
    });
  },
  'postgres',
);
