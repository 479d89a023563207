/**
 * The quest and item forms say what is wrong, where: a disabled Save or Create says why beside
 * it, a new quest's Name is red only once left empty, a JSON syntax error is titled as one, a
 * custom trigger keeps its custom filter, and item effects have labels, keep a negative
 * multiplier to refuse it, and drop what a new effect type does not use.
 * Screenshots: test-results/forms-quest-new-{960,1440}.png, forms-item-effects-{960,1440}.png.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeE2E, E2E_START_TIMEOUT, startDeskApp, type DeskApp } from '../fixtures/harness.js';
import { testStaff } from '../fixtures/services.js';

const STEP_TIMEOUT = 120_000;

describeE2E('honest quest and item forms in Chromium', () => {
  let app: DeskApp;
  const one = async <T>(sql: string, params: unknown[] = []) => (await app.database.query<T>(sql, params)).rows[0];
  const shoot = async (name: string) => {
    await app.page.setViewportSize({ width: 960, height: 600 });
    await app.screenshot(`${name}-960`);
    await app.page.setViewportSize({ width: 1440, height: 900 });
    await app.screenshot(`${name}-1440`);
  };

  beforeAll(async () => {
    app = await startDeskApp({ driver: 'pglite', seed: 'demo', identity: testStaff, area: 'quests' });
  }, E2E_START_TIMEOUT);

  afterAll(async () => {
    await app?.close();
  }, STEP_TIMEOUT);

  it('shows a new quest’s Name error only once it is left empty, and says beside Create why it is disabled', async () => {
    const { page } = app;
    await page.getByTestId('quest-new').click();
    await page.getByTestId('quest-editor').waitFor();
    const form = page.getByTestId('quest-form');
    expect(await form.getByText('Give the quest a name').count()).toBe(0);
    expect(await page.getByTestId('quest-save').isDisabled()).toBe(true);
    expect(await page.getByTestId('quest-save-reason').innerText()).toBe('Name: Give the quest a name');
    await page.getByTestId('quest-name').focus();
    await page.getByTestId('quest-description').focus();
    await form.getByText('Give the quest a name').waitFor();
    await page.getByTestId('quest-name').fill('Bait and tackle');
    await expect.poll(() => page.getByTestId('quest-save').isDisabled()).toBe(false);
    await shoot('forms-quest-new');
  }, STEP_TIMEOUT);

  it('names a filter the trigger does not apply as the reason Create is disabled', async () => {
    const { page } = app;
    const item = (await one<{ name: string }>(`SELECT name FROM items WHERE type = 'MATERIAL' ORDER BY id LIMIT 1`))!;
    await page.getByTestId('quest-trigger').fill('ITEM_USED');
    await page.keyboard.press('Escape');
    const picker = page.getByRole('textbox', { name: 'Only this item' });
    await picker.click();
    await picker.fill(item.name);
    await page.getByRole('option', { name: new RegExp(item.name) }).first().click();
    await page.getByTestId('quest-trigger').fill('MESSAGE_SENT');
    await page.keyboard.press('Escape');
    expect(await page.getByTestId('quest-save').isDisabled()).toBe(true);
    // LEVEL_UP's target is a level, not a count of levels.
    await page.getByTestId('quest-trigger').fill('LEVEL_UP');
    await page.keyboard.press('Escape');
    await page.getByText('The level a player must reach to complete the quest').waitFor();
    await page.getByTestId('quest-trigger').fill('MESSAGE_SENT');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByTestId('quest-save-reason').innerText()).toContain('Only this item: MESSAGE_SENT does not filter by itemId');
  }, STEP_TIMEOUT);

  it('titles a JSON syntax error as one, offers no “save anyway” on a new quest, and creates a custom trigger with a custom filter', async () => {
    const { page } = app;
    await page.getByTestId('quest-trigger').fill('FISH_CAUGHT');
    await page.keyboard.press('Escape');
    const requirements = page.getByTestId('quest-json-requirements');
    await requirements.fill('{"target": 10, "filters": {"zone": ');
    const issues = page.getByTestId('quest-json-requirements-issues');
    await expect.poll(() => issues.innerText()).toContain('Not valid JSON');
    expect(await issues.getByText('Save this shape anyway').count()).toBe(0);
    await expect.poll(() => page.getByTestId('quest-save-reason').innerText()).toContain('Requirements: Not valid JSON');
    await requirements.fill('{"target": 10, "filters": {"zone": "lake"}}');
    await issues.waitFor({ state: 'hidden' });
    await page.getByTestId('quest-save').click();
    await expect.poll(async () => (await one<{ requirements: string }>(`SELECT requirements::text AS requirements FROM quests WHERE name = 'Bait and tackle'`))?.requirements).toBe(
      '{"target": 10, "filters": {"zone": "lake"}}',
    );
    // Created by the desk in the contract's shape: not a row "the bot wrote".
    await page.getByTestId('quest-editor').getByText('unsaved').waitFor({ state: 'hidden' });
    expect(await page.getByTestId('quest-foreign-warning').count()).toBe(0);
  }, STEP_TIMEOUT);

  it('labels item effects, refuses a negative multiplier beside Save, and drops what a grant does not use', async () => {
    const { page } = app;
    const { id } = (await one<{ id: number }>(
      `INSERT INTO items (name, rarity, type, usage_data) VALUES ('Scholar tonic', 'Common', 'CONSUMABLE', '{"effects": [{"type": "XP_BOOST", "multiplier": 1.5, "durationSeconds": 1800}]}') RETURNING id`,
    ))!;
    await app.goto(`items/${id}`);
    await page.getByTestId('item-editor').waitFor();
    const effect = page.getByTestId('item-effect-0');
    await effect.getByRole('textbox', { name: 'Multiplier' }).waitFor();
    await effect.getByRole('textbox', { name: 'Duration (seconds)' }).waitFor();
    // The JSON view alone is no change.
    await page.getByLabel('Edit usage_data as JSON').check({ force: true });
    await page.getByTestId('item-usage-json').waitFor();
    expect(await page.getByTestId('item-editor').getByText('unsaved').count()).toBe(0);
    await app.goto('items');
    await app.goto(`items/${id}`);
    await page.getByTestId('item-effect-0-multiplier').fill('-2');
    await page.getByTestId('item-name').focus();
    expect(await page.getByTestId('item-effect-0-multiplier').inputValue()).toBe('-2');
    await page.getByText('The multiplier must be above 0 (1.5 is +50 %)').first().waitFor();
    expect(await page.getByTestId('item-save').isDisabled()).toBe(true);
    expect(await page.getByTestId('item-save-reason').innerText()).toContain('The multiplier must be above 0');
    await shoot('forms-item-effects');
    await effect.getByRole('textbox', { name: 'Effect 1' }).fill('ADD_BALANCE');
    await page.keyboard.press('Escape');
    await expect.poll(() => effect.getByRole('textbox', { name: 'Multiplier' }).count()).toBe(0);
    await effect.getByRole('textbox', { name: 'Amount' }).fill('300');
    await page.getByTestId('item-save').click();
    await expect.poll(async () => (await one<{ usage: string }>('SELECT usage_data::text AS usage FROM items WHERE id = $1', [id]))?.usage).toBe(
      '{"effects": [{"type": "ADD_BALANCE", "amount": "300"}]}',
    );
    expect(app.consoleErrors).toEqual([]);
  }, STEP_TIMEOUT);
});
