/**
 * A raid in Chromium against the real host on PostgreSQL: the bot writes hundreds of cases on
 * its own connection (and keeps updating a balance beside them) while the Active queue is open.
 * The page must stay calm: a bounded number of router requests, none failing, and once the
 * burst is over the count and the rows at the top are exactly the database's.
 * Counts only: how fast it settles is the bench's raid module.
 */
import pg from 'pg';
import type { Request } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeE2E, E2E_START_TIMEOUT, startDeskApp, type DeskApp } from '../fixtures/harness.js';
import { openRaidBot, type RaidBot } from '../fixtures/raid-bot.js';
import { testStaff } from '../fixtures/services.js';

/** 100 cases a second for 3 s, then 300 a second for 1 s: 600 cases in 4 s. */
const PHASES = [
  { perSecond: 100, seconds: 3 },
  { perSecond: 300, seconds: 1 },
];
const BURST_SECONDS = PHASES.reduce((s, p) => s + p.seconds, 0);
const BURST_CASES = PHASES.reduce((s, p) => s + p.perSecond * p.seconds, 0);
/** The bench's target (15 router requests a second of burst), plus a few for settling afterwards. */
const REQUEST_BOUND = 15 * BURST_SECONDS + 10;

/** A router call the page made (the live subscription's stream is not a request per event). */
const isRouterCall = (request: Request) => request.url().includes('/trpc/') && !request.url().includes('live.changes');

describeE2E(
  'the moderation queue under a raid (Chromium, PostgreSQL)',
  () => {
    let app: DeskApp;
    let bot: RaidBot;
    let reader: pg.Client;

    beforeAll(async () => {
      app = await startDeskApp({ driver: 'postgres', seed: 'demo', identity: testStaff, area: 'moderation/active' });
      bot = await openRaidBot(app.database.url!);
      reader = new pg.Client({ connectionString: app.database.url });
      await reader.connect();
    }, E2E_START_TIMEOUT);

    afterAll(async () => {
      await reader?.end();
      await bot?.close();
      await app?.close();
    });

    const activeCount = async () => Number((await reader.query<{ n: string }>('SELECT count(*) AS n FROM moderation_cases WHERE active')).rows[0]!.n);

    it('keeps the requests bounded and ends with exactly the database count and rows', async () => {
      const { page } = app;
      await page.getByTestId('case-row').first().waitFor();
      const before = await activeCount();
      await expect.poll(() => page.getByTestId('queue-count-active').innerText(), { timeout: 15_000 }).toBe(before.toLocaleString('en-US'));
      const { rows: economy } = await reader.query<{ id: string }>('SELECT id FROM users ORDER BY id LIMIT 1');

      const calls: string[] = [];
      const failed: string[] = [];
      const onRequest = (request: Request) => {
        if (isRouterCall(request)) calls.push(new URL(request.url()).pathname.split('/').pop()!);
      };
      const onFailed = (request: Request) => failed.push(`${request.url()}: ${request.failure()?.errorText ?? 'failed'}`);
      page.on('request', onRequest);
      page.on('requestfailed', onFailed);
      const errorsBefore = app.consoleErrors.length;
      try {
        const burst = await bot.burst(PHASES, { balanceUserId: BigInt(economy[0]!.id) });
        expect(burst.inserted).toBe(BURST_CASES);
        const after = await activeCount();
        expect(after).toBe(before + BURST_CASES);
        await expect.poll(() => page.getByTestId('queue-count-active').innerText(), { timeout: 30_000 }).toBe(after.toLocaleString('en-US'));
        // The rows at the top are the newest active cases, in the queue's order, each once.
        const { rows: newest } = await reader.query<{ case_id: string }>('SELECT case_id FROM moderation_cases WHERE active ORDER BY created_at DESC, id DESC LIMIT 20');
        const shown = () => page.locator('[data-testid="case-row"]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-case-id')).slice(0, 20));
        await expect.poll(shown, { timeout: 30_000 }).toEqual(newest.map((r) => r.case_id));
      } finally {
        page.off('request', onRequest);
        page.off('requestfailed', onFailed);
      }
      const byProcedure = calls.reduce<Record<string, number>>((m, c) => ({ ...m, [c]: (m[c] ?? 0) + 1 }), {});
      console.info(`raid: ${BURST_CASES} cases in ${BURST_SECONDS} s -> ${calls.length} router requests ${JSON.stringify(byProcedure)}, ${failed.length} failed`);
      expect(failed).toEqual([]);
      expect(app.consoleErrors.slice(errorsBefore)).toEqual([]);
      expect(calls.length).toBeLessThanOrEqual(REQUEST_BOUND);
    }, 120_000);
  },
  'postgres',
);
