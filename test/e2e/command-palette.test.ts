/**
 * The command palette runs actions, not only jumps, from any screen: "grant", "open case",
 * "new quest", "spawn drop", "resolve" (on the selected case) and each settings screen by its
 * name. Chromium against the real host on PostgreSQL (demo data); Discord is the fake one on
 * loopback, so the spawn form is there.
 * Screenshots: test-results/command-palette-*.png.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startFakeDiscord, type FakeDiscord } from '../fixtures/fake-discord.js';
import { FAKE_GUILD, installLootdropRoutes } from '../fixtures/fake-discord-lootdrops.js';
import { describeE2E, E2E_START_TIMEOUT, startDeskApp, type DeskApp } from '../fixtures/harness.js';
import { testStaff } from '../fixtures/services.js';

/** Ctrl+K, the words, then the action with this label. */
async function runFromPalette(page: Page, words: string, label: RegExp) {
  await page.keyboard.press('Control+k');
  const search = page.getByPlaceholder('Go to a page, find a player, case, quest or item…');
  await search.waitFor();
  await search.fill(words);
  await page.locator('.mantine-Spotlight-action').filter({ hasText: label }).first().click();
  await search.waitFor({ state: 'hidden' });
}

async function openProfile(page: Page, id: string) {
  await page.evaluate((hash) => (window.location.hash = hash), `#/players?player=${id}`);
  await page.getByTestId('tab-moderation').waitFor();
}

describeE2E(
  'the command palette runs actions (PostgreSQL, demo data)',
  () => {
    let app: DeskApp;
    let fake: FakeDiscord;

    beforeAll(async () => {
      fake = await startFakeDiscord();
      installLootdropRoutes(fake, { channels: [{ id: '1234567890123450101', name: 'lootdrops', type: 0, position: 0 }] });
      app = await startDeskApp({
        driver: 'postgres',
        seed: 'demo',
        identity: testStaff,
        area: 'moderation/active',
        discord: { guildId: BigInt(FAKE_GUILD), token: fake.token, apiBase: fake.apiBase },
      });
      // A step that cannot happen fails with its own message, before the test's timeout.
      app.page.setDefaultTimeout(12_000);
    }, E2E_START_TIMEOUT);

    afterAll(async () => {
      await app?.close();
      await fake?.close();
    });

    it('opens a case from another screen', async () => {
      const { page } = app;
      await app.goto('players');
      await runFromPalette(page, 'open case', /Open case/);
      await page.locator('main[data-area="moderation"]').waitFor();
      const dialog = page.getByRole('dialog', { name: 'Open a case' });
      await dialog.waitFor();
      await app.screenshot('command-palette-open-case');
      await dialog.getByRole('button', { name: 'Cancel' }).click();
      await dialog.waitFor({ state: 'hidden' });
    });

    it('resolves the selected case', async () => {
      const { page } = app;
      const row = page.getByTestId('case-row').nth(1);
      const caseId = await row.getAttribute('data-case-id');
      await row.click();
      await expect.poll(() => page.getByTestId('case-detail').getAttribute('data-case-id')).toBe(caseId);
      await runFromPalette(page, 'resolve', new RegExp(`Resolve ${caseId}`));
      const dialog = page.getByRole('dialog', { name: `Resolve case ${caseId}` });
      await dialog.waitFor();
      expect(await dialog.innerText()).toContain(caseId!);
      await dialog.getByRole('button', { name: 'Cancel' }).click();
      await dialog.waitFor({ state: 'hidden' });
    });

    it('starts a new quest', async () => {
      const { page } = app;
      await runFromPalette(page, 'new quest', /New quest/);
      await page.locator('main[data-area="quests"]').waitFor();
      await page.getByTestId('quest-form').waitFor();
      expect(new URL(page.url()).hash).toBe('#/quests/new');
    });

    it('goes to the spawn form for a drop', async () => {
      const { page } = app;
      await app.goto('moderation/active');
      await runFromPalette(page, 'spawn drop', /Spawn drop/);
      await page.locator('main[data-area="lootdrops"]').waitFor();
      await page.getByTestId('spawn-form').waitFor();
      expect(new URL(page.url()).hash).toBe('#/lootdrops?tab=board');
      await app.screenshot('command-palette-spawn');
    });

    it('grants coins to the open player, and to the one chosen next from elsewhere', async () => {
      const { page } = app;
      const { rows } = await app.database.query<{ id: string }>('SELECT id::text AS id FROM users WHERE username IS NOT NULL ORDER BY id LIMIT 1');
      await openProfile(page, rows[0]!.id);
      await runFromPalette(page, 'grant', /Grant coins/);
      await page.getByTestId('action-amount').waitFor();
      await app.screenshot('command-palette-grant');
      await page.keyboard.press('Escape');
      await page.getByTestId('action-amount').waitFor({ state: 'hidden' });

      // From another screen: to Players, and the grant opens with the profile chosen there.
      await app.goto('quests');
      await runFromPalette(page, 'grant', /Grant coins/);
      await page.locator('main[data-area="players"]').waitFor();
      await openProfile(page, rows[0]!.id);
      await page.getByTestId('action-amount').waitFor();
      await page.keyboard.press('Escape');
    });

    it('finds each settings screen by its name', async () => {
      const { page } = app;
      for (const [words, section, label] of [
        ['discord', 'discord', 'Settings: Discord'],
        ['identity', 'identity', 'Settings: Staff identity'],
        ['audit', 'audit', 'Settings: Audit log'],
        ['preferences', 'preferences', 'Settings: Preferences'],
        ['connection', 'connection', 'Settings: Connection'],
      ] as const) {
        await runFromPalette(page, words, new RegExp(label));
        await page.locator('main[data-area="settings"]').waitFor();
        expect(new URL(page.url()).hash).toBe(`#/settings?section=${section}`);
      }
      await app.screenshot('command-palette-settings');
      expect(app.consoleErrors).toEqual([]);
    });
  },
  'postgres',
);
