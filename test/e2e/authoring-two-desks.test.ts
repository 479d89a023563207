/**
 * Two desks on one PostgreSQL database, each with its editor open on the same quest or item.
 * What one saves shows in the other at once (a banner naming the fields, the form showing their
 * values); edits to different fields merge without asking; a field both changed asks theirs /
 * mine / the original before the save, and keeps the choice.
 * Screenshots: test-results/two-desks-banner-{960,1440}.png, two-desks-choice-{960,1440}.png,
 * two-desks-item-banner.png.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { AuroraDatabase } from '../../src/main/core/database.js';
import { describeE2E, E2E_START_TIMEOUT, startDeskApp, type DeskApp } from '../fixtures/harness.js';
import { LYRA, ORIN } from '../fixtures/quest-world.js';

const STEP_TIMEOUT = 120_000;

async function seedTwoRows(database: AuroraDatabase): Promise<void> {
  await database.query(
    `INSERT INTO quests (name, description, trigger_event, requirements, rewards)
     VALUES ('Tavern chatter', 'Talk in the tavern.', 'MESSAGE_SENT', '{"target": 50}', '{"xp": 100, "currency": "500"}')`,
  );
  await database.query(`INSERT INTO items (name, description, rarity, type, usage_data, price) VALUES ('Moonstone', 'Glows at night.', 'Rare', 'MATERIAL', '{"stackable": true}', 25)`);
}

describeE2E(
  'two desks editing the same quest and item (PostgreSQL)',
  () => {
    let lyra: DeskApp;
    let orin: DeskApp;
    let questId: number;
    let itemId: number;
    const quest = async () =>
      (await lyra.database.query<{ requirements: { target: number }; rewards: { xp: number } }>('SELECT requirements, rewards FROM quests WHERE id = $1', [questId])).rows[0]!;
    const openQuest = async (desk: DeskApp) => {
      await desk.goto(`quests/${questId}`);
      await expect.poll(() => desk.page.getByTestId('quest-name').inputValue()).toBe('Tavern chatter');
    };
    const saved = async (desk: DeskApp, noun: string) => {
      await desk.page.getByTestId(`${noun}-save`).click();
      await desk.page.getByTestId(`${noun}-editor`).getByText('unsaved').waitFor({ state: 'hidden' });
    };

    beforeAll(async () => {
      lyra = await startDeskApp({ driver: 'postgres', seed: seedTwoRows, identity: LYRA, area: 'quests' });
      orin = await startDeskApp({ driver: 'postgres', joining: lyra, identity: ORIN, area: 'quests' });
      questId = (await lyra.database.query<{ id: number }>(`SELECT id FROM quests WHERE name = 'Tavern chatter'`)).rows[0]!.id;
      itemId = (await lyra.database.query<{ id: number }>(`SELECT id FROM items WHERE name = 'Moonstone'`)).rows[0]!.id;
    }, E2E_START_TIMEOUT);

    afterAll(async () => {
      await orin?.close();
      await lyra?.close();
    }, STEP_TIMEOUT);

    it('merges a raised target and a changed XP, and names the change in the other editor before its save', async () => {
      await openQuest(lyra);
      await openQuest(orin);
      await orin.page.getByTestId('quest-xp').fill('150');
      await lyra.page.getByTestId('quest-target').fill('60');
      await saved(lyra, 'quest');
      expect((await quest()).requirements.target).toBe(60);

      // Orin's editor shows it at once, before any save: the banner names the field, the form shows 60.
      const banner = orin.page.getByTestId('quest-changed-underneath');
      await banner.waitFor();
      expect(await banner.innerText()).toContain('Target');
      await expect.poll(() => orin.page.getByTestId('quest-target').inputValue()).toBe('60');
      expect(await orin.page.getByTestId('quest-xp').inputValue()).toBe('150');
      await orin.page.setViewportSize({ width: 960, height: 600 });
      await orin.screenshot('two-desks-banner-960');
      await orin.page.setViewportSize({ width: 1440, height: 900 });
      await orin.screenshot('two-desks-banner-1440');

      await saved(orin, 'quest');
      expect(await quest()).toMatchObject({ requirements: { target: 60 }, rewards: { xp: 150, currency: '500' } });
      // Lyra had nothing unsaved: her editor shows Orin's XP, and says so.
      await expect.poll(() => lyra.page.getByTestId('quest-xp').inputValue()).toBe('150');
      expect(await lyra.page.getByTestId('quest-changed-underneath').innerText()).toContain('XP');
      expect(await lyra.page.getByTestId('quest-target').inputValue()).toBe('60');
    }, STEP_TIMEOUT);

    it('asks theirs, mine or the original only for a field both changed, and keeps the choice', async () => {
      await lyra.page.getByTestId('quest-target').fill('70');
      await orin.page.getByTestId('quest-target').fill('80');
      await orin.page.getByTestId('quest-description').fill('Talk in the tavern, loudly.');
      await saved(lyra, 'quest');

      const banner = orin.page.getByTestId('quest-changed-underneath');
      await expect.poll(() => banner.innerText()).toContain('You changed Target too');
      // Mine stays in the form until chosen; Save asks first.
      expect(await orin.page.getByTestId('quest-target').inputValue()).toBe('80');
      await orin.page.getByTestId('quest-save').click();
      const compare = orin.page.getByTestId('conflict-compare');
      await compare.waitFor();
      const row = compare.locator('[data-conflict-field="requirements.target"]');
      expect(await row.innerText()).toMatch(/70[\s\S]*80[\s\S]*60/);
      expect(await compare.locator('[data-conflict-field]').count()).toBe(1);
      expect(await compare.getByTestId('conflict-save').isDisabled()).toBe(true);
      expect(await compare.getByTestId('conflict-save-reason').innerText()).toContain('Choose a value');
      await orin.page.setViewportSize({ width: 960, height: 600 });
      await orin.screenshot('two-desks-choice-960');
      await orin.page.setViewportSize({ width: 1440, height: 900 });
      await orin.screenshot('two-desks-choice-1440');
      await compare.getByTestId('conflict-choose-original-requirements.target').check();
      await compare.getByTestId('conflict-save').click();
      await compare.waitFor({ state: 'hidden' });
      await expect.poll(async () => (await quest()).requirements.target).toBe(60);
      const stored = (await lyra.database.query<{ description: string }>('SELECT description FROM quests WHERE id = $1', [questId])).rows[0]!;
      expect(stored.description).toBe('Talk in the tavern, loudly.');
      await expect.poll(() => lyra.page.getByTestId('quest-target').inputValue()).toBe('60');
    }, STEP_TIMEOUT);

    it('merges item edits the same way: a price on one desk, a name on the other', async () => {
      await lyra.goto(`items/${itemId}`);
      await orin.goto(`items/${itemId}`);
      await expect.poll(() => orin.page.getByTestId('item-name').inputValue()).toBe('Moonstone');
      await expect.poll(() => lyra.page.getByTestId('item-name').inputValue()).toBe('Moonstone');
      await orin.page.getByTestId('item-name').fill('Moonstone shard');
      await lyra.page.getByLabel('Price').fill('30');
      await saved(lyra, 'item');
      const banner = orin.page.getByTestId('item-changed-underneath');
      await banner.waitFor();
      expect(await banner.innerText()).toContain('Price');
      await expect.poll(() => orin.page.getByLabel('Price').inputValue()).toBe('30');
      await orin.screenshot('two-desks-item-banner');
      await saved(orin, 'item');
      const item = (await lyra.database.query<{ name: string; price: string }>('SELECT name, price::text AS price FROM items WHERE id = $1', [itemId])).rows[0]!;
      expect(item).toEqual({ name: 'Moonstone shard', price: '30' });
      expect(lyra.consoleErrors).toEqual([]);
      expect(orin.consoleErrors).toEqual([]);
    }, STEP_TIMEOUT);
  },
  'postgres',
);
