/**
 * Rows the bot (or anyone with the bot's database access) could write, on every screen, in a
 * real Chromium: HTML and script in every text column (an `onerror` that would set
 * window.__pwned), javascript: and attribute-breaking URLs in the icon columns, odd unicode
 * (RTL override, zero-width, zalgo, emoji sequences), 100 kB texts, jsonb of every shape
 * (null, scalar, array, 200-deep, __proto__ keys), NULL in every nullable column, unknown
 * types and triggers, extreme numbers and dates. Every page and the details of the planted
 * rows are opened; nothing may execute, no screen may crash, no request may fail.
 * Screenshots: test-results/hostile-<page>.png.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { AuroraDatabase } from '../../src/main/core/database.js';
import { seedDatabase } from '../../src/main/db/seed.js';
import type { Logger } from '../../src/main/core/log.js';
import { describeE2E, E2E_START_TIMEOUT, startDeskApp, type DeskApp } from '../fixtures/harness.js';
import { SMALL_WORLD } from '../fixtures/databases.js';
import { testStaff } from '../fixtures/services.js';

const STEP_TIMEOUT = 120_000;

const XSS = '<img src=x onerror="window.__pwned=1">';
const SCRIPT = '<script>window.__pwned=1</script>';
const SVG = '<svg onload="window.__pwned=1"><a href="javascript:window.__pwned=1">x</a></svg>';
const ODD = '\u202Eevil.exe\u202C \u200B\u200D\uFEFF Z\u0351\u0352\u0353\u0354a\u0355\u0356l\u0357g\u0358o 👩‍👩‍👧‍👦 🏳️‍🌈 ﷽ 𝔄𝔲𝔯𝔬𝔯𝔞';
const HUGE = `${XSS} ${'The raid began at dawn. '.repeat(4_200)}`; // ≈ 100 kB
const DEEP = JSON.stringify(Array.from({ length: 200 }).reduce<unknown>((inner) => ({ deeper: inner }), { bottom: XSS }));
/** jsonb of every shape the columns could hold. */
const JSON_SHAPES = ['null', '42', '"a string"', `"${XSS.replace(/"/g, '\\"')}"`, '[1, "two", null, {"three": 3}]', '{}', DEEP, '{"__proto__": {"polluted": true}, "constructor": {"prototype": {"polluted": true}}}', `{"${XSS.replace(/"/g, '\\"')}": "${SCRIPT}"}`];

const PLAYER_XSS = 1500000000000000101n;
const PLAYER_SCRIPT = 1500000000000000102n;
const PLAYER_ODD = 1500000000000000103n;
const PLAYER_BLANK = 1500000000000000104n;
const CLASS_XSS = 1500000000000000001n;

