/**
 * The moderation queue from the keyboard alone (no mouse event anywhere), against the real host
 * on PostgreSQL: j/k move the grid's real focus, Enter opens, c claims, r resolves through a
 * dialog reached and left by Tab and Enter, and the focus comes back to the grid. Live arrivals
 * are announced through the shell's polite live region, batched: a raid of 12 cases is one
 * announcement, not twelve.
 * Screenshots: test-results/moderation-keyboard-focus.png, moderation-keyboard-resolve.png.
 */
import pg from 'pg';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeE2E, E2E_START_TIMEOUT, startDeskApp, type DeskApp } from '../fixtures/harness.js';
import { testStaff } from '../fixtures/services.js';

/** What has the focus: its role, case (for a row), test id and selection state. */
const focused = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    return {
      role: el?.getAttribute('role') ?? el?.tagName.toLowerCase() ?? null,
      caseId: el?.getAttribute('data-case-id') ?? null,
      testId: el?.getAttribute('data-testid') ?? null,
      selected: el?.getAttribute('aria-selected') ?? null,
      inGrid: Boolean(el?.closest('[role="grid"]')),
    };
  });

describeE2E(
  'the moderation queue without a mouse (PostgreSQL, demo data)',
  () => {
    let app: DeskApp;
    let bot: pg.Client;

    beforeAll(async () => {
      app = await startDeskApp({ driver: 'postgres', seed: 'demo', identity: testStaff, area: 'moderation/active' });
      bot = new pg.Client({ connectionString: app.database.url, application_name: 'simulated Aurora bot' });
      await bot.connect();
      // Any mouse event would mean the test cheated.
      await app.page.evaluate(() => {
        const w = window as unknown as { mouseEvents: string[] };
        w.mouseEvents = [];
        for (const type of ['mousedown', 'click', 'pointerdown']) {
          window.addEventListener(type, (event) => (event as MouseEvent).detail > 0 && w.mouseEvents.push(type), true);
        }
      });
    }, E2E_START_TIMEOUT);

    afterAll(async () => {
      await bot?.end();
      await app?.close();
    });

    it('moves the grid focus with j and k, and tells the queue size while windowed', async () => {
      const { page } = app;
      const rows = page.getByTestId('case-row');
      await rows.first().waitFor();
      const firstId = await rows.nth(0).getAttribute('data-case-id');
      const secondId = await rows.nth(1).getAttribute('data-case-id');

      await page.keyboard.press('j');
      await expect.poll(() => focused(page)).toMatchObject({ role: 'row', caseId: firstId, selected: 'true', inGrid: true });
      await page.keyboard.press('j');
      await expect.poll(() => focused(page)).toMatchObject({ role: 'row', caseId: secondId, selected: 'true' });
      await page.keyboard.press('k');
      await expect.poll(() => focused(page)).toMatchObject({ role: 'row', caseId: firstId, selected: 'true' });
      await app.screenshot('moderation-keyboard-focus');

      // The grid counts the whole queue (plus its header row), not only the rows in the DOM.
      const grid = page.getByRole('grid', { name: 'Active cases' });
      const { rows: active } = await bot.query<{ n: string }>('SELECT count(*) AS n FROM moderation_cases WHERE active');
      await expect.poll(() => grid.getAttribute('aria-rowcount')).toBe(String(Number(active[0]!.n) + 1));
      expect(await grid.getByRole('columnheader').count()).toBe(8);
      expect(await rows.nth(1).getAttribute('aria-rowindex')).toBe('3');
    });

    it('opens, claims and resolves the focused case with keys only; the focus comes back to the grid', async () => {
      const { page } = app;
      const caseId = (await focused(page)).caseId!;
      await page.keyboard.press('Enter');
      await expect.poll(() => page.getByTestId('case-detail').getAttribute('data-case-id')).toBe(caseId);

      await page.keyboard.press('c');
      await expect.poll(() => page.getByTestId('case-timeline').innerText(), { timeout: 20_000 }).toContain('claimed it');

      await page.keyboard.press('r');
      const dialog = page.getByTestId('resolve-dialog');
      await expect.poll(() => focused(page)).toMatchObject({ testId: 'resolve-reason' });
      await page.keyboard.type('Handled from the keyboard');
      // Tab through the dialog to its confirm button, and press it.
      for (let i = 0; i < 6 && (await focused(page)).testId !== 'resolve-confirm'; i += 1) await page.keyboard.press('Tab');
      expect((await focused(page)).testId).toBe('resolve-confirm');
      await app.screenshot('moderation-keyboard-resolve');
      await page.keyboard.press('Enter');
      await dialog.waitFor({ state: 'hidden' });

      await expect
        .poll(async () => (await bot.query<{ active: boolean }>('SELECT active FROM moderation_cases WHERE case_id = $1', [caseId])).rows[0]!.active, { timeout: 10_000 })
        .toBe(false);
      const { rows } = await bot.query<{ resolved_by: string; resolved_reason: string }>('SELECT resolved_by, resolved_reason FROM moderation_cases WHERE case_id = $1', [caseId]);
      expect(rows[0]).toMatchObject({ resolved_by: testStaff.id.toString(), resolved_reason: 'Handled from the keyboard' });

      // The resolved case leaves Active; the focus is on the case that took its place.
      await page.locator(`[data-testid="case-row"][data-case-id="${caseId}"]`).waitFor({ state: 'detached' });
      await expect.poll(() => focused(page)).toMatchObject({ role: 'row', selected: 'true', inGrid: true });
      expect((await focused(page)).caseId).not.toBe(caseId);
      expect(await page.evaluate(() => (window as unknown as { mouseEvents: string[] }).mouseEvents)).toEqual([]);
      expect(app.consoleErrors).toEqual([]);
    });

    it('announces a raid of 12 new cases once, politely, not once per row', async () => {
      const { page } = app;
      const region = page.getByTestId('live-announcer');
      expect(await region.getAttribute('aria-live')).toBe('polite');
      await page.evaluate(() => {
        const w = window as unknown as { heard: string[] };
        w.heard = [];
        const el = document.querySelector('[data-testid="live-announcer"]')!;
        new MutationObserver(() => w.heard.push((el.textContent ?? '').trim())).observe(el, { childList: true, characterData: true, subtree: true });
      });
      await bot.query(
        `INSERT INTO moderation_cases (case_id, type, user_id, username, moderator_id, moderator_name, reason, active)
         SELECT 'A-RAID-' || lpad(n::text, 4, '0'), 'ban', 1234567890123450000 + n, 'raider' || n, 1300000000000000001, 'Vega', 'raid', true
         FROM generate_series(1, 12) AS n`,
      );
      await expect.poll(async () => (await region.textContent())?.trim(), { timeout: 15_000 }).toBe('12 new cases');
      // A moment more: nothing else is said about the same rows.
      await page.getByTestId('case-row').and(page.locator('[data-case-id="A-RAID-0012"]')).waitFor();
      const heard = await page.evaluate(() => (window as unknown as { heard: string[] }).heard.filter((text, i, all) => text && text !== all[i - 1]));
      expect(heard).toEqual(['12 new cases']);
    });
  },
  'postgres',
);
