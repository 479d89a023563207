/**
 * Quest and item authoring in Chromium against the real router and a demo database: a quest
 * with an item reward written through the form lands in the database exactly as the contract
 * says; foreign rows stay untouched; a change made underneath is named at once and merged; stats draw their chart;
 * a pack exported as a download imports back as "unchanged".
 * Screenshots: test-results/quests-editor.png, quests-preview.png, quests-stats.png,
 * quests-foreign.png, quests-conflict.png, quests-import.png, items-catalogue.png, items-editor.png, and in the light
 * theme quests-editor-light.png, quests-foreign-light.png, items-editor-light.png.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { screenshotDir } from '../fixtures/browser.js';
import { describeE2E, E2E_START_TIMEOUT, startDeskApp, type DeskApp } from '../fixtures/harness.js';
import { testStaff } from '../fixtures/services.js';
import { QUEST_TRIGGERS, questTrigger } from '../../src/shared/domain/quests.js';

/** A slow shared machine: each step drives several round trips through the real router. */
const STEP_TIMEOUT = 120_000;

describeE2E('quest and item authoring in Chromium (embedded demo database)', () => {
  let app: DeskApp;
  let reward: { id: number; name: string };

  // The conflict step answers 409 on purpose (batched or not, as the web link sends it); everything else must stay clean.
  const unexpectedErrors = () => app.consoleErrors.filter((e) => !/quests\.update(\?batch=1)?: HTTP 409|status of 409 \(Conflict\)/.test(e));
  const one = async <T>(sql: string, params: unknown[] = []) => (await app.database.query<T>(sql, params)).rows[0]!;
  /** WCAG contrast of an element's text against white, the light scheme's page. */
  const contrastOnWhite = (locator: Locator) =>
    locator.evaluate((element) => {
      const [r, g, b] = (getComputedStyle(element).color.match(/[\d.]+/g) ?? []).map(Number).map((c) => {
        const s = c / 255;
        return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
      });
      return 1.05 / (0.2126 * r! + 0.7152 * g! + 0.0722 * b! + 0.05);
    });

  beforeAll(async () => {
    app = await startDeskApp({ driver: 'pglite', seed: 'demo', identity: testStaff, area: 'quests' });
    reward = await one<{ id: number; name: string }>(`SELECT id, name FROM items WHERE type = 'MATERIAL' AND icon_url IS NOT NULL ORDER BY id LIMIT 1`);
  }, E2E_START_TIMEOUT);

  afterAll(async () => {
    await app?.close();
  }, STEP_TIMEOUT);

  it('authors a quest with an item reward and stores it exactly as the contract says', async () => {
    const { page } = app;
    await page.getByTestId('quest-list').waitFor();
    await page.getByTestId('quest-new').click();
    await page.getByTestId('quest-editor').waitFor();
    await page.getByTestId('quest-name').fill('Tavern regular');
    await page.getByTestId('quest-description').fill('Keep the tavern lively.\n<b>Plain text</b>, never markup.');
    await page.getByLabel('Only in channel (ID)').fill('1200000000000000001');
    await page.getByTestId('quest-target').fill('25');
    await page.getByTestId('quest-currency').fill('750');
    await page.getByTestId('quest-xp').fill('150');
    await page.getByTestId('quest-add-reward').click();
    const picker = page.getByTestId('quest-reward-item-0');
    await picker.click();
    await picker.fill(reward.name);
    await page.getByRole('option', { name: new RegExp(reward.name) }).first().click();
    await page.getByTestId('quest-reward-quantity-0').fill('3');

    // The preview reads as players will see it, as text.
    const preview = page.getByTestId('quest-preview');
    await expect.poll(() => preview.getByTestId('quest-preview-objective').innerText()).toBe('Send 25 messages in #1200000000000000001');
    await expect.poll(() => preview.getByTestId('quest-preview-rewards').innerText()).toContain(`3 × ${reward.name}`);
    expect(await preview.innerText()).toContain('<b>Plain text</b>, never markup.');
    expect(await preview.locator('b').count()).toBe(0);

    await page.getByTestId('quest-save').click();
    await expect.poll(() => page.evaluate(() => window.location.hash), { timeout: 10_000 }).toMatch(/^#\/quests\/\d+$/);
    const row = await one<{ id: number; trigger_event: string; requirements: string; rewards: string; description: string }>(
      `SELECT id, trigger_event, requirements::text AS requirements, rewards::text AS rewards, description FROM quests WHERE name = 'Tavern regular'`,
    );
    expect(row.trigger_event).toBe('MESSAGE_SENT');
    expect(row.requirements).toBe('{"target": 25, "filters": {"channelId": "1200000000000000001"}}');
    expect(row.rewards).toBe(`{"xp": 150, "items": [{"itemId": ${reward.id}, "quantity": 3}], "currency": "750"}`);
    expect(row.description).toBe('Keep the tavern lively.\n<b>Plain text</b>, never markup.');
    await page.getByTestId('quest-editor').getByText('unsaved').waitFor({ state: 'hidden' });
    await app.screenshot('quests-editor');
    await preview.screenshot({ path: join(screenshotDir, 'quests-preview.png') });
    expect(unexpectedErrors()).toEqual([]);
  }, STEP_TIMEOUT);

  it('lists every trigger with its meaning when the field is opened, and the preview says what it counts', async () => {
    const { page } = app;
    const field = page.getByTestId('quest-trigger');
    expect(await field.inputValue()).toBe('MESSAGE_SENT');
    await field.click();
    const options = page.getByTestId('trigger-option');
    await expect.poll(() => options.count()).toBeGreaterThanOrEqual(QUEST_TRIGGERS.length);
    const texts = await options.allInnerTexts();
    for (const known of QUEST_TRIGGERS) expect(texts.some((t) => t.includes(`${known.event} · ${known.label}`) && t.includes(known.description))).toBe(true);
    await app.screenshot('quests-trigger-list');
    // Typing a meaning narrows the list to the events it describes.
    await field.fill('voice');
    await expect.poll(() => options.allInnerTexts()).toEqual([expect.stringContaining('VOICE_MINUTES · Minutes in voice')]);
    await field.fill('MESSAGE_SENT');
    await page.keyboard.press('Escape');
    const said = await page.getByTestId('quest-preview').getByTestId('preview-trigger').innerText();
    expect(said).toContain(questTrigger('MESSAGE_SENT')!.description);
    expect(said).not.toContain('MESSAGE_SENT');
    await page.getByTestId('quest-editor').getByText('unsaved').waitFor({ state: 'hidden' });
  }, STEP_TIMEOUT);

  it('shows inline contract errors before saving', async () => {
    const { page } = app;
    const form = page.getByTestId('quest-form');
    await page.getByTestId('quest-currency').fill('1,000');
    await form.getByText('A whole positive number without separators, e.g. "500"').waitFor();
    // While a field shows an error, Save is disabled and says why beside it.
    expect(await page.getByTestId('quest-save').isDisabled()).toBe(true);
    expect(await page.getByTestId('quest-save-reason').innerText()).toBe('Currency: A whole positive number without separators, e.g. "500"');
    await page.getByTestId('quest-currency').fill('750');
    await form.getByText('A whole positive number without separators, e.g. "500"').waitFor({ state: 'hidden' });
    await expect.poll(() => page.getByTestId('quest-save-reason').innerText()).toBe('No changes to save');
  }, STEP_TIMEOUT);

  it('keeps a foreign quest exactly as stored when only its name is edited', async () => {
    const { page } = app;
    const requirements = '{"count": 5, "channel": 1200000000000000001}';
    const { id } = await one<{ id: number }>(
      `INSERT INTO quests (name, trigger_event, requirements, rewards) VALUES ('Bot-era quest', 'msg', $1::jsonb, '{"gold": 5}') RETURNING id`,
      [requirements],
    );
    await app.goto(`quests/${id}`);
    await page.getByTestId('quest-foreign-warning').waitFor();
    await expect.poll(() => page.getByTestId('quest-name').inputValue()).toBe('Bot-era quest');
    expect(await page.getByTestId('quest-json-requirements').inputValue()).toContain('"channel": 1200000000000000001');
    await app.screenshot('quests-foreign');
    await page.getByTestId('quest-name').fill('Bot-era quest (renamed)');
    await page.getByTestId('quest-save').click();
    await expect.poll(async () => (await one<{ name: string }>('SELECT name FROM quests WHERE id = $1', [id])).name).toBe('Bot-era quest (renamed)');
    await page.getByTestId('quest-editor').getByText('unsaved').waitFor({ state: 'hidden' });
    const stored = await one<{ requirements: string; rewards: string; trigger_event: string }>(
      'SELECT trigger_event, requirements::text AS requirements, rewards::text AS rewards FROM quests WHERE id = $1',
      [id],
    );
    expect(stored).toEqual({ trigger_event: 'msg', requirements, rewards: '{"gold": 5}' });
  }, STEP_TIMEOUT);

  it('names a change the bot made underneath at once, and keeps it when saving an edit of another field', async () => {
    const { page } = app;
    const { id } = await one<{ id: number }>(`SELECT id FROM quests WHERE name = 'Tavern regular'`);
    await app.goto(`quests/${id}`);
    await expect.poll(() => page.getByTestId('quest-name').inputValue()).toBe('Tavern regular');
    await page.getByTestId('quest-name').fill('Tavern regular, mine');
    // The bot changes the quest meanwhile.
    await app.database.query(`UPDATE quests SET description = 'Changed by the bot.' WHERE id = $1`, [id]);
    const banner = page.getByTestId('quest-changed-underneath');
    await banner.waitFor();
    expect(await banner.innerText()).toContain('Description');
    await expect.poll(() => page.getByTestId('quest-description').inputValue()).toBe('Changed by the bot.');
    await app.screenshot('quests-conflict');
    await page.getByTestId('quest-save').click();
    await expect.poll(async () => await one<{ name: string; description: string }>('SELECT name, description FROM quests WHERE id = $1', [id])).toEqual({
      name: 'Tavern regular, mine',
      description: 'Changed by the bot.',
    });
    await page.getByTestId('quest-editor').getByText('unsaved').waitFor({ state: 'hidden' });
    await app.database.query(`UPDATE quests SET name = 'Tavern regular' WHERE id = $1`, [id]);
    await expect.poll(() => page.getByTestId('quest-name').inputValue()).toBe('Tavern regular');
    expect(unexpectedErrors()).toEqual([]);
  }, STEP_TIMEOUT);

  it('draws the stats of a quest players are on', async () => {
    const { page } = app;
    const busiest = await one<{ quest_id: number; n: string }>(
      'SELECT quest_id, count(*) AS n FROM user_quests WHERE completed_at IS NOT NULL GROUP BY quest_id ORDER BY count(*) DESC, quest_id LIMIT 1',
    );
    await app.goto(`quests/${busiest.quest_id}?tab=stats`);
    await page.getByTestId('quest-stats').waitFor();
    await expect.poll(() => page.getByTestId('stat-started').innerText()).not.toContain('…');
    await page.locator('.recharts-bar-rectangle').first().waitFor();
    await page.getByTestId('quest-players').locator('tbody tr').first().waitFor();
    await app.screenshot('quests-stats');
    expect(unexpectedErrors()).toEqual([]);
  }, STEP_TIMEOUT);

  it('exports a pack as a download and imports it back as unchanged', async () => {
    const { page } = app;
    await app.goto('quests');
    await page.getByTestId('pack-export').click();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('menuitem', { name: 'All quests, with the items they reward' }).click()]);
    const file = join(screenshotDir, 'e2e-quest-pack.json');
    await download.saveAs(file);
    const pack = JSON.parse(readFileSync(file, 'utf8')) as { format: string; quests: { name: string }[]; items: unknown[] };
    expect(pack.format).toBe('aurora-desk.quest-pack');
    expect(pack.quests.map((q) => q.name)).toContain('Tavern regular');
    await page.getByTestId('pack-import-open').click();
    await page.getByTestId('pack-import').locator('input[type=file]').setInputFiles(file);
    // Quest names the demo world uses twice cannot tell the pack which row to update: those are invalid.
    const shared = await one<{ n: number }>('SELECT count(*)::int AS n FROM (SELECT name FROM quests GROUP BY name HAVING count(*) > 1) AS twice');
    const counts = page.getByTestId('pack-import-counts');
    await expect.poll(async () => (await counts.innerText()).toLowerCase(), { timeout: 10_000 }).toContain(`${pack.quests.length + pack.items.length - shared.n} unchanged`);
    expect((await counts.innerText()).toLowerCase()).toContain(`${shared.n} invalid`);
    await app.screenshot('quests-import');
    expect(await page.getByTestId('pack-import-apply').isDisabled()).toBe(true);
    await page.keyboard.press('Escape');
  }, STEP_TIMEOUT);

  it('shows the item catalogue with icons and rarity colours, and edits an item per type', async () => {
    const { page } = app;
    await app.goto('items');
    await page.getByTestId('item-list').waitFor();
    await app.screenshot('items-catalogue');
    const key = await one<{ id: number }>(`SELECT id FROM items WHERE type = 'EQUIPMENT' ORDER BY id LIMIT 1`);
    await app.goto(`items/${key.id}`);
    await page.getByTestId('item-editor').waitFor();
    await page.getByRole('textbox', { name: 'Slot' }).waitFor();
    await app.screenshot('items-editor');
    expect(unexpectedErrors()).toEqual([]);
  }, STEP_TIMEOUT);

  it('reads as well in the light theme: the quest editor and the item editor, without console errors', async () => {
    const { page } = app;
    const scheme = () => page.evaluate(() => document.documentElement.getAttribute('data-mantine-color-scheme'));
    await page.getByTestId('theme-toggle').click();
    await expect.poll(scheme).toBe('light');
    try {
      const quest = await one<{ id: number }>(`SELECT id FROM quests WHERE name = 'Tavern regular'`);
      await app.goto(`quests/${quest.id}`);
      await expect.poll(() => page.getByTestId('quest-name').inputValue()).toBe('Tavern regular');
      await expect.poll(() => page.getByTestId('quest-preview-rewards').innerText()).toContain(`3 × ${reward.name}`);
      await page.mouse.move(0, 0);
      await app.screenshot('quests-editor-light');
      // The warnings of a foreign row are where a light scheme loses contrast first.
      const foreign = await one<{ id: number }>(`SELECT id FROM quests WHERE name = 'Bot-era quest (renamed)'`);
      await app.goto(`quests/${foreign.id}`);
      await page.getByTestId('quest-foreign-warning').waitFor();
      await app.screenshot('quests-foreign-light');
      // Mantine's yellow text is under 2:1 on white: the warnings must use a darker shade here.
      expect(await contrastOnWhite(page.getByTestId('quest-foreign-warning').locator('.mantine-Alert-title'))).toBeGreaterThanOrEqual(3);
      expect(await contrastOnWhite(page.locator(`[data-quest-row="${foreign.id}"] .mantine-Badge-root`))).toBeGreaterThanOrEqual(3);
      const equipment = await one<{ id: number }>(`SELECT id FROM items WHERE type = 'EQUIPMENT' ORDER BY id LIMIT 1`);
      await app.goto(`items/${equipment.id}`);
      await page.getByTestId('item-editor').waitFor();
      await page.getByRole('textbox', { name: 'Slot' }).waitFor();
      await page.mouse.move(0, 0);
      await app.screenshot('items-editor-light');
      // Rarity-coloured names in the catalogue stay readable on white.
      const uncommon = await one<{ id: number }>(`SELECT id FROM items WHERE rarity = 'Uncommon' ORDER BY name LIMIT 1`);
      expect(await contrastOnWhite(page.locator(`[data-item-row="${uncommon.id}"] td:nth-child(2) p`).first())).toBeGreaterThanOrEqual(4);
    } finally {
      await page.getByTestId('theme-toggle').click();
      await expect.poll(scheme).toBe('dark');
    }
    expect(unexpectedErrors()).toEqual([]);
  }, STEP_TIMEOUT);
});
