/**
 * The bot's database with every non-key column nullable and rows holding NULL wherever they can,
 * in a real Chromium: every screen, its main details and tabs open without an error screen, a
 * console error or a failed request, and the empty values read as the schema check promises
 * (src/main/db/check/null-behaviour.ts: the sentences about what a screen draws are held here).
 * Screenshots: test-results/nullable-<page>.png.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Logger } from '../../src/main/core/log.js';
import { describeE2E, E2E_START_TIMEOUT, startDeskApp, type DeskApp } from '../fixtures/harness.js';
import { NAMELESS_BALANCE_PLAYER, NULL_ACTIVE_CASE, NULL_PLAYER, seedNullableWorld, type NullableWorld } from '../fixtures/nullable-world.js';
import { testStaff } from '../fixtures/services.js';

const STEP_TIMEOUT = 120_000;

describeE2E('a database where every non-key column may be NULL (embedded database)', () => {
  let app: DeskApp;
  let world: NullableWorld;
  const serverErrors: string[] = [];
  const log: Logger = {
    info() {},
    warn() {},
    error: (message, fields) => void serverErrors.push(`${message} ${JSON.stringify(fields ?? {}).slice(0, 600)}`),
  };
  let seenErrors = 0;
  let seenServerErrors = 0;

  beforeAll(async () => {
    app = await startDeskApp({
      driver: 'pglite',
      seed: async (database) => {
        world = await seedNullableWorld(database);
      },
      identity: testStaff,
      area: 'settings',
      log,
    });
  }, E2E_START_TIMEOUT);

  afterAll(async () => {
    await app?.close();
  }, STEP_TIMEOUT);

  async function visit(hash: string, name: string, shows?: string): Promise<void> {
    const page: Page = app.page;
    seenErrors = app.consoleErrors.length;
    seenServerErrors = serverErrors.length;
    await page.evaluate((h) => {
      window.location.hash = h;
    }, hash);
    const area = hash.replace(/^#\//, '').split(/[/?]/)[0]!;
    await page.locator(`main[data-area="${area}"]`).waitFor({ state: 'visible' });
    if (shows) await page.getByText(shows, { exact: false }).first().waitFor({ timeout: 30_000 });
    await page.waitForTimeout(400);
    await exerciseTabs(page);
    await app.screenshot(`nullable-${name}`);
    const crashed = await page.getByTestId('back-to-safety').count();
    expect.soft(crashed ? await page.locator('main').innerText() : '', `${name}: the screen crashed`).toBe('');
    const errors = app.consoleErrors.slice(seenErrors);
    const logged = serverErrors.slice(seenServerErrors);
    seenErrors = app.consoleErrors.length;
    seenServerErrors = serverErrors.length;
    expect.soft([...errors, ...logged].join('\n'), `${name}: errors`).toBe('');
  }

  async function exerciseTabs(page: Page): Promise<void> {
    const tabs = page.locator('main [role="tab"]');
    const count = await tabs.count();
    for (let i = 0; i < count; i++) {
      const tab = tabs.nth(i);
      if (!(await tab.isVisible()) || (await tab.isDisabled())) continue;
      await tab.click();
      await page.waitForTimeout(250);
      const crashed = await page.getByTestId('back-to-safety').count();
      expect.soft(crashed ? await page.locator('main').innerText() : '', `tab ${i}: the screen crashed`).toBe('');
    }
  }

  it('moderation: every queue and the cases holding NULL', async () => {
    for (const queue of ['active', 'recent', 'resolved', 'mine']) await visit(`#/moderation/${queue}`, `moderation-${queue}`);
    await visit(`#/moderation/recent?case=${world.nullActiveCase}`, 'moderation-null-active', NULL_ACTIVE_CASE);
    // moderation_cases.active: "the case shows "State not recorded"" and it can be resolved.
    const detail = app.page.getByTestId('case-detail');
    await expect.poll(() => detail.getByTestId('case-status').getAttribute('data-status')).toBe('unrecorded');
    expect(await detail.getByRole('button', { name: /Resolve/ }).count()).toBe(1);
    await visit(`#/moderation/recent?case=${world.nullCase}`, 'moderation-null-case');
    // moderation_cases.case_id: "named by its row number (#id) instead"; moderation_cases.type: a "no type" badge.
    await expect.poll(() => detail.getAttribute('data-case-id')).toBe(`#${world.nullCase}`);
    expect(await detail.getByText('no type', { exact: true }).count()).toBe(1);
  }, STEP_TIMEOUT * 2);

  it('lootdrops: board, history and stats', async () => {
    await visit('#/lootdrops', 'lootdrops');
  }, STEP_TIMEOUT);

  it('quests: the list, the quests holding NULL and their stats', async () => {
    await visit('#/quests', 'quests', 'Unwritten path');
    for (const [name, id] of [['null', world.nullQuest], ['named', world.namedNullQuest]] as const) {
      await visit(`#/quests/${id}`, `quest-${name}`);
      await visit(`#/quests/${id}?tab=stats`, `quest-${name}-stats`);
    }
  }, STEP_TIMEOUT * 2);

  it('items: the catalogue and the items holding NULL', async () => {
    await visit('#/items', 'items', 'Nameless relic');
    await visit(`#/items/${world.nullItem}`, 'item-null');
    await visit(`#/items/${world.namedNullItem}`, 'item-named');
  }, STEP_TIMEOUT * 2);

  it('players: search, every profile tab of the players holding NULL, classes and economy', async () => {
    await visit('#/players', 'players');
    await visit(`#/players?player=${NULL_PLAYER}&tab=inventory`, 'player-0-header');
    // users.username: the profile shows "No username", a confirmation names the Discord ID; the default sentence:
    // an empty value is "—" with the reason on hover (users.balance: "no balance recorded").
    await expect.poll(() => app.page.getByTestId('player-name').innerText()).toBe('No username');
    await app.page.getByRole('button', { name: 'Grant coins' }).click();
    expect(await app.page.getByRole('dialog').getByText(`Grant coins to player ${NULL_PLAYER}`).count()).toBe(1);
    await app.page.keyboard.press('Escape');
    await app.page.getByRole('dialog').waitFor({ state: 'hidden' });
    const balance = app.page.getByTestId('player-balance').locator('[data-missing]');
    expect(await balance.getAttribute('data-missing')).toBe('no balance recorded');
    expect(await balance.innerText()).toBe('—');
    for (const [i, id] of [NULL_PLAYER, NAMELESS_BALANCE_PLAYER].entries()) {
      for (const tab of ['inventory', 'transactions', 'quests', 'timers', 'moderation', 'account']) {
        await visit(`#/players?player=${id}&tab=${tab}`, `player-${i}-${tab}`);
      }
    }
    await visit('#/players/classes', 'players-classes');
    await visit('#/players/economy', 'players-economy');
  }, STEP_TIMEOUT * 3);

  it('settings', async () => {
    await visit('#/settings', 'settings');
  }, STEP_TIMEOUT);
});