/** The hostile rows, written with SQL the way the bot would. */
async function plant(database: AuroraDatabase): Promise<{ caseIds: string[]; questIds: number[]; itemIds: number[] }> {
  const q = (text: string, params: unknown[] = []) => database.query(text, params);
  await seedDatabase(database, SMALL_WORLD);

  await q(`INSERT INTO classes (id, name, balance, role_id) VALUES ($1, $2, -9223372036854775808, NULL), ($3, $4, 9223372036854775807, $5)`, [
    String(CLASS_XSS), XSS, '1500000000000000002', `${SCRIPT}${ODD}`.slice(0, 255), XSS,
  ]);
  await q(
    `INSERT INTO users (id, class_id, username, is_active, balance, xp, level, daily_streak, settings, created_at, updated_at) VALUES
       ($1, $5, $6, true, 9223372036854775807, 9223372036854775807, -5, 2147483647, $10::jsonb, '1970-01-01', '9999-12-31'),
       ($2, NULL, $7, false, -9223372036854775808, 0, 2147483647, -1, $11::jsonb, now(), now()),
       ($3, NULL, $8, true, 0, -1, 0, 0, $12::jsonb, '0001-01-01', now()),
       ($4, NULL, $9, true, 1, 1, 1, 0, 'null'::jsonb, now(), now())`,
    [String(PLAYER_XSS), String(PLAYER_SCRIPT), String(PLAYER_ODD), String(PLAYER_BLANK), String(CLASS_XSS), XSS, SCRIPT, ODD.slice(0, 255), '', DEEP, JSON_SHAPES[7], JSON_SHAPES[4]],
  );

  const itemIds: number[] = [];
  const items: [string, string | null, string, string, string, string | null, string | null, string | null][] = [
    [XSS, HUGE, 'Mythic<b>', 'Gizmo<img src=x>', JSON_SHAPES[4]!, null, 'javascript:window.__pwned=1', `x" onerror="window.__pwned=1`],
    [SCRIPT, null, 'Legendary', 'CONSUMABLE', `{"effect": "${XSS.replace(/"/g, '\\"')}", "amount": -1}`, '-1', null, null],
    [ODD.slice(0, 255), SVG, 'Common', 'EQUIPMENT', DEEP, '9223372036854775807', 'data:text/html,<script>window.__pwned=1</script>', 'https://cdn.invalid/<img src=x onerror=window.__pwned=1>.png'],
    [`${SVG}`.slice(0, 255), ODD, 'Rare', 'KEY', 'null', null, '', XSS],
  ];
  for (const [name, description, rarity, type, usage, price, icon, image] of items) {
    const { rows } = await database.query<{ id: number }>(
      `INSERT INTO items (name, description, rarity, type, usage_data, price, icon_url, image_url) VALUES ($1, $2, $3, $4, $5::jsonb, $6::bigint, $7, $8) RETURNING id`,
      [name, description, rarity, type, usage, price, icon, image],
    );
    itemIds.push(rows[0]!.id);
  }
  await q(`INSERT INTO inventory (user_id, item_id, quantity) VALUES ($1, $3, 9223372036854775807), ($1, $4, 1), ($2, $5, 3), ($2, $6, 1)`, [
    String(PLAYER_XSS), String(PLAYER_SCRIPT), itemIds[0], itemIds[1], itemIds[2], itemIds[3],
  ]);
  await q(
    `INSERT INTO transactions (user_id, related_user_id, amount, type, description, created_at) VALUES
       ($1, NULL, -9223372036854775808, $3, $4, '1970-01-01'),
       ($1, $2, 9223372036854775807, 'UNKNOWN_TYPE', NULL, '9999-12-31'),
       ($2, $1, 0, $5, $6, now())`,
    [String(PLAYER_XSS), String(PLAYER_SCRIPT), XSS.slice(0, 50), HUGE, ODD.slice(0, 50), SCRIPT],
  );
  await q(
    `INSERT INTO item_transactions (user_id, related_user_id, item_id, quantity, type, description) VALUES
       ($1, NULL, $3, -9223372036854775808, $4, $5), ($2, $1, $6, 1, 'MYSTERY', NULL)`,
    [String(PLAYER_XSS), String(PLAYER_SCRIPT), itemIds[0], XSS.slice(0, 50), HUGE, itemIds[1]],
  );

  const questIds: number[] = [];
  const quests: [string, string | null, string, string, string][] = [
    [XSS, HUGE, 'UNKNOWN_EVENT<img>', JSON_SHAPES[4]!, JSON_SHAPES[2]!],
    [SCRIPT, null, 'MESSAGE_SENT', JSON_SHAPES[7]!, `{"xp": "${XSS.replace(/"/g, '\\"')}", "currency": -1, "items": [{"id": "x", "quantity": -3}]}`],
    [ODD.slice(0, 255), SVG, XSS.slice(0, 50), DEEP, 'null'],
    ['', ODD, '', '{}', JSON_SHAPES[8]!],
  ];
  for (const [name, description, trigger, requirements, rewards] of quests) {
    const { rows } = await database.query<{ id: number }>(
      `INSERT INTO quests (name, description, trigger_event, requirements, rewards) VALUES ($1, $2, $3, $4::jsonb, $5::jsonb) RETURNING id`,
      [name, description, trigger, requirements, rewards],
    );
    questIds.push(rows[0]!.id);
  }
  await q(`INSERT INTO user_quests (user_id, quest_id, progress, completed_at) VALUES ($1, $3, -1, NULL), ($2, $4, 2147483647, '9999-12-31'), ($1, $5, 0, '1970-01-01')`, [
    String(PLAYER_XSS), String(PLAYER_SCRIPT), questIds[0], questIds[1], questIds[2],
  ]);
  await q(
    `INSERT INTO user_timers (user_id, type, key, expires_at, metadata) VALUES
       ($1, $3, $4, '1970-01-01', $5::jsonb), ($1, 'DAILY', $6, '9999-12-31', 'null'::jsonb), ($2, 'UNKNOWN', 'x', now() + interval '1 hour', $7::jsonb)`,
    [String(PLAYER_XSS), String(PLAYER_SCRIPT), XSS.slice(0, 50), SCRIPT, DEEP, ODD.slice(0, 100), JSON_SHAPES[8]],
  );
  await q(
    `INSERT INTO lootdrops (message_id, channel_id, reward_amount, currency, claimed_by, created_at, expires_at) VALUES
       ($1, $2, -5, $3, NULL, now(), NULL),
       ('1500000000000000901', $4, 2147483647, $5, $6, '1970-01-01', '1970-01-02'),
       ('1500000000000000902', '1500000000000000903', 1, 'COINS', NULL, now(), now() + interval '1 hour'),
       ($7, '', 0, '', $8, now(), '9999-12-31')`,
    [XSS, SCRIPT, XSS.slice(0, 50), ODD, ODD.slice(0, 50), String(PLAYER_XSS), SVG.slice(0, 255), String(PLAYER_SCRIPT)],
  );

  const caseIds: string[] = [];
  const cases: [string, string, string, string | null, string | null, string | null, string, boolean, string | null, string | null, string | null][] = [
    ['H-' + XSS, 'tempmute<v2>', String(PLAYER_XSS), XSS, SCRIPT, HUGE, JSON_SHAPES[8]!, true, null, null, null],
    ['H-NULLS', 'ban', '1500000000000009999', null, null, null, 'null', true, null, null, null],
    ['H-RESOLVED', 'warn', String(PLAYER_SCRIPT), ODD.slice(0, 255), ODD.slice(0, 255), SVG, JSON_SHAPES[7]!, false, '9999-12-31', '9223372036854775807', XSS],
    ['H-DEEP', 'timeout', String(PLAYER_ODD), '', '', '', DEEP, true, null, null, null],
    ['H-SHAPES', 'kick', String(PLAYER_BLANK), SCRIPT, XSS, `${SCRIPT}${ODD}`, JSON_SHAPES[4]!, true, null, null, null],
    ['H-ODDDATE', 'note', String(PLAYER_XSS), null, 'Vega', 'from the past', '"just a string"', false, '1970-01-01', '1', null],
  ];
  for (const [caseId, type, userId, username, moderatorName, reason, metadata, active, resolvedAt, resolvedBy, resolvedReason] of cases) {
    const { rows } = await database.query<{ id: string }>(
      `INSERT INTO moderation_cases (case_id, type, user_id, username, moderator_id, moderator_name, reason, metadata, active, created_at, resolved_at, resolved_by, resolved_reason)
       VALUES ($1, $2, $3, $4, 1300000000000000001, $5, $6, $7::jsonb, $8, now() - interval '1 minute', $9, $10, $11) RETURNING id::text`,
      [caseId.slice(0, 50), type.slice(0, 20), userId, username, moderatorName, reason, metadata, active, resolvedAt, resolvedBy, resolvedReason],
    );
    caseIds.push(rows[0]!.id);
  }
  return { caseIds, questIds, itemIds };
}

