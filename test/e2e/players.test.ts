/**
 * The Players screen in Chromium against the real router and a demo database: find a player,
 * grant an item through the two-step dialog, see it in the inventory and its ledger row; take
 * coins with the exact confirmation; the refusal beyond the balance; timers counting down; the
 * classes and economy views. Screenshots: test-results/players-*.png.
 */
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import * as s from '../../src/main/db/schema.js';
import { testStaff } from '../fixtures/services.js';
import { describeE2E, E2E_START_TIMEOUT, startDeskApp, type DeskApp } from '../fixtures/harness.js';

const NYXARA = 1234567890123456789n; // above 2^53: shown and sent digit for digit
const CLASS_ID = 1234567890123456001n;

describeE2E('the Players screen in Chromium', () => {
  let app: DeskApp;
  let itemId: number;

  beforeAll(async () => {
    app = await startDeskApp({ driver: 'pglite', seed: 'demo', identity: testStaff, viewport: { width: 1440, height: 900 } });
    const { db } = app.database;
    await db.insert(s.classes).values({ id: CLASS_ID, name: 'Starwarden', balance: 25_000n, roleId: '987654321098765432' });
    await db.insert(s.users).values({
      id: NYXARA,
      username: 'nyxara',
      classId: CLASS_ID,
      balance: 1200n,
      xp: 4520n,
      level: 14,
      dailyStreak: 6,
      settings: { locale: 'en-GB', notifications: { dm: false } },
    });
    const [item] = await db.insert(s.items).values({ name: 'Starlit Moonstone', type: 'MATERIAL', rarity: 'Rare', price: 40n, description: 'Hums at night.' }).returning();
    itemId = item!.id;
    await db.insert(s.userTimers).values({ userId: NYXARA, type: 'COOLDOWN', key: 'daily', expiresAt: new Date(Date.now() + 5 * 3600_000 + 12 * 60_000) });
    await db.insert(s.transactions).values({ userId: NYXARA, amount: 250n, type: 'DAILY', description: 'Daily reward (streak 6)' });
  }, E2E_START_TIMEOUT);

  afterAll(async () => {
    await app?.close();
  });

  it('finds a player by a fragment of the name and opens the profile', async () => {
    const { page } = app;
    await app.goto('players');
    const box = page.getByTestId('player-search');
    await box.waitFor();
    await app.screenshot('players-start');
    await box.fill('xar');
    const row = page.getByTestId('player-result').filter({ hasText: 'nyxara' });
    await row.waitFor();
    await row.click();
    await page.getByTestId('player-name').waitFor();
    expect(await page.getByTestId('player-name').innerText()).toBe('nyxara');
    const header = page.getByTestId('player-profile');
    expect(await header.locator(`[data-snowflake="${NYXARA}"]`).count()).toBe(1);
    expect(await page.getByTestId('player-balance').innerText()).toContain('1,200');
    expect(await header.innerText()).toContain('Starwarden');
    await expect.poll(() => page.evaluate(() => window.location.hash)).toContain(`player=${NYXARA}`);
    await app.screenshot('players-profile');
  });

  it('finds the same player by exact Discord ID, listed as the exact match', async () => {
    const { page } = app;
    await page.getByTestId('player-search').fill(NYXARA.toString());
    await expect.poll(() => page.getByTestId('player-results').innerText()).toMatch(/exact match/i);
    expect(await page.getByTestId('player-result').first().innerText()).toContain('nyxara');
  });

  it('grants an item after a review that says exactly what will happen', async () => {
    const { page } = app;
    await page.getByTestId('action-grant-item').click();
    const dialog = page.getByRole('dialog');
    await dialog.getByTestId('action-item').fill('Starlit');
    // The option list mounts when it opens (theme: Combobox keepMounted false).
    await page.getByRole('option', { name: /Starlit Moonstone/ }).waitFor();
    await app.screenshot('players-grant-item-options');
    await page.getByRole('option', { name: /Starlit Moonstone/ }).click();
    await dialog.getByTestId('action-quantity').fill('2');
    await dialog.getByTestId('action-reason').fill('Event prize: lantern festival');
    await dialog.getByTestId('action-review').click();
    const summary = dialog.getByTestId('action-summary');
    await summary.waitFor();
    expect(await summary.innerText()).toContain('Grant 2 × Starlit Moonstone to nyxara (holds 0 → 2)');
    await app.screenshot('players-grant-review');
    await dialog.getByTestId('action-confirm').click();
    await dialog.waitFor({ state: 'detached' });

    const inventoryRow = page.locator(`[data-testid="inventory-row"][data-item="${itemId}"]`);
    await inventoryRow.waitFor();
    expect(await inventoryRow.getByTestId('inventory-quantity').innerText()).toBe('2');
    expect(await inventoryRow.innerText()).toContain('Starlit Moonstone');
    await app.screenshot('players-inventory');

    // The bot's ledger has the row, in the same transaction as the stack.
    const [row] = await app.database.db
      .select()
      .from(s.itemTransactions)
      .where(and(eq(s.itemTransactions.userId, NYXARA), eq(s.itemTransactions.itemId, itemId)));
    expect(row).toMatchObject({ quantity: 2n, type: 'STAFF_GRANT', relatedUserId: null });
    expect(row?.description).toContain(`${testStaff.name} (${testStaff.id}): Event prize: lantern festival`);
  });

  it('shows the ledger row under Transactions → Items', async () => {
    const { page } = app;
    await page.getByTestId('tab-transactions').click();
    await page.getByTestId('ledger-kind').getByText('Items').click();
    const ledgerRow = page.locator('[data-testid="ledger-row"][data-type="STAFF_GRANT"]');
    await ledgerRow.waitFor();
    const text = await ledgerRow.innerText();
    expect(text).toContain('Starlit Moonstone');
    expect(text).toContain('+2');
    expect(text).toContain('Event prize: lantern festival');
    await app.screenshot('players-ledger');
  });

  it('takes coins with the exact confirmation, and refuses more than the balance keeping the input', async () => {
    const { page } = app;
    await page.getByTestId('action-take-coins').click();
    const dialog = page.getByRole('dialog');
    await dialog.getByTestId('action-amount').fill('500');
    await dialog.getByTestId('action-reason').fill('Refund of a duplicated reward');
    await dialog.getByTestId('action-review').click();
    expect(await dialog.getByTestId('action-summary').innerText()).toContain('Take 500 coins from nyxara (balance 1,200 → 700)');
    await app.screenshot('players-take-review');
    await dialog.getByTestId('action-confirm').click();
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => page.getByTestId('player-balance').innerText()).toContain('700');

    // The form refuses a take beyond the balance before sending anything.
    await page.getByTestId('action-take-coins').click();
    await dialog.getByTestId('action-amount').fill('701');
    await dialog.getByTestId('action-reason').fill('Too much on purpose');
    await dialog.getByTestId('action-review').click();
    await dialog.getByText('a balance never goes below zero').waitFor();
    expect(await dialog.getByTestId('action-amount').inputValue()).toBe('701');
    await app.screenshot('players-take-refused');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    // That Escape belonged to the dialog: the profile stays open.
    expect(await page.getByTestId('player-name').isVisible()).toBe(true);
    const [user] = await app.database.db.select().from(s.users).where(eq(s.users.id, NYXARA));
    expect(user?.balance).toBe(700n);
  });

  it('follows a balance change the bot makes, live', async () => {
    const { page } = app;
    await app.database.query('UPDATE users SET balance = balance + 5, updated_at = now() WHERE id = $1', [NYXARA.toString()]);
    await expect.poll(() => page.getByTestId('player-balance').innerText(), { timeout: 15_000 }).toContain('705');
    await expect.poll(() => page.getByTestId('player-result').first().innerText(), { timeout: 15_000 }).toContain('705');
  });

  it('counts timers down live', async () => {
    const { page } = app;
    await page.getByTestId('tab-timers').click();
    const countdown = page.getByTestId('timer-countdown').first();
    await countdown.waitFor();
    const first = await countdown.innerText();
    expect(first).toMatch(/^in 5:1\d:\d\d$/);
    await expect.poll(() => countdown.innerText(), { timeout: 5000 }).not.toBe(first);
    await app.screenshot('players-timers');
  });

  it('shows the moderation summary and the account settings as text', async () => {
    const { page } = app;
    await page.getByTestId('tab-moderation').click();
    await page.getByTestId('open-moderation').waitFor();
    await page.getByTestId('tab-account').click();
    expect(await page.getByTestId('player-settings').innerText()).toContain('"locale": "en-GB"');
  });

  it('shows the classes and the economy overview', async () => {
    const { page } = app;
    await page.getByTestId('players-view').getByText('Classes').click();
    await page.getByTestId('classes-table').waitFor();
    expect(await page.getByTestId('classes-table').innerText()).toContain('Starwarden');
    await app.screenshot('players-classes');
    await page.getByTestId('players-view').getByText('Economy').click();
    await page.getByTestId('economy-overview').waitFor();
    // The demo world's history ends at its anchor date: a year shows it.
    await page.getByTestId('economy-overview').getByText('Year').click();
    await page.locator('.recharts-surface').first().waitFor();
    await expect.poll(() => page.getByTestId('economy-overview').innerText()).toMatch(/transactions, 365 days/i);
    expect(await page.getByTestId('item-supply').innerText()).toContain('Starlit Moonstone');
    await app.screenshot('players-economy');
  });

  it('jumps to a player from the command palette by name', async () => {
    const { page } = app;
    // The palette's shortcut is ignored inside form fields (the last click was a segmented control).
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.keyboard.press('Control+k');
    const search = page.getByPlaceholder('Go to a page, find a player, case, quest or item…');
    await search.fill('nyxar');
    const action = page.getByRole('button', { name: /nyxara/ }).first();
    await action.waitFor();
    await app.screenshot('players-palette');
    await action.click();
    await search.waitFor({ state: 'hidden' });
    await page.getByTestId('player-name').waitFor();
    expect(await page.getByTestId('player-name').innerText()).toBe('nyxara');
  });

  it('looks right in the light theme too, without console errors', async () => {
    const { page } = app;
    const scheme = () => page.evaluate(() => document.documentElement.getAttribute('data-mantine-color-scheme'));
    await page.getByTestId('theme-toggle').click();
    await expect.poll(scheme).toBe('light');
    // A link straight to the profile (what the palette and other screens use).
    await page.evaluate((hash) => {
      window.location.hash = hash;
    }, `#/players?player=${NYXARA}`);
    await page.getByTestId('player-name').waitFor();
    await page.getByTestId('tab-transactions').click();
    await page.getByTestId('ledger-row').first().waitFor();
    await app.screenshot('players-profile-light');
    await page.getByTestId('theme-toggle').click();
    await expect.poll(scheme).toBe('dark');
    expect(app.consoleErrors).toEqual([]);
  });
});
