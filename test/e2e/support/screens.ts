/**
 * What every screen of the end-to-end flows is checked for: a screenshot in test-results/ (attached
 * to the report for humans), and axe-core finding no serious or critical accessibility violation.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, type TestInfo } from '@playwright/test';

/**
 * Waits until every finite CSS transition and animation on the page has finished. A menu still fading
 * in has partial opacity, and axe then measures its text against the page behind it: on a loaded
 * machine the timeline menu's Delete item failed color-contrast this way while the same menu, fully
 * shown, passes. Endless animations (spinners) are left alone.
 */
async function settleAnimations(page: Page): Promise<void> {
  await page.evaluate(async () => {
    const frame = () => new Promise<void>(done => requestAnimationFrame(() => done()));
    // A transition starts a frame or two after the element mounts.
    await frame();
    await frame();
    const finite = document
      .getAnimations()
      .filter(animation => animation.effect?.getComputedTiming().endTime !== Infinity);
    await Promise.all(finite.map(animation => animation.finished.catch(() => undefined)));
  });
}

/** "rule-id (impact): targets" for every serious or critical axe violation on the page now. */
export async function seriousA11yViolations(page: Page): Promise<string[]> {
  await settleAnimations(page);
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter(violation => violation.impact === 'serious' || violation.impact === 'critical')
    .map(
      violation =>
        `${violation.id} (${violation.impact}): ${violation.nodes
          .map(node => node.target.join(' '))
          .join(', ')}`,
    );
}

/** Fails listing the rule ids (and where) of every serious or critical axe violation on the page. */
export async function expectNoSeriousA11yViolations(page: Page, screen = 'page'): Promise<void> {
  expect(
    await seriousA11yViolations(page),
    `serious or critical axe violations on ${screen}`,
  ).toEqual([]);
}

/** Saves a full-page screenshot as test-results/<test>/<name>.png and attaches it to the report. */
export async function captureScreen(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  const path = testInfo.outputPath(`${name}.png`);
  await page.screenshot({ path, fullPage: true, animations: 'disabled' });
  await testInfo.attach(name, { path, contentType: 'image/png' });
}

/** Screenshot and accessibility check of the screen now shown. */
export async function checkScreen(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  await captureScreen(page, testInfo, name);
  await expectNoSeriousA11yViolations(page, name);
}

/**
 * Like {@link checkScreen}, but a violation is a soft failure: the flow goes on, so one run reports
 * every screen's violations (and every later step) instead of stopping at the first screen.
 */
export async function checkScreenSoft(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  await captureScreen(page, testInfo, name);
  expect
    .soft(await seriousA11yViolations(page), `serious or critical axe violations on ${name}`)
    .toEqual([]);
}
