/**
 * Every screen, and its main dialogs, at the window sizes the app allows (960×600, its minimum),
 * a small laptop (1024×700) and a common desktop (1440×900), on the demo world: no word squeezed
 * over lines, no column header outside the window, no primary button cut off (see
 * fixtures/layout-probe.ts). A screenshot of each: test-results/sizes-<w>x<h>-<screen>.png.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeE2E, E2E_START_TIMEOUT, startDeskApp, type DeskApp } from '../fixtures/harness.js';
import { layoutProblems } from '../fixtures/layout-probe.js';
import { testStaff } from '../fixtures/services.js';

const SIZES = [
  { width: 960, height: 600 },
  { width: 1024, height: 700 },
  { width: 1440, height: 900 },
] as const;

interface Screen {
  name: string;
  /** The hash route (without #/). */
  route: string;
  /** What shows once the screen has its data. */
  ready: string;
  /** Opens a dialog on the screen; the dialog is measured and closed with Escape. */
  dialog?: { open: string; ready: string };
}

describeE2E('every screen at the window sizes the app allows', () => {
  let app: DeskApp;
  let player: string;
  let quest: string;
  let item: string;

  beforeAll(async () => {
    app = await startDeskApp({ driver: 'pglite', seed: 'demo', identity: testStaff, area: 'moderation/active' });
    app.page.setDefaultTimeout(15_000);
    const { rows: players } = await app.database.query<{ id: string }>(`SELECT id::text AS id FROM users WHERE balance > 0 ORDER BY length(username) DESC, id LIMIT 1`);
    player = players[0]!.id;
    const { rows: quests } = await app.database.query<{ id: string }>(`SELECT id::text AS id FROM quests ORDER BY length(name) DESC, id LIMIT 1`);
    quest = quests[0]!.id;
    const { rows: items } = await app.database.query<{ id: string }>(`SELECT id::text AS id FROM items ORDER BY length(name) DESC, id LIMIT 1`);
    item = items[0]!.id;
  }, E2E_START_TIMEOUT);

  afterAll(async () => {
    await app?.close();
  });

  const screens = (): Screen[] => [
    { name: 'moderation', route: 'moderation/active', ready: '[data-testid="case-row"]', dialog: { open: '[data-testid="open-case"]', ready: '[role="dialog"] textarea' } },
    { name: 'lootdrops-board', route: 'lootdrops', ready: '[data-testid="claimed-row"]' },
    { name: 'lootdrops-history', route: 'lootdrops?tab=history', ready: '[data-testid="history-row"]' },
    { name: 'lootdrops-stats', route: 'lootdrops?tab=stats', ready: '[data-testid="stats-window"]' },
    { name: 'lootdrops-bursts', route: 'lootdrops?tab=bursts', ready: '[data-testid="lootdrops-page"]' },
    { name: 'quests', route: 'quests', ready: 'main h1' },
    { name: 'quest-editor', route: `quests/${quest}`, ready: 'main input' },
    { name: 'items', route: 'items', ready: 'main h1' },
    { name: 'item-editor', route: `items/${item}`, ready: 'main input' },
    {
      name: 'player',
      route: `players?player=${player}`,
      ready: '[data-testid="player-name"]',
      dialog: { open: '[data-testid="action-take-coins"]', ready: '[role="dialog"] [data-testid="action-amount"]' },
    },
    { name: 'economy', route: 'players/economy', ready: '[data-testid="economy-overview"]' },
    { name: 'classes', route: 'players/classes', ready: '[data-testid="classes-table"]' },
    { name: 'settings-connection', route: 'settings', ready: '[data-testid="current-connection"]', dialog: { open: '[data-testid="profile-add"]', ready: '[role="dialog"] input' } },
    { name: 'settings-identity', route: 'settings?section=identity', ready: '[data-testid="identity-form"]' },
    { name: 'settings-discord', route: 'settings?section=discord', ready: '[data-testid="discord-form"]' },
    { name: 'settings-audit', route: 'settings?section=audit', ready: 'main h1' },
  ];

  for (const size of SIZES) {
    it(`holds every screen at ${size.width}×${size.height}`, async () => {
      const { page } = app;
      await page.setViewportSize(size);
      // A dialog a failed size left open.
      if (await page.locator('[role="dialog"]').count()) await page.keyboard.press('Escape');
      const found: string[] = [];
      for (const screen of screens()) {
        await page.evaluate((hash) => {
          window.location.hash = hash;
        }, `#/${screen.route}`);
        await page.locator(screen.ready).first().waitFor({ state: 'attached' });
        // Let late parts (charts, counts) settle before measuring.
        await page.waitForTimeout(300);
        const tag = `sizes-${size.width}x${size.height}-${screen.name}`;
        await app.screenshot(tag);
        if (!(await page.locator(screen.ready).first().isVisible())) found.push(`${screen.name}: squeezed out: ${screen.ready} has no room`);
        for (const problem of await layoutProblems(page)) found.push(`${screen.name}: ${problem.kind}: ${problem.what}`);
        if (screen.dialog) {
          await page.locator(screen.dialog.open).first().click();
          await page.locator(screen.dialog.ready).first().waitFor();
          await page.waitForTimeout(300);
          await app.screenshot(`${tag}-dialog`);
          for (const problem of await layoutProblems(page)) found.push(`${screen.name} dialog: ${problem.kind}: ${problem.what}`);
          await page.keyboard.press('Escape');
          await page.locator('[role="dialog"]').first().waitFor({ state: 'detached' });
        }
      }
      expect(found).toEqual([]);
    }, 240_000);
  }
});
