/**
 * The built app in Electron, driven by playwright-core (`npm run test:electron`, which finds the
 * binary and passes it in AURORA_DESK_ELECTRON). Each run gets a scratch profile folder; the
 * desk opens on its embedded demo database, or on a scratch PostgreSQL database when
 * TEST_DATABASE_URL is set (then a row inserted with psql must appear live).
 */
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { _electron as electron, type ElectronApplication, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateDatabase } from '../../src/main/db/migrate.js';
import { demoSeedOptions, seedDatabase } from '../../src/main/db/seed.js';
import { createScratchDatabase, type ScratchDatabase } from '../fixtures/databases.js';

const executable = process.env.AURORA_DESK_ELECTRON;
const root = join(import.meta.dirname, '../..');
const mainEntry = join(root, 'out/main/index.js');

describe.skipIf(!executable)('Aurora Desk in Electron', () => {
  let app: ElectronApplication;
  let page: Page;
  let userData: string;
  let scratch: ScratchDatabase | undefined;
  const env = () => ({
    ...process.env,
    AURORA_DESK_USER_DATA: userData,
    AURORA_DESK_E2E: '1',
    ...(scratch?.url ? { AURORA_DATABASE_URL: scratch.url } : {}),
  });
  const logText = () => {
    const file = join(userData, 'logs', 'aurora-desk.log');
    return existsSync(file) ? readFileSync(file, 'utf8') : '';
  };

  beforeAll(async () => {
    userData = mkdtempSync(join(tmpdir(), 'aurora-electron-'));
    if (process.env.TEST_DATABASE_URL) {
      scratch = await createScratchDatabase('postgres');
      await migrateDatabase(scratch.database);
      await seedDatabase(scratch.database, demoSeedOptions);
    }
    app = await electron.launch({ executablePath: executable!, args: [mainEntry], env: env() });
    page = await app.firstWindow();
    await page.getByTestId('status-bar').waitFor({ state: 'visible', timeout: 120_000 });
  });

  afterAll(async () => {
    await app?.close();
    await scratch?.drop();
    if (userData) rmSync(userData, { recursive: true, force: true });
  });

  it('opens the window with the hardened web preferences, read back from the running app', async () => {
    const prefs = await app.evaluate(({ BrowserWindow }) => {
      // Not in Electron's typings, present at run time: the preferences the page was created with.
      const contents = BrowserWindow.getAllWindows()[0]!.webContents as unknown as { getLastWebPreferences(): Record<string, unknown> };
      const p = contents.getLastWebPreferences();
      return { contextIsolation: p.contextIsolation, sandbox: p.sandbox, nodeIntegration: p.nodeIntegration, webSecurity: p.webSecurity, webviewTag: p.webviewTag };
    });
    expect(prefs).toEqual({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true, webviewTag: false });
    expect(page.url()).toMatch(/^aurora-desk:\/\/app\/index\.html/);
  });

  it('gives the page nothing from the preload', async () => {
    const seen = await page.evaluate(() => [typeof (globalThis as { require?: unknown }).require, typeof (globalThis as { process?: unknown }).process, typeof (window as { electron?: unknown }).electron]);
    expect(seen).toEqual(['undefined', 'undefined', 'undefined']);
  });

  it('receives its port and shows the queue', async () => {
    await page.evaluate(() => (window.location.hash = '#/moderation/recent'));
    await page.getByTestId('case-row').first().waitFor({ state: 'visible' });
  });

  it.skipIf(!process.env.TEST_DATABASE_URL)('shows a row inserted with psql, live', async () => {
    const id = 990_000_001;
    execFileSync('psql', [scratch!.url!, '-v', 'ON_ERROR_STOP=1', '-c', `INSERT INTO moderation_cases (id, case_id, user_id, moderator_id, type, reason, active, created_at) SELECT ${id}, 'E-${id}', user_id, moderator_id, type, 'inserted by psql', true, now() FROM moderation_cases LIMIT 1`]);
    await page.evaluate(() => (window.location.hash = '#/moderation/recent'));
    await page.getByText('inserted by psql').first().waitFor({ state: 'visible' });
  });

  it('opens a desk link in the running instance (a second start forwards it and quits)', async () => {
    // The numeric ID of the second row's case, from the route its click opens.
    await page.getByTestId('case-row').nth(1).click();
    await expect.poll(() => page.evaluate(() => window.location.hash)).toMatch(/case=\d+/);
    const caseId = (await page.evaluate(() => window.location.hash)).match(/case=(\d+)/)![1];
    await page.evaluate(() => (window.location.hash = '#/moderation/active'));
    const second = spawn(executable!, [mainEntry, `aurora-desk://case/${caseId}`], { env: env(), stdio: 'ignore' });
    const exitCode = await new Promise<number | null>((resolve) => second.on('exit', resolve));
    expect(exitCode).toBe(0);
    await expect.poll(() => page.evaluate(() => window.location.hash)).toBe(`#/moderation/recent?case=${caseId}`);
    await page.getByTestId('case-detail').waitFor({ state: 'visible' });
  });

  it('pops a case out into its own window, whose subscriptions stop when it closes', async () => {
    const opened = app.waitForEvent('window');
    await page.getByTestId('case-detail').getByTestId('pop-out').click();
    const popOut = await opened;
    await popOut.getByTestId('case-detail').waitFor({ state: 'visible' });
    expect(await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBe(2);
    await popOut.close();
    await expect.poll(logText).toMatch(/window closed: its port and subscriptions stopped/);
    // The main window's own feed goes on.
    await expect.poll(() => page.getByTestId('status-live').getAttribute('data-mode')).toMatch(/live|polling/);
  });

  it('refuses navigation to a foreign page and window.open', async () => {
    const before = page.url();
    await page.evaluate(() => {
      window.location.href = 'file:///etc/hostname';
    });
    const opened = await page.evaluate(() => window.open('data:text/html,hello') === null);
    expect(opened).toBe(true);
    expect(await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBe(1);
    expect(page.url().split('#')[0]).toBe(before.split('#')[0]);
  });

  it('logs a renderer crash and recovers the window', async () => {
    await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]!.webContents.forcefullyCrashRenderer());
    await expect.poll(logText).toMatch(/renderer process gone/);
    await page.getByTestId('status-bar').waitFor({ state: 'visible', timeout: 60_000 });
  });
});
