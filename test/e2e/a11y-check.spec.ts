/**
 * The accessibility check used on every screen is not vacuous: on a page with known serious and
 * critical faults it names their rule ids. (No host needed: a static page in the same browser.)
 */
import { expect, test } from '@playwright/test';
import { expectNoSeriousA11yViolations, seriousA11yViolations } from './support/screens';

test('the axe check names serious and critical violations by rule id', async ({ page }) => {
  await page.setContent(`<!doctype html><html lang="en"><head><title>Faults</title></head><body>
    <main><h1>Faults</h1>
      <img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=">
      <button></button>
      <input type="text">
      <p style="color:#bbb;background:#fff">Barely readable text</p>
    </main></body></html>`);
  const found = (await seriousA11yViolations(page)).map(line => line.split(' ')[0]);
  expect(found).toEqual(
    expect.arrayContaining(['image-alt', 'button-name', 'label', 'color-contrast']),
  );
  await expect(expectNoSeriousA11yViolations(page, 'faults')).rejects.toThrow(/image-alt/);
});

test('the axe check passes a plain, labelled page', async ({ page }) => {
  await page.setContent(`<!doctype html><html lang="en"><head><title>Fine</title></head><body>
    <main><h1>Fine</h1><label>Name <input type="text"></label><button>Save</button></main>
    </body></html>`);
  await expectNoSeriousA11yViolations(page, 'fine');
});
