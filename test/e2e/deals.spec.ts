/**
 * Deals, end to end: a manager creates a deal (amount typed "12 500,50"), moves it on the board to
 * the next stage with the keyboard (space, arrow right, space) and once more with a mouse drag,
 * marks it lost with a reason (refused without one); the list view shows it. The owner opens the
 * deal and sees the stage changes in its history, then adds a stage to the pipeline. Screenshots
 * of the board, the list and the stage settings.
 *
 * Second flow: the owner creates a pipeline (an empty name is explained under the field) and
 * renames it; the head gives a deal to a manager, and the manager finds it on her board and deletes
 * it through the record delete dialog. Screenshots of the pipeline and reassign dialogs, the deal's
 * page in Ukrainian at 1366×768 and the delete dialog.
 */
import type { Page } from '@playwright/test';
import type { Deal, Pipeline } from '../../src-shared/deals';
import { expect, test } from './fixtures';
import { expectShell, runSetupWizard, signOut, submitSignIn } from './support/flows';
import { checkScreenSoft } from './support/screens';
import {
  addStaff,
  DARYNA,
  firstSignIn,
  HANNA,
  openSection,
  type CallResult,
} from './support/staff';

test.use({ locale: 'en-GB', actionTimeout: 30_000 });

/** Waits for the answer of one channel call made by the page. */
function answerOf<T>(page: Page, channel: string): Promise<CallResult<T>> {
  return page
    .waitForResponse(
      response =>
        response.url().endsWith('/api/call') &&
        (response.request().postDataJSON() as { channel?: string } | null)?.channel ===
          `zamok:${channel}`,
    )
    .then(async response => (await response.json()) as CallResult<T>);
}

function column(page: Page, stageId: string) {
  return page.locator(`[data-testid="deal-column"][data-stage-id="${stageId}"]`);
}

