/**
 * A moderation action Discord refuses (403 Missing Permissions), in Chromium against the real
 * host and the fake Discord: the queue row says "ban refused", the case shows a warning naming
 * the missing permission, `d` retries it; the resolve dialog leaves a ban in place unless asked;
 * the ban form offers to delete the member's recent messages.
 * Screenshots (960x600 and 1440x900) in /tmp/df-shots.
 */
import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeE2E, E2E_START_TIMEOUT, startDeskApp, type DeskApp } from '../fixtures/harness.js';
import { startFakeDiscord, type FakeDiscord } from '../fixtures/fake-discord.js';
import { callerFor, testStaff } from '../fixtures/services.js';

const GUILD = 1400000000000000001n;
const TARGET = 1234567890123450922n;
const SHOTS = '/tmp/df-shots';

describeE2E('a moderation action Discord refused, in Chromium (fake Discord)', () => {
  let app: DeskApp;
  let fake: FakeDiscord;
  let caseId: string;

  beforeAll(async () => {
    fake = await startFakeDiscord();
    // Discord is configured before the page opens, so the page's first look at its status already says so.
    app = await startDeskApp({ driver: 'pglite', seed: 'demo', identity: testStaff, area: 'moderation/active', discord: { guildId: GUILD, token: fake.token, apiBase: fake.apiBase } });
    fake.failNext({ method: 'PUT', path: `/bans/${TARGET}`, kind: 'forbidden' });
    const opened = await callerFor(app.host).moderation.open({ type: 'ban', userId: TARGET.toString(), username: 'raid_alt_9', reason: 'Raid from an alt account' });
    caseId = opened.summary.caseId!;
    mkdirSync(SHOTS, { recursive: true });
    app.page.setDefaultTimeout(10_000);
  }, E2E_START_TIMEOUT);

  afterAll(async () => {
    await app?.close();
    await fake?.close();
  });

  async function shots(name: string) {
    for (const size of [{ width: 960, height: 600 }, { width: 1440, height: 900 }]) {
      await app.page.setViewportSize(size);
      await app.page.screenshot({ path: `${SHOTS}/${name}-${size.width}.png` });
    }
  }

  it('shows the refusal on the queue row and as a warning on the case, naming the permission', async () => {
    const { page } = app;
    const row = page.locator(`[data-testid="case-row"][data-case-id="${caseId}"]`);
    await row.waitFor({ timeout: 15_000 });
    expect(await row.getByTestId('row-discord-unknown').innerText()).toMatch(/ban refused/i);
    await row.click();
    const notice = page.getByTestId('discord-unknown');
    await notice.waitFor({ timeout: 10_000 });
    expect(await notice.getAttribute('data-state')).toBe('refused');
    const text = await notice.innerText();
    expect(text).toContain('Not carried out on Discord');
    expect(text).toContain('missing permission Ban Members');
    await shots('moderation-discord-refused');
  });

  it('retries with d, and the warning goes once Discord has banned the member', async () => {
    const { page } = app;
    await page.keyboard.press('d');
    await page.getByTestId('discord-unknown').waitFor({ state: 'detached', timeout: 15_000 });
    expect(fake.bans.has(`${GUILD}:${TARGET}`)).toBe(true);
  });

  it('resolving the ban leaves it on Discord unless asked, and says so', async () => {
    const { page } = app;
    await page.keyboard.press('r');
    const dialog = page.getByTestId('resolve-dialog');
    await page.getByTestId('resolve-reason').waitFor();
    expect(await page.getByTestId('resolve-lift').isChecked()).toBe(false);
    expect(await page.getByRole('dialog').innerText()).toMatch(/closes the case only: the ban stays in place on Discord/);
    await shots('moderation-resolve-dialog');
    await page.getByTestId('resolve-reason').fill('Handled');
    await page.getByTestId('resolve-confirm').click();
    await dialog.waitFor({ state: 'detached' });
    expect(fake.requests.filter((r) => r.method === 'DELETE')).toEqual([]);
    expect(fake.bans.has(`${GUILD}:${TARGET}`)).toBe(true);
  });

  it('offers to delete the member\'s recent messages when banning, and sends the choice to Discord', async () => {
    const { page } = app;
    const member = 1234567890123450933n;
    await page.getByRole('button', { name: /Open case/ }).click();
    const dialog = page.getByTestId('open-case-dialog');
    await dialog.locator('label', { hasText: /^Ban$/ }).click();
    await page.getByTestId('open-case-member').fill(member.toString());
    await dialog.getByLabel('Reason').fill('Raid account');
    await page.getByTestId('ban-delete-messages').click();
    await page.getByRole('option', { name: 'The last 24 hours' }).click();
    await shots('moderation-ban-delete-messages');
    await page.getByTestId('open-case-confirm').click();
    await expect.poll(() => fake.requests.find((r) => r.method === 'PUT' && r.path.endsWith(`/bans/${member}`))?.body).toEqual({ delete_message_seconds: 86_400 });
    await page.getByRole('dialog', { name: 'Open a case' }).waitFor({ state: 'detached' });
  });
});
