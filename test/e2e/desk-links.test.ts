/**
 * Desk links and pop-outs in Chromium, through the web harness: a desk link
 * (aurora-desk://case/42, …) is opened as the harness' /link URL, which the app's own parser
 * reads and turns into the screen's route; "Copy desk link" copies the link that opens the
 * same place; a pop-out opens the place in a new tab with its own connection, as the app opens
 * a new window.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { DESK_LINK_PATH } from '../../src/main/web/harness.js';
import { describeE2E, E2E_START_TIMEOUT, startDeskApp, type DeskApp } from '../fixtures/harness.js';
import { testStaff } from '../fixtures/services.js';

const DROP = '1400000000000000001';

describeE2E('desk links and pop-outs, in Chromium', () => {
  let app: DeskApp;
  let caseId: string;
  let playerId: string;
  let quest: { id: string; name: string };

  beforeAll(async () => {
    app = await startDeskApp({ identity: testStaff });
    const { database } = app;
    caseId = String((await database.query<{ id: string }>('SELECT id::text AS id FROM moderation_cases ORDER BY id DESC LIMIT 1')).rows[0]!.id);
    playerId = String((await database.query<{ id: string }>('SELECT id::text AS id FROM users WHERE id >= 100000000000000 ORDER BY id LIMIT 1')).rows[0]!.id);
    quest = (await database.query<{ id: string; name: string }>('SELECT id::text AS id, name FROM quests ORDER BY id LIMIT 1')).rows[0]!;
    await database.query(
      `INSERT INTO lootdrops (message_id, channel_id, reward_amount, currency, created_at, expires_at)
       VALUES ($1, '1400000000000000002', 75, 'coins', now(), now() + interval '1 hour')`,
      [DROP],
    );
  }, E2E_START_TIMEOUT);

  afterAll(() => app?.close());

  const linkUrl = (link: string) => `${app.harness.origin}${DESK_LINK_PATH}?to=${encodeURIComponent(link)}&token=${encodeURIComponent(app.harness.token)}`;
  const hash = () => app.page.evaluate(() => window.location.hash);

  it('opens a case from its desk link', async () => {
    const { page } = app;
    await page.goto(linkUrl(`aurora-desk://case/${caseId}`));
    await page.getByTestId('case-detail').waitFor({ state: 'visible' });
    expect(await page.getByTestId('case-detail').innerText()).toContain(`#${caseId}`);
    expect(await hash()).toBe(`#/moderation/recent?case=${caseId}`);
  });

  it('copies the desk link of the open case, which opens that case', async () => {
    const { page } = app;
    const button = page.getByTestId('case-detail').getByTestId('copy-desk-link');
    await button.click();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toBe(`aurora-desk://case/${caseId}`);
    await page.goto(linkUrl(copied));
    await expect.poll(hash).toBe(`#/moderation/recent?case=${caseId}`);
  });

  it('opens a player profile from its desk link, and its copy button gives the same link', async () => {
    const { page } = app;
    await page.goto(linkUrl(`aurora-desk://player/${playerId}`));
    const profile = page.getByTestId('player-profile');
    await profile.waitFor({ state: 'visible' });
    expect(await profile.getByTestId('copy-desk-link').getAttribute('data-link')).toBe(`aurora-desk://player/${playerId}`);
    expect(await hash()).toBe(`#/players?player=${playerId}`);
  });

  it('opens a quest from its desk link', async () => {
    const { page } = app;
    await page.goto(linkUrl(`aurora-desk://quest/${quest.id}`));
    const editor = page.getByTestId('quest-editor');
    await editor.waitFor({ state: 'visible' });
    await expect.poll(() => editor.getByTestId('copy-desk-link').getAttribute('data-link')).toBe(`aurora-desk://quest/${quest.id}`);
    expect(await hash()).toBe(`#/quests/${quest.id}`);
  });

  it('opens the lootdrop board with the linked drop focused', async () => {
    const { page } = app;
    await page.goto(linkUrl(`aurora-desk://lootdrop/${DROP}`));
    const row = page.locator(`[data-testid="active-row"][data-message-id="${DROP}"]`);
    await row.waitFor({ state: 'visible' });
    await expect.poll(() => row.getAttribute('data-focused')).toBe('true');
    expect(await row.getByTestId('copy-desk-link').getAttribute('data-link')).toBe(`aurora-desk://lootdrop/${DROP}`);
  });

  it('refuses anything else a link may carry, and serves no page for it', async () => {
    for (const link of ['aurora-desk://settings/1', 'aurora-desk://case/42?resolve=1', 'javascript:alert(1)', `aurora-desk://case/${caseId}/../../settings`]) {
      const response = await app.page.request.get(linkUrl(link), { maxRedirects: 0 });
      expect(response.status(), link).toBe(400);
      expect(await response.text(), link).toMatch(/not a desk link this desk opens/);
    }
    const withoutToken = await app.page.request.get(`${app.harness.origin}${DESK_LINK_PATH}?to=${encodeURIComponent(`aurora-desk://case/${caseId}`)}`, { maxRedirects: 0 });
    expect(withoutToken.status()).toBe(403);
  });

  it('pops a case out into its own tab with its own connection, and the first tab goes on', async () => {
    const { page, context } = app;
    await page.goto(linkUrl(`aurora-desk://case/${caseId}`));
    await page.getByTestId('case-detail').waitFor({ state: 'visible' });
    const opened = context.waitForEvent('page');
    await page.getByTestId('case-detail').getByTestId('pop-out').click();
    const popOut = await opened;
    await popOut.getByTestId('case-detail').waitFor({ state: 'visible' });
    expect(await popOut.getByTestId('case-detail').innerText()).toContain(`#${caseId}`);
    expect(await popOut.evaluate(() => window.location.hash)).toBe(`#/moderation/recent?case=${caseId}&window=pop-out`);
    // Its own live feed: the status bar of the new tab reaches "live" on its own stream.
    await expect.poll(() => popOut.getByTestId('status-live').getAttribute('data-mode'), { timeout: 15_000 }).toBe('live');
    await popOut.close();
    await page.getByTestId('case-detail').getByTestId('copy-desk-link').click();
    expect(await page.getByTestId('status-live').getAttribute('data-mode')).toBe('live');
  });

  it('pops the lootdrop board out into its own tab', async () => {
    const { page, context } = app;
    await app.goto('lootdrops');
    const opened = context.waitForEvent('page');
    await page.getByTestId('pop-out').click();
    const popOut = await opened;
    await popOut.locator(`[data-testid="active-row"][data-message-id="${DROP}"]`).waitFor({ state: 'visible' });
    await popOut.close();
    // Opening one desk link after another navigates away from requests still in flight: those
    // end ERR_ABORTED by design. Nothing else may have failed.
    expect(app.consoleErrors.filter((line) => !line.endsWith('net::ERR_ABORTED'))).toEqual([]);
  });
});
