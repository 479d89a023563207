/**
 * A case whose Discord outcome the desk never recorded (the desk "stopped" after asking Discord:
 * its outcome write fails), in Chromium against the real host, PostgreSQL and the fake Discord:
 * the queue row and the case detail say "Discord outcome unknown" with the action, and `d` asks
 * Discord again, after which the case shows what Discord did.
 * Screenshots: test-results/moderation-discord-unknown.png, moderation-discord-retried.png.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeE2E, E2E_START_TIMEOUT, startDeskApp, type DeskApp } from '../fixtures/harness.js';
import { startFakeDiscord, type FakeDiscord } from '../fixtures/fake-discord.js';
import { callerFor, testStaff } from '../fixtures/services.js';

const GUILD = 1400000000000000001n;
const TARGET = 1234567890123450911n;

describeE2E(
  'a Discord outcome the desk never recorded, in Chromium (PostgreSQL, fake Discord)',
  () => {
    let app: DeskApp;
    let fake: FakeDiscord;
    let caseId: string;

    beforeAll(async () => {
      fake = await startFakeDiscord();
      // Discord is configured before the page opens, so the page's first look at its status already says so.
      app = await startDeskApp({ driver: 'postgres', seed: 'demo', identity: testStaff, area: 'moderation/active', discord: { guildId: GUILD, token: fake.token, apiBase: fake.apiBase } });
      // Discord fails the ban (500, then the client's one retry), and the desk stops before it
      // can record even that: the case is left as a desk that died would leave it.
      await app.database.query(`
        CREATE FUNCTION aurora_desk.test_desk_stopped() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN RAISE EXCEPTION 'the desk stopped before it recorded what Discord answered'; END $$`);
      await app.database.query(`
        CREATE TRIGGER test_desk_stopped BEFORE UPDATE ON aurora_desk.discord_outbox
        FOR EACH ROW WHEN (NEW.state <> 'pending') EXECUTE FUNCTION aurora_desk.test_desk_stopped()`);
      fake.failNext({ method: 'PUT', path: `/bans/${TARGET}`, kind: 'server-error', times: 2 });
      try {
        const opened = await callerFor(app.host).moderation.open({ type: 'ban', userId: TARGET.toString(), username: 'raid_alt_7', reason: 'Raid from an alt account' });
        caseId = opened.summary.caseId ?? '';
      } finally {
        await app.database.query('DROP TRIGGER test_desk_stopped ON aurora_desk.discord_outbox');
        await app.database.query('DROP FUNCTION aurora_desk.test_desk_stopped()');
      }
    }, E2E_START_TIMEOUT);

    afterAll(async () => {
      await app?.close();
      await fake?.close();
    });

    it('shows the unknown outcome on the queue row and the case, with the action', async () => {
      const { page } = app;
      const row = page.locator(`[data-testid="case-row"][data-case-id="${caseId}"]`);
      await row.waitFor({ timeout: 15_000 });
      expect(await row.getByTestId('row-discord-unknown').innerText()).toMatch(/ban unknown/i);
      await row.click();
      const notice = page.getByTestId('discord-unknown');
      await notice.waitFor({ timeout: 10_000 });
      expect(await notice.getAttribute('data-action')).toBe('ban');
      const text = await notice.innerText();
      expect(text).toContain('Discord outcome unknown');
      expect(text).toContain(`${testStaff.name} asked Discord to ban the member`);
      expect(await page.getByTestId('discord-retry').isEnabled()).toBe(true);
      await app.screenshot('moderation-discord-unknown');
      expect(app.consoleErrors).toEqual([]);
    });

    it('asks Discord again with d, and the case then shows what Discord did', async () => {
      const { page } = app;
      expect(fake.bans.has(`${GUILD}:${TARGET}`)).toBe(false);
      await page.keyboard.press('d');
      await page.getByTestId('discord-unknown').waitFor({ state: 'detached', timeout: 15_000 });
      expect(fake.bans.has(`${GUILD}:${TARGET}`)).toBe(true);
      await expect.poll(() => page.getByTestId('case-timeline').innerText(), { timeout: 10_000 }).toMatch(/on Discord: member banned/);
      await page.locator(`[data-testid="case-row"][data-case-id="${caseId}"] [data-testid="row-discord-unknown"]`).waitFor({ state: 'detached' });
      await app.screenshot('moderation-discord-retried');
      const { rows } = await app.database.query<{ state: string }>(
        `SELECT state FROM aurora_desk.discord_outbox WHERE subject_label = $1 ORDER BY id`,
        [`case ${caseId}`],
      );
      expect(rows.map((r) => r.state)).toEqual(['retried', 'ok']);
      expect(app.consoleErrors).toEqual([]);
    });
  },
  'postgres',
);
