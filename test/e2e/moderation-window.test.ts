/**
 * A moderator deep in a queue when the bot records a case: the live change re-reads the window
 * the moderator has scrolled through, and that window must come back whole (also when it is
 * deeper than the router's largest page) and still know that older cases follow it.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { seedDatabase } from '../../src/main/db/seed.js';
import { MAX_PAGE_SIZE } from '../../src/shared/domain/moderation.js';
import { describeE2E, E2E_START_TIMEOUT, startDeskApp, type DeskApp } from '../fixtures/harness.js';
import { testStaff } from '../fixtures/services.js';

const CASES = MAX_PAGE_SIZE + 300;
const LIST = '[data-testid="case-list"]';
// Scrolling 22 pages deep takes a while on a busy two-core machine.
const DEEP_TIMEOUT = 180_000;

describeE2E('a scrolled moderation queue under live changes (PGlite)', () => {
  let app: DeskApp;
  let botCases = 0;

  beforeAll(async () => {
    app = await startDeskApp({
      identity: testStaff,
      area: 'moderation/recent',
      seed: (database) =>
        seedDatabase(database, { cases: CASES, users: 200, transactions: 0, itemTransactions: 0, questProgress: 0, lootdrops: 0, quests: 5 }).then(() => {}),
    });
  }, E2E_START_TIMEOUT);

  afterAll(() => app?.close());

  /** Cases the list holds (its data-loaded; aria-rowcount is the whole queue's), not the rows drawn. */
  const loaded = () => app.page.evaluate((list) => Number(document.querySelector(list)!.getAttribute('data-loaded')), LIST);

  async function scrollUntil(rows: number): Promise<number> {
    const { page } = app;
    await page.getByTestId('case-row').first().waitFor();
    while ((await loaded()) < rows) {
      const before = await loaded();
      await page.evaluate((list) => {
        const scroller = document.querySelector(list)!;
        scroller.scrollTop = scroller.scrollHeight;
      }, LIST);
      await page.waitForFunction(({ list, before }) => Number(document.querySelector(list)!.getAttribute('data-loaded')) > before, { list: LIST, before });
    }
    return loaded();
  }

  async function botRecordsCase(): Promise<void> {
    botCases++;
    await app.database.query(
      `INSERT INTO moderation_cases (case_id, type, user_id, moderator_id, moderator_name, reason, active)
       VALUES ($1, 'warn', 1234567890123450001, 1300000000000000001, 'Vega', 'spam in #trade', true)`,
      [`A-WIN-${String(botCases).padStart(6, '0')}`],
    );
  }

  const showNewCases = async () => {
    await app.page.getByTestId('new-cases-show').click({ timeout: 15_000 });
  };

  /** "1,101 shown · scroll for older" under the list. */
  const footer = () => app.page.locator(`${LIST} + *`).innerText();

  it('keeps "scroll for older" after a live change re-reads a shallow window', async () => {
    const before = await scrollUntil(120);
    expect(before).toBeLessThan(MAX_PAGE_SIZE);
    await botRecordsCase();
    // Reading down the queue, the new case waits behind "1 new case — show" until asked for.
    await showNewCases();
    await expect.poll(loaded, { timeout: 15_000 }).toBe(before + 1);
    // The window's own answer says nothing about rows past it; the list must still go on.
    await expect.poll(footer, { timeout: 5_000 }).toContain('scroll for older');
    expect(await app.page.getByText('End of the queue').count()).toBe(0);
  }, 60_000);

  it('re-reads a window deeper than one page whole', async () => {
    const before = await scrollUntil(MAX_PAGE_SIZE + 100);
    await botRecordsCase();
    await showNewCases();
    // Before the fix the re-read stopped at MAX_PAGE_SIZE rows and the list shrank.
    await expect.poll(loaded, { timeout: 15_000 }).toBe(before + 1);
    await expect.poll(footer, { timeout: 5_000 }).toContain('scroll for older');
    // Still windowed: the DOM holds what is in view, not the 1,100 cases.
    expect(await app.page.getByTestId('case-row').count()).toBeLessThan(80);
    expect(app.consoleErrors).toEqual([]);
  }, DEEP_TIMEOUT);
});
