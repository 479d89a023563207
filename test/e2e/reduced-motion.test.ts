/**
 * The system's reduce-motion setting: dialogs appear at once, without Mantine's fade and slide,
 * and nothing in the page animates.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeE2E, E2E_START_TIMEOUT, startDeskApp, type DeskApp } from '../fixtures/harness.js';
import { testStaff } from '../fixtures/services.js';

describeE2E('reduced motion (embedded demo database)', () => {
  let app: DeskApp;

  beforeAll(async () => {
    app = await startDeskApp({ driver: 'pglite', seed: 'demo', identity: testStaff, area: 'moderation/active' });
    await app.page.emulateMedia({ reducedMotion: 'reduce' });
  }, E2E_START_TIMEOUT);

  afterAll(async () => {
    await app?.close();
  });

  it('opens a dialog without a transition when the system asks for reduced motion', async () => {
    const { page } = app;
    await page.getByTestId('case-row').first().waitFor();
    await page.keyboard.press('o');
    const content = page.locator('section[role="dialog"][aria-modal="true"]');
    await content.waitFor();
    // Mantine's modal fades and slides for 200 ms otherwise.
    const durations = await content.evaluate((el) => {
      const seconds = (value: string) => Math.max(...value.split(',').map((part) => parseFloat(part) * (part.trim().endsWith('ms') ? 0.001 : 1)));
      const style = getComputedStyle(el);
      return { transition: seconds(style.transitionDuration), animation: seconds(style.animationDuration) };
    });
    expect(durations.transition).toBeLessThan(0.01);
    expect(durations.animation).toBeLessThan(0.01);
  });
});
