/**
 * Coins on the Players screen in Chromium, with the bot writing to the same database meanwhile:
 * a take refused because the bot spent coins during the review keeps its summary and says the
 * new balance; "take all" takes the whole balance as reviewed and is checked again at confirm;
 * the economy view links its top holders to their profiles, counts transactions in whole
 * numbers and flags a balance far outside the rest. Screenshots: test-results/coins-*.png.
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import * as s from '../../src/main/db/schema.js';
import { testStaff } from '../fixtures/services.js';
import { describeE2E, E2E_START_TIMEOUT, startDeskApp, type DeskApp } from '../fixtures/harness.js';

const NYXARA = 1234567890123456789n;
const HOARDER = 1234567890123456790n;
const OTHERS = [1234567890123456791n, 1234567890123456792n, 1234567890123456793n, 1234567890123456794n];

describeE2E('coins on the Players screen in Chromium', () => {
  let app: DeskApp;
  const balance = async (id: bigint) => (await app.database.db.select({ b: s.users.balance }).from(s.users).where(eq(s.users.id, id)))[0]?.b;
  /** As the bot would: a balance change with its own ledger row, while the desk is open. */
  const botMoves = async (id: bigint, delta: number) => {
    await app.database.query('UPDATE users SET balance = balance + $2, updated_at = now() WHERE id = $1', [id.toString(), delta]);
    await app.database.query(`INSERT INTO transactions (user_id, amount, type, description) VALUES ($1, $2, 'SHOP', 'bot')`, [id.toString(), delta]);
  };

  beforeAll(async () => {
    app = await startDeskApp({
      driver: 'pglite',
      seed: async (database) => {
        const { db } = database;
        await db.insert(s.users).values([
          { id: NYXARA, username: 'nyxara', balance: 1200n },
          // Far outside the rest: what a duplication bug leaves behind.
          { id: HOARDER, username: 'goldhoarder', balance: 9_000_000_000_000_000n },
          ...OTHERS.map((id, i) => ({ id, username: `villager${i + 1}`, balance: BigInt(400 + i * 150) })),
        ]);
        // Three transactions today: a chart of small counts.
        await db.insert(s.transactions).values([
          { userId: OTHERS[0]!, amount: 10n, type: 'DAILY' },
          { userId: OTHERS[1]!, amount: 10n, type: 'DAILY' },
          { userId: OTHERS[2]!, amount: -5n, type: 'SHOP' },
        ]);
      },
      identity: testStaff,
      area: 'players/economy',
    });
    app.page.setDefaultTimeout(15_000);
  }, E2E_START_TIMEOUT);

  afterAll(async () => {
    await app?.close();
  });

  it('links top holders to their profiles, counts in whole numbers and flags the outlier', async () => {
    const { page } = app;
    const overview = page.getByTestId('economy-overview');
    await overview.waitFor();
    await overview.getByText('7 days').click();
    await page.getByTestId('economy-chart').locator('.recharts-bar-rectangle').first().waitFor();

    const yTicks = () =>
      page
        .getByTestId('economy-chart')
        .locator('.recharts-yAxis-tick-labels text')
        .evaluateAll((texts) => texts.map((t) => t.textContent ?? '').filter((t) => t !== ''));
    await expect.poll(async () => (await yTicks()).length).toBeGreaterThan(2);
    const ticks = await yTicks();
    for (const tick of ticks) expect(tick.replace(/,/g, '')).toMatch(/^\d+$/);

    const flagged = page.locator('[data-testid="top-holder"][data-outlier="true"]');
    await expect.poll(() => flagged.count()).toBe(1);
    expect(await flagged.innerText()).toContain('goldhoarder');
    expect((await flagged.getByTestId('outlier-flag').innerText()).toLowerCase()).toBe('outlier');
    expect(await overview.innerText()).toContain('one balance stands far outside the rest');
    await app.screenshot('coins-economy');

    const link = page.getByRole('link', { name: 'villager2' });
    expect(await link.getAttribute('href')).toBe(`#/players?player=${OTHERS[1]}`);
    await link.click();
    await expect.poll(() => page.getByTestId('player-name').innerText()).toBe('villager2');
    expect(app.consoleErrors.filter((line) => !/players\.takeCurrency.*HTTP 400|status of 400/.test(line))).toEqual([]);
  });

  it('keeps the review of a take the bot overtook, with the balance now', async () => {
    const { page } = app;
    await page.evaluate((hash) => {
      window.location.hash = hash;
    }, `#/players?player=${NYXARA}`);
    await expect.poll(() => page.getByTestId('player-name').innerText()).toBe('nyxara');
    await page.getByTestId('action-take-coins').click();
    const dialog = page.getByRole('dialog');
    await dialog.getByTestId('action-amount').fill('500');
    await dialog.getByTestId('action-reason').fill('Refund of a duplicated reward');
    await dialog.getByTestId('action-review').click();
    expect(await dialog.getByTestId('action-summary').innerText()).toContain('Take 500 coins from nyxara (balance 1,200 → 700)');

    // Meanwhile the bot sells nyxara a mount.
    await botMoves(NYXARA, -900);
    await dialog.getByTestId('action-confirm').click();
    await dialog.getByTestId('action-error').waitFor();
    expect(await dialog.getByTestId('action-error').innerText()).toContain('nyxara has 300 coins: cannot take 500');
    // The review stays, as it was reviewed, with what the balance is now.
    expect(await dialog.getByTestId('action-summary').innerText()).toContain('Take 500 coins from nyxara (balance 1,200 → 700)');
    await expect.poll(() => dialog.getByTestId('action-balance-now').innerText()).toContain('Balance now 300 (it was 1,200 at review)');
    await app.screenshot('coins-take-overtaken');
    expect(await balance(NYXARA)).toBe(300n);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
  });

  it('takes all: the whole balance as reviewed, refused once the bot moved it, then taken after a new review', async () => {
    const { page } = app;
    await page.getByTestId('action-take-coins').click();
    const dialog = page.getByRole('dialog');
    await dialog.getByTestId('action-take-all').click();
    expect(await dialog.getByTestId('action-amount').inputValue()).toBe('300');
    await dialog.getByTestId('action-reason').fill('Account reset after the exploit');
    await dialog.getByTestId('action-review').click();
    expect(await dialog.getByTestId('action-summary').innerText()).toContain('Take all 300 coins from nyxara (balance 300 → 0)');
    await app.screenshot('coins-take-all-review');

    // The bot pays a daily reward before the confirm: "all" is no longer 300.
    await botMoves(NYXARA, 50);
    await dialog.getByTestId('action-confirm').click();
    await dialog.getByTestId('action-error').waitFor();
    expect(await dialog.getByTestId('action-error').innerText()).toContain("nyxara's balance changed since the review: it is 350 now, not 300. Nothing was taken");
    expect(await balance(NYXARA)).toBe(350n);

    await dialog.getByRole('button', { name: 'Back' }).click();
    await expect.poll(() => dialog.getByTestId('action-amount').inputValue()).toBe('350');
    await dialog.getByTestId('action-review').click();
    expect(await dialog.getByTestId('action-summary').innerText()).toContain('Take all 350 coins from nyxara (balance 350 → 0)');
    await dialog.getByTestId('action-confirm').click();
    await dialog.waitFor({ state: 'detached' });
    expect(await balance(NYXARA)).toBe(0n);
    await expect.poll(() => page.getByTestId('player-balance').innerText()).toMatch(/\b0 coins/);
    expect(app.consoleErrors.filter((line) => !/players\.takeCurrency.*HTTP 400|status of 400/.test(line))).toEqual([]);
  });
});
