/**
 * Double text size at the 1440x900 window (the root font size at 200%, as a staff member who
 * sets a larger default font gets): on each of the six screens nothing in the main region is
 * pushed sideways out of view, the case grid still shows whole case types and user names, and
 * axe still finds no serious or critical violation.
 * Screenshots: test-results/text-200-<theme>-<screen>.png.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { seriousViolations } from '../fixtures/axe.js';
import { describeE2E, E2E_START_TIMEOUT, startDeskApp, type DeskApp } from '../fixtures/harness.js';
import { testStaff } from '../fixtures/services.js';

interface Screen {
  area: string;
  /** What shows once the screen has its data. */
  ready(page: Page): Promise<void>;
}

const SCREENS: Screen[] = [
  { area: 'moderation/active', ready: (page) => page.getByTestId('case-row').first().waitFor() },
  { area: 'lootdrops', ready: (page) => page.getByTestId('lootdrops-tab-board').waitFor() },
  { area: 'quests', ready: (page) => page.locator('[data-testid="quest-list"] tbody tr').first().waitFor() },
  { area: 'items', ready: (page) => page.locator('[data-testid="item-list"] tbody tr').first().waitFor() },
  { area: 'players', ready: (page) => page.getByTestId('player-search').waitFor() },
  { area: 'settings', ready: (page) => page.getByTestId('settings-tab-connection').waitFor() },
];

/**
 * What does not fit sideways in the main region: the region itself or any box in it that
 * scrolls horizontally, and text cut short in a box that hides its overflow (cells that
 * ellipsize a long reason are fine; a label that is meant to show whole is listed in `whole`).
 */
async function horizontalClipping(page: Page, whole: string[]): Promise<string[]> {
  return page.evaluate((wholeSelectors) => {
    const found: string[] = [];
    const main = document.querySelector('main');
    if (!main) return ['no main region'];
    const describe = (el: Element) => {
      const id = el.getAttribute('data-testid') ?? el.getAttribute('role') ?? el.className.toString().split(' ')[0];
      return `${el.tagName.toLowerCase()}[${id}] "${(el.textContent ?? '').trim().slice(0, 40)}"`;
    };
    const over = (el: Element) => el.scrollWidth - el.clientWidth > 1;
    if (over(main)) found.push(`main scrolls sideways by ${main.scrollWidth - main.clientWidth}px`);
    for (const el of main.querySelectorAll('*')) {
      const style = getComputedStyle(el);
      if (style.display === 'none' || el.clientWidth === 0) continue;
      if ((style.overflowX === 'auto' || style.overflowX === 'scroll') && over(el)) found.push(`scrolls sideways: ${describe(el)}`);
    }
    for (const selector of wholeSelectors) {
      for (const el of main.querySelectorAll(selector)) {
        if (getComputedStyle(el).display === 'none') continue;
        if (over(el)) found.push(`cut short: ${describe(el)} (${el.scrollWidth} > ${el.clientWidth})`);
      }
    }
    return found;
  }, whole);
}

/** Sets the root font size to 200% (again, should the page have reloaded) and returns the size in effect. */
async function doubleText(page: Page): Promise<string> {
  return page.evaluate(async () => {
    document.documentElement.style.fontSize = '200%';
    // Two frames: the page's own resize handling (the windowed case list) has run.
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    return getComputedStyle(document.documentElement).fontSize;
  });
}

/** Labels that must show whole at any text size. */
const WHOLE_LABELS = [
  '[role="gridcell"][data-column="type"]',
  '[role="gridcell"][data-column="type"] .mantine-Badge-label',
  '[role="gridcell"][data-column="user"]',
  '[role="columnheader"]',
  '[data-testid="spawn-form"] label',
  '[data-testid="lootdrops-discord-missing"]',
  '[data-testid="spawn-form"] .mantine-SegmentedControl-label',
  'h1',
  '[role="tab"]',
];

for (const theme of ['dark', 'light'] as const) {
  describeE2E(`every screen at 200% text, 1440x900, ${theme} theme (embedded demo database)`, () => {
    let app: DeskApp;

    beforeAll(async () => {
      app = await startDeskApp({ driver: 'pglite', seed: 'demo', identity: testStaff, theme, area: 'moderation/active', viewport: { width: 1440, height: 900 } });
      await app.page.emulateMedia({ reducedMotion: 'reduce' });
    }, E2E_START_TIMEOUT);

    afterAll(async () => {
      await app?.close();
    });

    it('keeps the sidebar at its cap, not twice its width', async () => {
      expect(await doubleText(app.page)).toBe('32px');
      const width = await app.page.locator('nav[aria-label="Areas"]').evaluate((el) => el.getBoundingClientRect().width);
      expect(width).toBeGreaterThan(0);
      expect(width).toBeLessThanOrEqual(300);
    });

    it.each(SCREENS)('$area: nothing clipped sideways, no serious axe violation', { timeout: 90_000 }, async (screen) => {
      await app.goto(screen.area);
      await screen.ready(app.page);
      expect(await doubleText(app.page)).toBe('32px');
      await app.page.waitForLoadState('networkidle');
      await app.screenshot(`text-200-${theme}-${screen.area.split('/')[0]}`);
      expect(await horizontalClipping(app.page, WHOLE_LABELS)).toEqual([]);
      expect(await seriousViolations(app.page, `${theme} ${screen.area} at 200% text`)).toEqual([]);
    });

    it('raised no console error along the way', () => {
      expect(app.consoleErrors).toEqual([]);
    });
  });
}
