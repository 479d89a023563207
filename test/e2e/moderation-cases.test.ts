/**
 * What the queue says about each case, in Chromium against the real host on PostgreSQL, with
 * cases inserted the way the bot writes them: types the desk does not know show their own
 * name; the type filter lists labels with counts and keeps the bar on one row; one moderator
 * ID has one (current) name in the list and its recorded name in the detail; the target leads
 * to their profile, their older cases to the queue filtered on them, and the profile's
 * Moderation tab lists the cases, each opening in the queue.
 * Screenshots: test-results/moderation-cases-*.png.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { AuroraDatabase } from '../../src/main/core/database.js';
import { describeE2E, E2E_START_TIMEOUT, startDeskApp, type DeskApp } from '../fixtures/harness.js';
import { DRIFTER, EMBER, insertBotCase, NYX, seedPlayers } from '../fixtures/moderation-world.js';
import { testStaff } from '../fixtures/services.js';

const MOD = 1300000000000000777n;
const rowFor = (page: Page, caseId: string) => page.locator(`[data-testid="case-row"][data-case-id="${caseId}"]`);

async function world(database: AuroraDatabase): Promise<void> {
  await seedPlayers(database);
  // Fifteen cases on nyx: the detail lists twelve and links to the rest.
  for (let i = 1; i <= 15; i += 1) {
    await insertBotCase(database, { caseId: `A-NYX-${String(i).padStart(2, '0')}`, userId: NYX, username: 'nyx', reason: `nyx case ${i}`, createdAt: `2026-02-${String(i).padStart(2, '0')} 10:00:00` });
  }
  await insertBotCase(database, { caseId: 'A-VMUTE', type: 'voice_mute', userId: EMBER, username: 'Ember_Fox', createdAt: '2026-03-01 10:00:00' });
  await insertBotCase(database, { caseId: 'A-MUTE', type: 'mute', userId: DRIFTER, username: 'drifter', createdAt: '2026-03-01 11:00:00' });
  await insertBotCase(database, { caseId: 'A-SOFTBAN', type: 'softban', userId: DRIFTER, username: 'drifter', createdAt: '2026-03-01 12:00:00' });
  // One moderator, renamed between two cases.
  await insertBotCase(database, { caseId: 'A-OLDNAME', moderatorId: MOD, moderatorName: 'jorwyn854', userId: DRIFTER, username: 'drifter', createdAt: '2026-03-02 10:00:00' });
  await insertBotCase(database, { caseId: 'A-NEWNAME', moderatorId: MOD, moderatorName: 'Warden Tove', userId: DRIFTER, username: 'drifter', createdAt: '2026-03-03 10:00:00' });
}

describeE2E(
  'what the queue says about each case (PostgreSQL)',
  () => {
    let app: DeskApp;

    beforeAll(async () => {
      app = await startDeskApp({ driver: 'postgres', seed: world, identity: testStaff, area: 'moderation/active' });
      // A step that cannot happen fails with its own message, before the test's timeout.
      app.page.setDefaultTimeout(12_000);
    }, E2E_START_TIMEOUT);

    afterAll(async () => {
      await app?.close();
    });

    it('names the types the desk does not know, with a neutral badge', async () => {
      const { page } = app;
      await rowFor(page, 'A-VMUTE').waitFor();
      const badge = (caseId: string) => rowFor(page, caseId).locator('[data-column="type"] [data-case-type]');
      expect(await badge('A-VMUTE').innerText()).toBe('Voice mute');
      expect(await badge('A-MUTE').innerText()).toBe('Mute');
      expect(await badge('A-SOFTBAN').innerText()).toBe('Softban');
      // Neutral: the grey outline every unknown type shares, not a colour of its own.
      const [vmute, mute] = [await badge('A-VMUTE').evaluate((el) => getComputedStyle(el).color), await badge('A-MUTE').evaluate((el) => getComputedStyle(el).color)];
      expect(vmute).toBe(mute);
      await app.screenshot('moderation-cases-types');
    });

    it('lists every type in the filter with its label and count, and keeps the filter bar on one row', async () => {
      const { page } = app;
      const bar = page.getByTestId('filter-bar');
      const height = (await bar.boundingBox())!.height;
      await page.getByLabel('Case types').click();
      const options = page.getByRole('option');
      await options.first().waitFor();
      const labels = await options.allInnerTexts();
      expect(labels).toEqual(expect.arrayContaining(['Warn (17)', 'Ban (0)', 'Voice mute (1)', 'Mute (1)', 'Softban (1)']));
      await app.screenshot('moderation-cases-type-filter');
      await page.getByRole('option', { name: 'Voice mute (1)' }).click();
      if (!(await page.getByRole('option', { name: 'Mute (1)', exact: true }).isVisible())) await page.getByLabel('Case types').click();
      await page.getByRole('option', { name: 'Mute (1)', exact: true }).click();
      await page.keyboard.press('Escape');
      await expect.poll(() => page.getByTestId('case-row').count()).toBe(2);
      expect((await bar.boundingBox())!.height).toBe(height);
      await app.screenshot('moderation-cases-type-chosen');
      await page.getByRole('button', { name: 'Clear filters' }).click();
      await expect.poll(() => page.getByTestId('case-row').count()).toBeGreaterThan(2);
    });

    it('shows one current name per moderator ID, and the recorded one in the detail', async () => {
      const { page } = app;
      const moderator = (caseId: string) => rowFor(page, caseId).locator('[data-column="moderator"]').innerText();
      expect(await moderator('A-NEWNAME')).toBe('Warden Tove');
      expect(await moderator('A-OLDNAME')).toBe('Warden Tove');
      await rowFor(page, 'A-OLDNAME').click();
      const detail = page.getByTestId('case-detail');
      await expect.poll(() => detail.getAttribute('data-case-id')).toBe('A-OLDNAME');
      const text = await detail.innerText();
      expect(text).toContain('jorwyn854');
      expect(text).toContain('now Warden Tove');
    });

    it('leads from a case to the target profile and to all their cases, and back from the profile', async () => {
      const { page } = app;
      await rowFor(page, 'A-NYX-15').click();
      const detail = page.getByTestId('case-detail');
      await expect.poll(() => detail.getAttribute('data-case-id')).toBe('A-NYX-15');
      // "… and 3 older" filters the queue on nyx.
      const more = page.getByTestId('target-history-more');
      expect(await more.innerText()).toContain('3 older');
      await more.click();
      await expect.poll(() => page.getByRole('textbox', { name: 'Target user ID or username' }).inputValue()).toBe(NYX.toString());
      await expect.poll(() => page.getByTestId('case-row').count()).toBe(15);
      await app.screenshot('moderation-cases-target-filtered');

      // The target's name opens their profile.
      await page.getByTestId('target-profile-link').click();
      await page.locator('main[data-area="players"]').waitFor();
      expect(new URL(page.url()).hash).toContain(`player=${NYX}`);
      await page.getByTestId('tab-moderation').click();
      const cases = page.getByTestId('player-case');
      await expect.poll(() => cases.count()).toBe(15);
      await app.screenshot('moderation-cases-profile-tab');
      await page.locator('[data-testid="player-case"][data-case-id="A-NYX-03"]').click();
      await page.locator('main[data-area="moderation"]').waitFor();
      await expect.poll(() => page.getByTestId('case-detail').getAttribute('data-case-id')).toBe('A-NYX-03');
      await rowFor(page, 'A-NYX-03').waitFor();
      expect(await rowFor(page, 'A-NYX-03').getAttribute('aria-selected')).toBe('true');
      expect(app.consoleErrors).toEqual([]);
    });

    it('holds at 960×600', async () => {
      const { page } = app;
      await page.setViewportSize({ width: 960, height: 600 });
      await app.goto('players');
      await app.goto('moderation/active');
      await rowFor(page, 'A-VMUTE').waitFor();
      await app.screenshot('moderation-cases-960');
      await page.setViewportSize({ width: 1440, height: 900 });
    });
  },
  'postgres',
);
