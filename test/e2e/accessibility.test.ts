/**
 * axe-core over every screen, its main dialogs and details, in the dark and the light theme:
 * any serious or critical violation (contrast, grid and tab structure, names, headings,
 * keyboard reach) fails the screen it was found on, listing rule and elements.
 * Screenshots: test-results/a11y-<theme>-<screen>.png.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { seriousViolations } from '../fixtures/axe.js';
import { describeE2E, E2E_START_TIMEOUT, startDeskApp, type DeskApp } from '../fixtures/harness.js';
import { testStaff } from '../fixtures/services.js';

interface Screen {
  name: string;
  /** Brings the screen up from wherever the previous one left the page. */
  open(app: DeskApp): Promise<void>;
  /** Puts things back (closes the dialog) for the next screen. */
  leave?(page: Page): Promise<void>;
}

/** Escape until the dialog is gone (the first one may only close an open option list in it). */
const closeDialog = async (page: Page) => {
  for (let i = 0; i < 3 && (await page.getByRole('dialog').count()) > 0; i += 1) {
    await page.keyboard.press('Escape');
    await page.getByRole('dialog').waitFor({ state: 'detached', timeout: 2_000 }).catch(() => {});
  }
  await page.getByRole('dialog').waitFor({ state: 'detached' });
};

/** An area's tab, selected, with its panel shown. */
async function openTab(app: DeskApp, area: string, tabId: string): Promise<void> {
  if ((await app.page.locator(`main[data-area="${area}"]`).count()) === 0) await app.goto(area);
  const tab = app.page.getByTestId(tabId);
  await tab.click();
  await expect.poll(() => tab.getAttribute('aria-selected')).toBe('true');
  const panel = await tab.getAttribute('aria-controls');
  await app.page.locator(`[id="${panel}"]`).waitFor();
  await app.page.waitForLoadState('networkidle');
}

const SCREENS: Screen[] = [
  {
    name: 'moderation',
    async open(app) {
      await app.goto('moderation/active');
      await app.page.getByTestId('case-row').first().waitFor();
    },
  },
  {
    name: 'moderation-case',
    async open({ page }) {
      await page.getByTestId('case-row').first().click();
      await page.getByTestId('case-detail').waitFor();
      await page.getByTestId('case-reason').waitFor();
    },
  },
  {
    name: 'moderation-resolve-dialog',
    async open({ page }) {
      await page.keyboard.press('r');
      await page.getByRole('dialog').waitFor();
    },
    leave: closeDialog,
  },
  {
    name: 'moderation-open-case-dialog',
    async open({ page }) {
      await page.getByTestId('open-case').click();
      await page.getByRole('dialog').waitFor();
    },
    leave: closeDialog,
  },
  {
    name: 'keys-help',
    async open({ page }) {
      await page.keyboard.press('Shift+?');
      await page.getByTestId('keys-help').waitFor();
    },
    leave: closeDialog,
  },
  {
    name: 'command-palette',
    async open({ page }) {
      await page.keyboard.press('Control+k');
      await page.getByPlaceholder('Go to a page, find a player, case, quest or item…').waitFor();
    },
    async leave(page) {
      await page.keyboard.press('Escape');
      await page.getByPlaceholder('Go to a page, find a player, case, quest or item…').waitFor({ state: 'hidden' });
    },
  },
  ...(['board', 'history', 'stats', 'bursts'] as const).map(
    (tab): Screen => ({
      name: `lootdrops-${tab}`,
      async open(app) {
        await openTab(app, 'lootdrops', `lootdrops-tab-${tab}`);
      },
    }),
  ),
  {
    name: 'quests',
    async open(app) {
      await app.goto('quests');
      await app.page.locator('[data-testid="quest-list"] tbody tr').first().waitFor();
    },
  },
  {
    name: 'quest-editor',
    async open({ page }) {
      await page.locator('[data-testid="quest-list"] tbody tr').first().click();
      await page.getByTestId('quest-editor').waitFor();
      await page.waitForLoadState('networkidle');
    },
  },
  {
    name: 'quest-stats',
    async open({ page }) {
      await page.getByTestId('quest-tab-stats').click();
      await page.waitForLoadState('networkidle');
    },
  },
  {
    name: 'quest-pack-import-dialog',
    async open({ page }) {
      await page.getByTestId('pack-import-open').click();
      await page.getByRole('dialog').waitFor();
    },
    leave: closeDialog,
  },
  {
    name: 'items',
    async open(app) {
      await app.goto('items');
      await app.page.locator('[data-testid="item-list"] tbody tr').first().waitFor();
    },
  },
  {
    name: 'item-editor',
    async open({ page }) {
      await page.locator('[data-testid="item-list"] tbody tr').first().click();
      await page.getByTestId('item-editor').waitFor();
      await page.waitForLoadState('networkidle');
    },
  },
  {
    name: 'players',
    async open(app) {
      await app.goto('players');
      await app.page.getByTestId('player-search').waitFor();
    },
  },
  {
    name: 'players-results',
    async open({ page }) {
      await page.getByTestId('player-search').fill('a');
      await page.getByTestId('player-result').first().waitFor();
    },
  },
  {
    name: 'player-profile',
    async open({ page }) {
      await page.getByTestId('player-result').first().click();
      await page.getByTestId('player-name').waitFor();
      await page.waitForLoadState('networkidle');
    },
  },
  {
    name: 'player-grant-item-dialog',
    async open({ page }) {
      await page.getByTestId('action-grant-item').click();
      await page.getByRole('dialog').waitFor();
      // The item box opens its option list on focus; the dialog is measured at rest. (Mantine's
      // open list scrolls without a Tab stop of its own: its options are reached with the
      // arrows from the box.)
      await page.getByRole('listbox', { name: 'Item' }).waitFor();
      await page.keyboard.press('Escape');
      await page.getByRole('listbox', { name: 'Item' }).waitFor({ state: 'detached' });
    },
    leave: closeDialog,
  },
  ...(['connection', 'identity', 'discord', 'preferences', 'audit'] as const).map(
    (section): Screen => ({
      name: `settings-${section}`,
      async open(app) {
        await openTab(app, 'settings', `settings-tab-${section}`);
      },
    }),
  ),
];

for (const theme of ['dark', 'light'] as const) {
  describeE2E(`accessibility of every screen, ${theme} theme (axe-core, embedded demo database)`, () => {
    let app: DeskApp;

    beforeAll(async () => {
      app = await startDeskApp({ driver: 'pglite', seed: 'demo', identity: testStaff, theme, area: 'moderation/active' });
      // Rows fading in after a live arrival are not what is measured.
      await app.page.emulateMedia({ reducedMotion: 'reduce' });
    }, E2E_START_TIMEOUT);

    afterAll(async () => {
      await app?.close();
    });

    // axe over a dense screen takes seconds on a loaded two-core machine.
    it.each(SCREENS)('$name has no serious or critical violation', { timeout: 90_000 }, async (screen) => {
      await screen.open(app);
      await app.screenshot(`a11y-${theme}-${screen.name}`);
      const violations = await seriousViolations(app.page, `${theme} ${screen.name}`);
      await screen.leave?.(app.page);
      expect(violations).toEqual([]);
    });

    it('raised no console error along the way', () => {
      expect(app.consoleErrors).toEqual([]);
    });
  });
}
