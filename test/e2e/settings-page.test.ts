/**
 * The Settings page in Chromium against the real host: the staff identity set through the form
 * (and refused in words when wrong, keeping what was typed), the Discord token write-only, a
 * connection profile tested and a failed switch that leaves the desk where it was, a switch to
 * PostgreSQL and back, and the audit log with its filters.
 * Screenshots: test-results/settings-*.png.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createScratchDatabase, type ScratchDatabase } from '../fixtures/databases.js';
import { hasPostgres, noPostgresReason } from '../fixtures/environment.js';
import { startFakeDiscord, type FakeDiscord } from '../fixtures/fake-discord.js';
import { describeE2E, E2E_START_TIMEOUT, startDeskApp, type DeskApp } from '../fixtures/harness.js';

const TOKEN = 'MTEwMDAwMDAwMDAwMDAwMDAwMQ.Gq1Xy2.e2e-token-never-shown-again';
const PASSWORD = 'e2e-Secret-pw';

describeE2E('the Settings page in Chromium', () => {
  let app: DeskApp;
  let scratch: ScratchDatabase | undefined;
  let fake: FakeDiscord;
  /**
   * Error answers the test provokes on purpose: the refused identity (400) and the refused
   * switch (503), seen once as the failed request and once as Chromium's console line for it.
   */
  const expected = (line: string) =>
    /settings\.setIdentity.*HTTP 400|settings\.switchProfile.*HTTP 503|status of (400 \(Bad Request\)|503 \(Service Unavailable\))/.test(line);

  beforeAll(async () => {
    // Saving the Discord settings tries them: against the fake Discord, never Discord itself.
    fake = await startFakeDiscord({ token: TOKEN });
    app = await startDeskApp({ driver: 'pglite', seed: 'none', area: 'settings', discord: { guildId: null, apiBase: fake.apiBase } });
    if (hasPostgres) scratch = await createScratchDatabase('postgres');
  }, E2E_START_TIMEOUT);

  afterAll(async () => {
    await app?.close();
    await fake?.close();
    await scratch?.drop();
  });

  it('shows the current connection and the embedded profile', async () => {
    const { page } = app;
    await page.getByTestId('current-connection').waitFor();
    expect(await page.getByTestId('current-connection').innerText()).toContain('the embedded demo database');
    expect((await page.getByTestId('profile-embedded').innerText()).toLowerCase()).toContain('in use');
    await app.screenshot('settings-connection');
  });

  it('sets the staff identity through the form, refusing a bad ID in words', async () => {
    const { page } = app;
    await page.getByTestId('settings-tab-identity').click();
    await page.getByTestId('identity-id').fill('12ab');
    await page.getByTestId('identity-name').fill('Nyx');
    await page.getByTestId('identity-save').click();
    await page.getByText('A Discord ID is 15 to 20 digits').waitFor();
    expect(await page.getByTestId('identity-name').inputValue()).toBe('Nyx'); // kept
    await page.getByTestId('identity-id').fill('1100000000000000001');
    await page.getByTestId('identity-save').click();
    await expect.poll(() => page.getByTestId('status-identity').innerText()).toContain('Acting as Nyx');
    expect(await page.getByTestId('status-identity').innerText()).toContain('1100000000000000001');
    await app.screenshot('settings-identity');
  });

  it('keeps the Discord token write-only', async () => {
    const { page } = app;
    await page.getByTestId('settings-tab-discord').click();
    expect(await page.getByTestId('discord-token-state').innerText()).toMatch(/token not set/i);
    await page.getByLabel('Server (guild) ID').fill('987654321098765432');
    await page.getByLabel('Bot token').fill(TOKEN);
    await page.getByRole('button', { name: 'Save Discord settings' }).click();
    await expect.poll(() => page.getByTestId('discord-token-state').innerText()).toMatch(/token set/i);
    await page.getByTestId('discord-check').waitFor();
    expect(fake.requests.map((r) => `${r.method} ${r.path}`)).toContain('GET /users/@me');
    await page.reload();
    await page.getByTestId('discord-token-state').waitFor();
    expect(await page.content()).not.toContain(TOKEN);
    expect(await page.getByLabel('Bot token').inputValue()).toBe('');
    await app.screenshot('settings-discord');
  });

  it('tests an unreachable profile and keeps the connection when switching to it fails', async () => {
    const { page } = app;
    await page.getByTestId('settings-tab-connection').click();
    await page.getByTestId('profile-add').click();
    const form = page.getByTestId('profile-form');
    await form.getByLabel('Name').fill('Nowhere');
    await form.getByLabel('Database URL').fill('postgres://aurora@127.0.0.1:1/aurora');
    await form.getByLabel('Password').fill(PASSWORD);
    await page.getByTestId('profile-form-test').click();
    await page.getByTestId('test-result').waitFor();
    expect(await page.getByTestId('test-result').getAttribute('data-ok')).toBe('false');
    expect(await page.getByTestId('test-result').innerText()).toContain('connection refused');
    await app.screenshot('settings-test-failed');
    await page.getByTestId('profile-form-save').click();
    await form.waitFor({ state: 'detached' });

    const row = page.locator('[data-testid^="profile-pg-"]', { hasText: 'Nowhere' });
    expect((await row.innerText()).toLowerCase()).toMatch(/\bset\b/); // the password: set, never shown
    await row.getByRole('button', { name: 'Use' }).click();
    await page.getByText(/Could not switch to "Nowhere"/).first().waitFor();
    expect(await page.getByTestId('status-connection').innerText()).toContain('Embedded demo database');
    expect((await page.getByTestId('profile-embedded').innerText()).toLowerCase()).toContain('in use');
    expect(await page.content()).not.toContain(PASSWORD);
  });

  if (!hasPostgres) console.warn(`[settings page: switch to PostgreSQL] skipped: ${noPostgresReason}`);
  it.skipIf(!hasPostgres)('switches to PostgreSQL and back without a restart', async () => {
    if (!scratch) throw new Error('no scratch database');
    const { page } = app;
    await page.getByTestId('profile-add').click();
    const form = page.getByTestId('profile-form');
    await form.getByLabel('Name').fill('Scratch');
    await form.getByLabel('Database URL').fill(scratch.url!);
    await page.getByTestId('profile-form-test').click();
    await page.getByTestId('schema-empty').waitFor();
    await page.getByTestId('profile-form-save').click();
    await form.waitFor({ state: 'detached' });
    const row = page.locator('[data-testid^="profile-pg-"]', { hasText: 'Scratch' });
    await row.getByRole('button', { name: 'Use' }).click();
    const label = new URL(scratch.url!).host + new URL(scratch.url!).pathname;
    await expect.poll(() => page.getByTestId('status-connection').innerText(), { timeout: 30_000 }).toContain(label);
    await expect.poll(async () => (await row.innerText()).toLowerCase()).toContain('in use');
    await app.screenshot('settings-switched');
    await page.getByTestId('profile-switch-embedded').click();
    await expect.poll(() => page.getByTestId('status-connection').innerText(), { timeout: 30_000 }).toContain('Embedded demo database');
  });

  it('lists staff actions in the audit log, filterable', async () => {
    const { page } = app;
    await page.getByTestId('settings-tab-audit').click();
    const log = page.getByTestId('audit-log');
    await log.getByText('settings.setIdentity').first().waitFor();
    await log.getByText('Failed', { exact: true }).click();
    await log.getByText('settings.switchProfile').first().waitFor();
    // Only the refused identity (the bad ID typed above) is left of the identity changes.
    await expect.poll(() => log.getByText('settings.setIdentity').count()).toBe(1);
    await app.screenshot('settings-audit');
    expect(app.consoleErrors.filter((line) => !expected(line))).toEqual([]);
    expect(app.consoleErrors.filter(expected)).toHaveLength(4);
  });
});