test('deals: a manager creates a deal, moves it by keyboard and mouse, loses it with a reason; the owner sees the history', async ({
  page,
}, testInfo) => {
  test.setTimeout(240_000);
  const owner = await runSetupWizard(page);
  await addStaff(page, [DARYNA]);

  await firstSignIn(page, DARYNA);
  await openSection(page, 'Deals');
  await expect(page.getByRole('heading', { name: 'Deals', level: 1 })).toBeVisible();
  await expect(page.getByTestId('deal-column')).toHaveCount(6);

  // A new deal: a wrong amount is explained in words; the Ukrainian way of writing it is accepted.
  await page.getByRole('button', { name: 'New deal', exact: true }).click();
  await page.getByLabel('Deal title', { exact: true }).fill('Поставка борошна');
  await page.getByLabel('Amount', { exact: true }).fill('12 500,505');
  // The shared record form explains a field once it was left.
  await page.getByLabel('Amount', { exact: true }).blur();
  await expect(page.getByText('This amount is not valid.', { exact: false })).toBeVisible();
  await checkScreenSoft(page, testInfo, 'deal-form-invalid-amount');
  await page.getByLabel('Amount', { exact: true }).fill('12 500,50');
  const created = answerOf<Deal>(page, 'deals.create');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  const deal = await created;
  expect(deal.ok && deal.value).toMatchObject({
    amountMinor: 1250050,
    currency: 'UAH',
    stageId: 'stage-new',
  });
  await expect(page.getByRole('heading', { name: 'Поставка борошна', level: 1 })).toBeVisible();
  await page.getByRole('button', { name: /Back to deals/ }).click();

  // Keyboard: focus the card, space picks it up, arrow right goes to the next stage, space drops.
  const card = column(page, 'stage-new').getByTestId('deal-card');
  await expect(card).toHaveCount(1);
  await expect(column(page, 'stage-new')).toContainText('12,500.50');
  await card.focus();
  const keyMove = answerOf<Deal>(page, 'deals.move');
  await page.keyboard.press('Space');
  // Picked up: dnd-kit marks the card pressed and announces it.
  await expect(card).toHaveAttribute('aria-pressed', 'true');
  // dnd-kit measures the columns in the frames after the pick-up, and an arrow before that is lost.
  // Once measured it announces the column under the card: wait for that, not for a fixed time.
  await expect(page.getByText('Deal “Поставка борошна” is over stage “Нова”.')).toBeAttached();
  await page.keyboard.press('ArrowRight');
  await expect(
    page.getByText('Deal “Поставка борошна” is over stage “Кваліфікація”.'),
  ).toBeAttached();
  await page.keyboard.press('Space');
  const byKeyboard = await keyMove;
  expect(byKeyboard.ok && byKeyboard.value.stageName).toBe('Кваліфікація');
  await expect(column(page, 'stage-qualified').getByTestId('deal-card')).toHaveCount(1);
  await expect(column(page, 'stage-new').getByTestId('deal-card')).toHaveCount(0);

  // Mouse: drag the card onto "Пропозиція".
  const moved = column(page, 'stage-qualified').getByTestId('deal-card');
  const from = await moved.boundingBox();
  const to = await column(page, 'stage-proposal').boundingBox();
  if (!from || !to) throw new Error('board not laid out');
  const mouseMove = answerOf<Deal>(page, 'deals.move');
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
  await page.mouse.down();
  await page.mouse.move(from.x + from.width / 2 + 20, from.y + from.height / 2, { steps: 4 });
  await page.mouse.move(to.x + to.width / 2, to.y + 120, { steps: 12 });
  await page.mouse.up();
  const byMouse = await mouseMove;
  expect(byMouse.ok && byMouse.value.stageName).toBe('Пропозиція');
  await expect(column(page, 'stage-proposal').getByTestId('deal-card')).toHaveCount(1);
  await checkScreenSoft(page, testInfo, 'deals-board');

  // Lost needs a reason: the dialog refuses an empty one, then the deal is lost with it.
  await column(page, 'stage-proposal').getByTestId('deal-card').click();
  await expect(page.getByRole('heading', { name: 'Поставка борошна', level: 1 })).toBeVisible();
  await page.getByRole('button', { name: 'Mark as lost' }).click();
  const dialog = page.getByRole('dialog', { name: 'Why was the deal lost?' });
  await dialog.getByRole('button', { name: 'Mark as lost' }).click();
  await expect(dialog.getByText('Enter why the deal was lost')).toBeVisible();
  await dialog.getByLabel('Why it was lost').fill('Обрали іншого постачальника');
  const lostMove = answerOf<Deal>(page, 'deals.move');
  await dialog.getByRole('button', { name: 'Mark as lost' }).click();
  const lost = await lostMove;
  expect(lost.ok && lost.value).toMatchObject({
    outcome: 'lost',
    lostReason: 'Обрали іншого постачальника',
  });
  await expect(page.getByTestId('deal-stage')).toHaveText('Програно');

  // The list view shows it in its stage.
  await page.getByRole('button', { name: /Back to deals/ }).click();
  await page.getByText('List', { exact: true }).click();
  await expect(page.getByTestId('deal-row')).toHaveCount(1);
  await expect(page.getByTestId('deal-row')).toContainText('Програно');
  await checkScreenSoft(page, testInfo, 'deals-list');
  await signOut(page);

  // The owner: the deal's history shows each stage change.
  await submitSignIn(page, {
    login: owner.login,
    password: owner.password,
    totpCode: await owner.totp.next(),
  });
  await expectShell(page, owner.displayName);
  await openSection(page, 'Deals');
  await column(page, 'stage-lost').getByTestId('deal-card').click();
  await expect(page.getByRole('heading', { name: 'Поставка борошна', level: 1 })).toBeVisible();
  await expect(page.getByText('Deal moved to another stage')).toHaveCount(3);
  await expect(page.getByText('Кваліфікація').first()).toBeVisible();
  await expect(page.getByText('Обрали іншого постачальника').first()).toBeVisible();
  await checkScreenSoft(page, testInfo, 'deal-history');
  // The owner adds a stage; it lands before the won/lost stages and shows on the board.
  await page.getByRole('button', { name: /Back to deals/ }).click();
  await page.getByRole('button', { name: 'Pipeline stages' }).click();
  const settings = page.getByRole('dialog', { name: 'Pipeline stages' });
  await settings.getByLabel('Stage name', { exact: true }).fill('Демонстрація');
  await settings.getByRole('button', { name: 'Add stage' }).click();
  await expect(settings.getByLabel('Stage 5', { exact: true })).toHaveValue('Демонстрація');
  await checkScreenSoft(page, testInfo, 'deals-pipeline-settings');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('deal-column')).toHaveCount(7);
  // The board in Ukrainian, as the office sees it.
  await page.getByText('Українська', { exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Угоди', level: 1 })).toBeVisible();
  await checkScreenSoft(page, testInfo, 'deals-board-uk');
});

test('deals: the owner creates and renames a pipeline; the head gives a deal to a manager who then sees it', async ({
  page,
}, testInfo) => {
  test.setTimeout(300_000);
  await runSetupWizard(page);
  await openSection(page, 'Deals');
  await expect(page.getByTestId('deal-column')).toHaveCount(6);

  // A new pipeline: an empty name is explained under the field, then it is created and shown.
  await page.getByRole('button', { name: 'Pipelines', exact: true }).click();
  await page.getByRole('menuitem', { name: 'New pipeline…' }).click();
  const create = page.getByRole('dialog', { name: 'New pipeline' });
  await create.getByRole('button', { name: 'Create pipeline' }).click();
  await expect(create.getByText('Enter a name.')).toBeVisible();
  await checkScreenSoft(page, testInfo, 'deals-pipeline-create-empty');
  await create.getByLabel('Pipeline name').fill('Оптові продажі');
  const created = answerOf<Pipeline>(page, 'pipelines.create');
  await create.getByRole('button', { name: 'Create pipeline' }).click();
  const pipeline = await created;
  expect(pipeline.ok && pipeline.value.stages.map(stage => stage.name)).toEqual([
    'Нова',
    'Кваліфікація',
    'Пропозиція',
    'Переговори',
    'Виграно',
    'Програно',
  ]);
  await expect(page.getByRole('status').filter({ hasText: 'created' })).toHaveText(
    'Pipeline “Оптові продажі” created. Its board is open.',
  );
  await expect(page.getByRole('combobox', { name: 'Pipeline', exact: true })).toHaveValue(
    'Оптові продажі',
  );

  // Renamed from the same menu.
  await page.getByRole('button', { name: 'Pipelines', exact: true }).click();
  await page.getByRole('menuitem', { name: 'Rename “Оптові продажі”…' }).click();
  const rename = page.getByRole('dialog', { name: 'Rename the pipeline' });
  await expect(rename.getByLabel('Pipeline name')).toHaveValue('Оптові продажі');
  await rename.getByLabel('Pipeline name').fill('Опт і дистрибуція');
  await checkScreenSoft(page, testInfo, 'deals-pipeline-rename');
  await rename.getByRole('button', { name: 'Save the name' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'renamed' })).toHaveText(
    'Pipeline renamed: “Опт і дистрибуція”.',
  );
  await expect(page.getByRole('combobox', { name: 'Pipeline', exact: true })).toHaveValue(
    'Опт і дистрибуція',
  );
  // The same dialog in Ukrainian, as the office sees it.
  await page.getByText('Українська', { exact: true }).click();
  await page.getByRole('button', { name: 'Воронки', exact: true }).click();
  await page.getByRole('menuitem', { name: 'Нова воронка…' }).click();
  await expect(page.getByRole('dialog', { name: 'Нова воронка' })).toBeVisible();
  await checkScreenSoft(page, testInfo, 'deals-pipeline-create-uk');
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog', { name: 'Нова воронка' })).toHaveCount(0);
  await page.getByText('English', { exact: true }).click();

  await addStaff(page, [HANNA, DARYNA]);

  // The head creates a deal and gives it to the manager.
  await firstSignIn(page, HANNA);
  await openSection(page, 'Deals');
  await page.getByRole('button', { name: 'New deal', exact: true }).click();
  await page.getByLabel('Deal title', { exact: true }).fill('Поставка борошна');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Поставка борошна', level: 1 })).toBeVisible();
  // In Ukrainian: the office's language.
  await page.getByText('Українська', { exact: true }).click();
  await page.getByRole('button', { name: 'Передати іншому менеджеру' }).click();
  const reassign = page.getByRole('dialog', { name: 'Передати угоду іншому менеджеру' });
  await reassign.getByLabel('Новий відповідальний').click();
  await page.getByRole('option', { name: 'Дарина Мельник' }).click();
  await checkScreenSoft(page, testInfo, 'deal-reassign-dialog-uk');
  const handed = answerOf<Deal>(page, 'deals.reassign');
  await reassign.getByRole('button', { name: 'Передати', exact: true }).click();
  const answer = await handed;
  expect(answer.ok && answer.value.ownerName).toBe('Дарина Мельник');
  await expect(page.getByRole('status').filter({ hasText: 'передано' })).toHaveText(
    'Угоду передано. Тепер за неї відповідає Дарина Мельник.',
  );
  await expect(reassign).toHaveCount(0);
  await checkScreenSoft(page, testInfo, 'deal-reassigned-uk');
  await page.getByText('English', { exact: true }).click();
  await signOut(page);

  // The manager sees it on her board and opens it.
  await firstSignIn(page, DARYNA);
  await openSection(page, 'Deals');
  const card = column(page, 'stage-new').getByTestId('deal-card');
  await expect(card).toHaveCount(1);
  await expect(card).toContainText('Поставка борошна');
  await card.click();
  await expect(page.getByRole('heading', { name: 'Поставка борошна', level: 1 })).toBeVisible();
  await expect(page.getByText('Дарина Мельник').first()).toBeVisible();
  await expect(page.getByRole('button', { name: 'Give to another manager' })).toHaveCount(0);

  // Her deal's page in Ukrainian on an office laptop's screen, then deleting it: the same record
  // dialog as contacts and companies (no browser confirm), and the board no longer shows it.
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.getByText('Українська', { exact: true }).click();
  await expect(page.getByTestId('deal-stage')).toHaveText('Нова');
  await checkScreenSoft(page, testInfo, 'deal-page-uk');
  await page.getByRole('button', { name: 'Видалити', exact: true }).click();
  const remove = page.getByRole('dialog', { name: 'Видалити угоду?' });
  await expect(remove).toContainText('Угода «Поставка борошна» зникне з дошки та списку');
  await checkScreenSoft(page, testInfo, 'deal-delete-dialog-uk');
  const deleted = answerOf<{ id: string }>(page, 'deals.delete');
  await remove.getByRole('button', { name: 'Видалити', exact: true }).click();
  expect((await deleted).ok).toBe(true);
  await expect(page.getByRole('heading', { name: 'Угоди', level: 1 })).toBeVisible();
  await expect(column(page, 'stage-new').getByTestId('deal-card')).toHaveCount(0);
});
