/**
 * Opening a case from the keyboard, in Chromium against the real host on PostgreSQL: the member
 * is found by name (a player, or a name only seen on cases), Ctrl+Enter submits, an empty
 * reason is asked about once, and a case opened successfully leaves without a false "Leave
 * without saving?".
 * Screenshots: test-results/moderation-open-case-*.png.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { AuroraDatabase } from '../../src/main/core/database.js';
import { describeE2E, E2E_START_TIMEOUT, startDeskApp, type DeskApp } from '../fixtures/harness.js';
import { caseRow, DRIFTER, insertBotCase, NYX, seedPlayers } from '../fixtures/moderation-world.js';
import { testStaff } from '../fixtures/services.js';

async function world(database: AuroraDatabase): Promise<void> {
  await seedPlayers(database);
  // Not a player: known only from a case the bot recorded.
  await insertBotCase(database, { caseId: 'A-DRIFT', userId: DRIFTER, username: 'driftwood_77' });
}

const newestDeskCase = async (database: AuroraDatabase) => {
  const { rows } = await database.query<{ id: string }>(`SELECT id FROM moderation_cases WHERE case_id LIKE 'D-%' ORDER BY id DESC LIMIT 1`);
  return rows[0] ? caseRow(database, BigInt(rows[0].id)) : null;
};

async function chooseMember(page: Page, typed: string, name: string) {
  const member = page.getByTestId('open-case-member');
  await member.fill(typed);
  const option = page.getByTestId('member-option').filter({ hasText: name });
  await option.first().waitFor();
  await option.first().click();
}

describeE2E(
  'opening a case (PostgreSQL)',
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

    it('finds a player by name, submits with Ctrl+Enter, and moves on without a false leave prompt', async () => {
      const { page } = app;
      await page.getByTestId('case-row').first().waitFor();
      await page.keyboard.press('o');
      const dialog = page.getByRole('dialog', { name: 'Open a case' });
      await dialog.waitFor();
      await chooseMember(page, 'ny', 'nyx');
      expect(await page.getByTestId('open-case-member').inputValue()).toBe(NYX.toString());
      await page.getByTestId('open-case-reason').fill('Spamming the market channel');
      await app.screenshot('moderation-open-case-filled');
      await page.keyboard.press('Control+Enter');
      await dialog.waitFor({ state: 'hidden', timeout: 15_000 });
      const opened = await newestDeskCase(app.database);
      expect(opened).toMatchObject({ user_id: NYX.toString(), username: 'nyx', reason: 'Spamming the market channel', moderator_id: testStaff.id.toString() });
      await expect.poll(() => page.getByTestId('case-detail').getAttribute('data-case-id')).toBe(opened!.case_id);
      // No "Leave without saving?" after the save, and going elsewhere asks nothing either.
      await page.waitForTimeout(300);
      expect(await page.getByText('Leave without saving?').count()).toBe(0);
      await app.goto('players');
      expect(await page.getByText('Leave without saving?').count()).toBe(0);
      await app.goto('moderation/active');
    });

    it('finds a member seen only on cases, and asks once before opening without a reason', async () => {
      const { page } = app;
      await page.getByTestId('case-row').first().waitFor();
      await page.getByTestId('open-case').click();
      const dialog = page.getByRole('dialog', { name: 'Open a case' });
      await dialog.waitFor();
      await chooseMember(page, 'driftwood', 'driftwood_77');
      expect(await page.getByTestId('open-case-member').inputValue()).toBe(DRIFTER.toString());
      const before = await newestDeskCase(app.database);
      await page.keyboard.press('Control+Enter');
      await page.getByTestId('open-case-no-reason').waitFor();
      await app.screenshot('moderation-open-case-no-reason');
      expect(await dialog.isVisible()).toBe(true);
      expect((await newestDeskCase(app.database))?.case_id).toBe(before?.case_id);
      await page.keyboard.press('Control+Enter');
      await dialog.waitFor({ state: 'hidden', timeout: 15_000 });
      const opened = await newestDeskCase(app.database);
      expect(opened).toMatchObject({ user_id: DRIFTER.toString(), username: 'driftwood_77', reason: null });
      expect(await page.getByText('Leave without saving?').count()).toBe(0);
      expect(app.consoleErrors).toEqual([]);
    });

    it('holds at 960×600', async () => {
      const { page } = app;
      await page.setViewportSize({ width: 960, height: 600 });
      await page.keyboard.press('Escape');
      await page.keyboard.press('o');
      await page.getByRole('dialog', { name: 'Open a case' }).waitFor();
      await chooseMember(page, 'ny', 'nyx');
      await app.screenshot('moderation-open-case-960');
      await page.keyboard.press('Escape');
      await page.setViewportSize({ width: 1440, height: 900 });
    });
  },
  'postgres',
);