describeE2E('hostile data on every screen (embedded database)', () => {
  let app: DeskApp;
  let planted: Awaited<ReturnType<typeof plant>>;
  const dialogs: string[] = [];
  /** What the main process logged as errors (a screen's query that failed on the data). */
  const serverErrors: string[] = [];
  const log: Logger = {
    info() {},
    warn() {},
    error: (message, fields) => void serverErrors.push(`${message} ${JSON.stringify(fields ?? {}).slice(0, 600)}`),
  };
  let seenErrors = 0;
  let seenServerErrors = 0;

  beforeAll(async () => {
    app = await startDeskApp({
      driver: 'pglite',
      seed: async (database) => {
        planted = await plant(database);
      },
      identity: testStaff,
      area: 'settings',
      log,
    });
    // An alert() or confirm() from a payload would show up here.
    app.page.on('dialog', (dialog) => {
      dialogs.push(`${dialog.type()}: ${dialog.message()}`);
      void dialog.dismiss();
    });
  }, E2E_START_TIMEOUT);

  afterAll(async () => {
    await app?.close();
  }, STEP_TIMEOUT);

  /** Opens a hash route and checks nothing ran, nothing crashed, nothing failed. */
  async function visit(hash: string, name: string, shows?: string): Promise<void> {
    const page: Page = app.page;
    seenErrors = app.consoleErrors.length;
    seenServerErrors = serverErrors.length;
    await page.evaluate((h) => {
      window.location.hash = h;
    }, hash);
    const area = hash.replace(/^#\//, '').split(/[/?]/)[0]!;
    await page.locator(`main[data-area="${area}"]`).waitFor({ state: 'visible' });
    if (shows) await page.getByText(shows, { exact: false }).first().waitFor({ timeout: 30_000 });
    // Let the screen's queries land (each visit waits for its own text above where it has one).
    await page.waitForTimeout(400);
    await exerciseTabs(page);
    await app.screenshot(`hostile-${name}`);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned), `${name}: a payload ran`).toBeUndefined();
    expect(await page.evaluate(() => (Object.prototype as Record<string, unknown>).polluted), `${name}: prototype polluted`).toBeUndefined();
    expect(await page.getByTestId('back-to-safety').count(), `${name}: the screen crashed`).toBe(0);
    expect(dialogs, `${name}: a dialog opened`).toEqual([]);
    const errors = app.consoleErrors.slice(seenErrors);
    const logged = serverErrors.slice(seenServerErrors);
    seenErrors = app.consoleErrors.length;
    seenServerErrors = serverErrors.length;
    expect([...errors, ...logged], `${name}: errors`).toEqual([]);
    // The payloads are shown, never parsed: no element a payload would have made exists.
    expect(await page.locator('main img[src="x"], main script:not([src]), main svg[onload], main a[href^="javascript:"]').count(), `${name}: markup from data`).toBe(0);
  }

  /** Clicks through the tabs on the screen, so their panels render too. */
  async function exerciseTabs(page: Page): Promise<void> {
    const tabs = page.locator('main [role="tab"]');
    const count = await tabs.count();
    for (let i = 0; i < count; i++) {
      const tab = tabs.nth(i);
      if (!(await tab.isVisible()) || (await tab.isDisabled())) continue;
      await tab.click();
      await page.waitForTimeout(250);
    }
  }

  it('moderation: every queue, and each planted case opened', async () => {
    for (const queue of ['active', 'recent', 'resolved', 'mine']) {
      await visit(`#/moderation/${queue}`, `moderation-${queue}`, queue === 'mine' ? undefined : queue === 'resolved' ? 'H-RESOLVED' : 'H-NULLS');
    }
    for (const [i, id] of planted.caseIds.entries()) {
      await visit(`#/moderation/recent?case=${id}`, `moderation-case-${i}`, i === 1 ? 'H-NULLS' : undefined);
    }
    expect(await app.page.getByText(XSS).count()).toBeGreaterThan(0);
  }, STEP_TIMEOUT * 2);

  it('lootdrops: board, history and stats', async () => {
    await visit('#/lootdrops', 'lootdrops');
  }, STEP_TIMEOUT);

  it('quests: the list and each planted quest with its stats', async () => {
    await visit('#/quests', 'quests', SCRIPT);
    for (const [i, id] of planted.questIds.entries()) {
      await visit(`#/quests/${id}`, `quest-${i}`);
      await visit(`#/quests/${id}?tab=stats`, `quest-${i}-stats`);
    }
  }, STEP_TIMEOUT * 2);

  it('items: the catalogue and each planted item', async () => {
    await visit('#/items', 'items', SCRIPT);
    for (const [i, id] of planted.itemIds.entries()) await visit(`#/items/${id}`, `item-${i}`);
  }, STEP_TIMEOUT * 2);

  it('players: search, every profile tab of the planted players, classes and economy', async () => {
    await visit('#/players', 'players');
    for (const [i, id] of [PLAYER_XSS, PLAYER_SCRIPT, PLAYER_ODD, PLAYER_BLANK].entries()) {
      for (const tab of ['inventory', 'transactions', 'quests', 'timers', 'moderation', 'account']) {
        await visit(`#/players?player=${id}&tab=${tab}`, `player-${i}-${tab}`);
      }
    }
    await visit('#/players/classes', 'players-classes', SCRIPT.slice(0, 20));
    await visit('#/players/economy', 'players-economy');
  }, STEP_TIMEOUT * 3);

  it('settings', async () => {
    await visit('#/settings', 'settings');
  }, STEP_TIMEOUT);
});
