/**
 * The moderation flow staff repeat all day, in Chromium against the real host on PostgreSQL
 * (demo data): the list keeps its place while older cases load under a selection; after a
 * resolve (one case or several) the selection is on the case that followed, and j carries on
 * from there; the bulk result closes with Enter; with nothing open the list has the width, its
 * columns are resized and remembered, and names and ages read whole; Mine is the active cases I
 * have claimed, and an open case that is not in the list says so.
 * Screenshots: test-results/moderation-flow-*.png.
 */
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeE2E, E2E_START_TIMEOUT, startDeskApp, type DeskApp } from '../fixtures/harness.js';
import { testStaff } from '../fixtures/services.js';

const rowsOf = (page: Page) => page.getByTestId('case-row');
const rowFor = (page: Page, caseId: string) => page.locator(`[data-testid="case-row"][data-case-id="${caseId}"]`);
const selectedCase = (page: Page) => page.locator('[data-testid="case-row"][aria-selected="true"]').getAttribute('data-case-id');
const detailCase = (page: Page) => page.getByTestId('case-detail').getAttribute('data-case-id');

/** Whether the text of `cell` is cut (an ellipsis): wider than the cell shows. */
const cut = (cell: Locator) => cell.evaluate((el) => el.scrollWidth > el.clientWidth + 1);

/** Keys go to the screen again once no dialog is open (a closing one is still modal while it fades). */
const noDialog = (page: Page) => page.waitForFunction(() => !document.querySelector('[role="dialog"][aria-modal="true"]'));

describeE2E(
  'the moderation flow (PostgreSQL, demo data)',
  () => {
    let app: DeskApp;

    beforeAll(async () => {
      app = await startDeskApp({ driver: 'postgres', seed: 'demo', identity: testStaff, area: 'moderation/active' });
      // A step that cannot happen fails with its own message, before the test's timeout.
      app.page.setDefaultTimeout(12_000);
    }, E2E_START_TIMEOUT);

    afterAll(async () => {
      await app?.close();
    });

    it('keeps its scroll position while older cases load under a selected case', async () => {
      const { page } = app;
      await rowsOf(page).first().waitFor();
      const picked = await rowsOf(page).nth(2).getAttribute('data-case-id');
      await rowsOf(page).nth(2).click();
      await page.getByTestId('case-detail').waitFor();
      const list = page.getByTestId('case-list');
      const loaded = Number(await list.getAttribute('data-loaded'));
      // Scroll to the bottom until an older page has loaded, then look where the list is.
      let scrolledTo = 0;
      for (let i = 0; i < 40 && Number(await list.getAttribute('data-loaded')) <= loaded; i += 1) {
        scrolledTo = await list.evaluate((el) => {
          el.scrollTop = el.scrollHeight;
          return el.scrollTop;
        });
        await page.waitForTimeout(100);
      }
      expect(Number(await list.getAttribute('data-loaded'))).toBeGreaterThan(loaded);
      expect(scrolledTo).toBeGreaterThan(500);
      await expect.poll(() => list.evaluate((el) => el.scrollTop)).toBeGreaterThan(scrolledTo - 200);
      await page.waitForTimeout(300);
      expect(await list.evaluate((el) => el.scrollTop)).toBeGreaterThan(scrolledTo - 200);
      expect(await detailCase(page)).toBe(picked);
      await list.evaluate((el) => (el.scrollTop = 0));
    });

    it('after a resolve, selects the case that followed and j carries on from there', async () => {
      const { page } = app;
      await page.keyboard.press('Escape');
      const ids = await rowsOf(page).evaluateAll((rows) => rows.slice(0, 8).map((r) => r.getAttribute('data-case-id')!));
      const [, , resolved, follower, afterFollower] = ids;
      await rowFor(page, resolved!).click();
      await expect.poll(() => detailCase(page)).toBe(resolved);
      await page.getByTestId('action-resolve').click();
      await page.getByTestId('resolve-reason').fill('Handled: the next case follows');
      await page.getByTestId('resolve-confirm').click();
      await rowFor(page, resolved!).waitFor({ state: 'detached', timeout: 15_000 });
      await expect.poll(() => selectedCase(page)).toBe(follower);
      await expect.poll(() => detailCase(page)).toBe(follower);
      await app.screenshot('moderation-flow-after-resolve');
      await noDialog(page);
      await page.keyboard.press('j');
      await expect.poll(() => selectedCase(page)).toBe(afterFollower);
    });

    it('after a bulk resolve, selects the case after the resolved ones; Enter closes the result', async () => {
      const { page } = app;
      await page.keyboard.press('Escape');
      await page.getByTestId('case-detail').waitFor({ state: 'detached' });
      const ids = await rowsOf(page).evaluateAll((rows) => rows.slice(0, 8).map((r) => r.getAttribute('data-case-id')!));
      // Check the 2nd and 3rd case, leave the selection on the 3rd.
      await rowFor(page, ids[1]!).locator('input[type="checkbox"]').check();
      await rowFor(page, ids[2]!).locator('input[type="checkbox"]').check();
      await rowFor(page, ids[2]!).locator('[data-column="age"]').click();
      await page.keyboard.press('Escape');
      await expect.poll(() => selectedCase(page)).toBe(ids[2]);
      await page.getByTestId('bulk-resolve').click();
      const dialog = page.getByRole('dialog', { name: 'Resolve 2 cases' });
      await dialog.getByLabel('Resolution reason').fill('Cleared in one go');
      await page.keyboard.press('Control+Enter');
      await dialog.getByTestId('bulk-done').waitFor();
      await app.screenshot('moderation-flow-bulk-result');
      await page.keyboard.press('Enter');
      await dialog.waitFor({ state: 'hidden' });
      await rowFor(page, ids[2]!).waitFor({ state: 'detached', timeout: 15_000 });
      await expect.poll(() => selectedCase(page)).toBe(ids[3]);
      await noDialog(page);
      await page.keyboard.press('j');
      await expect.poll(() => selectedCase(page)).toBe(ids[4]);
    });

    it('gives the list the width with nothing open; names and ages read whole; columns resize and are remembered', async () => {
      const { page } = app;
      await page.keyboard.press('Escape');
      await page.getByTestId('case-detail').waitFor({ state: 'detached' });
      const list = page.getByTestId('case-list');
      // The filter bar spans the page (inside its padding): the list is at least as wide.
      const [listWidth, barWidth] = [(await list.boundingBox())!.width, (await page.getByTestId('filter-bar').boundingBox())!.width];
      expect(listWidth).toBeGreaterThan(barWidth);
      await app.screenshot('moderation-flow-1440-list');
      const rows = rowsOf(page);
      for (let i = 0; i < 12; i += 1) {
        expect(await cut(rows.nth(i).locator('[data-column="moderator"]')), `moderator of row ${i}`).toBe(false);
        expect(await cut(rows.nth(i).locator('[data-column="age"]')), `age of row ${i}`).toBe(false);
      }
      // The whole reason is one hover away (up to the excerpt; Enter opens the rest).
      const reason = rows.nth(0).locator('[data-column="reason"]');
      expect(await reason.getAttribute('title')).toContain((await reason.innerText()).split(' · ')[0]!.slice(0, 20));

      const header = page.locator('[role="columnheader"][data-column="user"]');
      const before = (await header.boundingBox())!.width;
      const handle = page.getByTestId('resize-user');
      const box = (await handle.boundingBox())!;
      await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
      await page.mouse.down();
      await page.mouse.move(box.x + 80, box.y + box.height / 2, { steps: 5 });
      await page.mouse.up();
      await expect.poll(async () => (await header.boundingBox())!.width).toBeGreaterThan(before + 60);
      const widened = (await header.boundingBox())!.width;
      // The keyboard resizes too.
      await handle.focus();
      await page.keyboard.press('ArrowRight');
      await expect.poll(async () => (await header.boundingBox())!.width).toBeGreaterThan(widened + 8);
      const kept = (await header.boundingBox())!.width;
      await page.reload();
      await rowsOf(page).first().waitFor();
      await expect.poll(async () => Math.round((await page.locator('[role="columnheader"][data-column="user"]').boundingBox())!.width)).toBe(Math.round(kept));
      await app.screenshot('moderation-flow-1440-resized');
      await page.locator('[role="columnheader"][data-column="user"] [role="separator"]').dblclick();
      await expect.poll(async () => Math.round((await page.locator('[role="columnheader"][data-column="user"]').boundingBox())!.width)).toBe(Math.round(before));
    });

    it('lists in Mine the active cases I have claimed, and says when the open case is not in the list', async () => {
      const { page } = app;
      const first = (await rowsOf(page).first().getAttribute('data-case-id'))!;
      await rowsOf(page).first().click();
      await expect.poll(() => detailCase(page)).toBe(first);
      await page.getByTestId('action-claim').click();
      await expect.poll(() => page.getByTestId('case-timeline').innerText(), { timeout: 15_000 }).toContain('claimed it');
      await page.getByRole('tab', { name: /Mine/ }).click();
      await rowFor(page, first).waitFor();
      // Cases I resolved earlier in this file are not mine any more: only the claim is listed.
      await expect.poll(() => rowsOf(page).count()).toBe(1);
      await page.getByTestId('action-resolve').click();
      await page.getByTestId('resolve-reason').fill('Done with my claim');
      await page.getByTestId('resolve-confirm').click();
      await rowFor(page, first).waitFor({ state: 'detached', timeout: 15_000 });
      // The open case left the list: the detail says so.
      await page.getByTestId('not-in-view').waitFor();
      expect(await page.getByTestId('not-in-view').innerText()).toContain('Not in this view');
      await app.screenshot('moderation-flow-not-in-view');
      await page.getByRole('tab', { name: /Active/ }).click();
      await page.getByTestId('not-in-view').waitFor();
      await page.getByRole('button', { name: 'Close the case' }).click();
      await page.getByTestId('case-detail').waitFor({ state: 'detached' });
      // A window read cancelled by the queue switch is not an error.
      expect(app.consoleErrors.filter((line) => !line.includes('net::ERR_ABORTED'))).toEqual([]);
    });

    it('holds at 960×600 with a case open', async () => {
      const { page } = app;
      await page.setViewportSize({ width: 960, height: 600 });
      await rowsOf(page).first().click();
      await page.getByTestId('case-detail').waitFor();
      await app.screenshot('moderation-flow-960-detail');
      await page.keyboard.press('Escape');
      await app.screenshot('moderation-flow-960-list');
      await page.setViewportSize({ width: 1440, height: 900 });
      await rowsOf(page).first().click();
      await app.screenshot('moderation-flow-1440-detail');
      for (let i = 0; i < 8; i += 1) expect(await cut(rowsOf(page).nth(i).locator('[data-column="age"]')), `age of row ${i}`).toBe(false);
    });
  },
  'postgres',
);
