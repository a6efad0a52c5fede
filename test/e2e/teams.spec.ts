/**
 * Teams and the head's view, end to end, in Ukrainian: the owner creates a team on the Users →
 * Teams tab, makes a head of it (who joins it) and adds a manager; the head then narrows the deal
 * board to that manager with the "Відповідальний" filter and sees only her deal. A manager outside
 * the team filtering by the head's id gets nothing (the filter only narrows the scope). Screenshots
 * of the teams tab and the filtered board; axe finds nothing serious on either.
 */
import type { Deal } from '../../src-shared/deals';
import type { TeamSummary } from '../../src-shared/ipc/teams';
import { expect, test } from './fixtures';
import { runSetupWizard, signOut } from './support/flows';
import { checkScreenSoft } from './support/screens';
import {
  addStaff,
  callAsPage,
  DARYNA,
  firstSignIn,
  HANNA,
  OLEH,
  openSection,
  signedInUserId,
  signInStaff,
  type EnrolledStaff,
  type StaffMember,
} from './support/staff';

test.use({ locale: 'en-GB', actionTimeout: 30_000 });

test('teams: the owner makes a team with a head and a member; the head narrows the board to the member', async ({
  page,
  hostOrigin,
  hostToken,
}, testInfo) => {
  test.setTimeout(300_000);
  const host = { origin: hostOrigin, token: hostToken };
  await runSetupWizard(page);
  await addStaff(page, [HANNA, DARYNA, OLEH], { stay: true });

  // In Ukrainian, as the office works: Користувачі → Команди.
  await page.getByText('Українська', { exact: true }).click();
  await page.getByRole('tab', { name: 'Команди' }).click();
  await expect(page.getByText('Команд ще немає.')).toBeVisible();
  await page.getByLabel('Назва нової команди').fill('Продажі Київ');
  await page.getByRole('button', { name: 'Створити команду' }).click();
  const card = page.locator('[data-team="Продажі Київ"]');
  await expect(card.getByRole('heading', { name: 'Продажі Київ' })).toBeVisible();

  // The head joins the team by becoming its head; the manager is added as a member.
  await card.getByLabel('Керівник', { exact: true }).click();
  await page.getByRole('option', { name: HANNA.displayName }).click();
  await expect(
    card.getByRole('button', { name: `Вилучити ${HANNA.displayName} з команди` }),
  ).toBeVisible();
  await card.getByLabel('Додати учасника', { exact: true }).click();
  await page.getByRole('option', { name: DARYNA.displayName }).click();
  await expect(
    card.getByRole('button', { name: `Вилучити ${DARYNA.displayName} з команди` }),
  ).toBeVisible();
  const { result: teams } = await callAsPage<TeamSummary[]>(page, host, 'zamok:teams.list', {});
  expect(
    teams.ok && teams.value.map(t => [t.name, t.memberIds.length, t.headUserId !== null]),
  ).toEqual([['Продажі Київ', 2, true]]);
  await page.keyboard.press('Escape');
  await checkScreenSoft(page, testInfo, 'teams-tab-uk');
  await page.getByText('English', { exact: true }).click();
  await signOut(page);

  // Each member has a deal of their own; Oleh is in no team.
  const deal = async (member: StaffMember, title: string): Promise<EnrolledStaff> => {
    const enrolled = await firstSignIn(page, member);
    const { result } = await callAsPage<Deal>(page, host, 'zamok:deals.create', {
      deal: { title },
    });
    expect(result.ok, `${member.login} creates a deal`).toBe(true);
    return enrolled;
  };
  await deal(DARYNA, 'Поставка борошна');
  await signOut(page);
  const oleh = await deal(OLEH, 'Ремонт пекарні');
  await signOut(page);
  await deal(HANNA, 'Обладнання для цеху');
  const hannaId = await signedInUserId(page, host);

  // The head's board in Ukrainian at an office laptop's size: everyone's deals, then Daryna's only.
  await page.setViewportSize({ width: 1366, height: 768 });
  await openSection(page, 'Deals');
  await page.getByText('Українська', { exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Угоди', level: 1 })).toBeVisible();
  const cards = page.getByTestId('deal-card');
  await expect(cards).toHaveCount(3);
  await page.getByRole('combobox', { name: 'Відповідальний' }).click();
  await page.getByRole('option', { name: DARYNA.displayName }).click();
  await expect(cards).toHaveCount(1);
  await expect(cards).toContainText('Поставка борошна');
  await expect(cards.locator(`[data-person="${DARYNA.displayName}"]`)).toBeVisible();
  await checkScreenSoft(page, testInfo, 'deals-board-owner-filter-uk');
  await page.getByText('English', { exact: true }).click();
  await signOut(page);

  // Oleh (own scope, no team) asking for the head's deals gets nothing, not her deals.
  await signInStaff(page, oleh);
  const { result: narrowed, body } = await callAsPage<{ items: unknown[] }>(
    page,
    host,
    'zamok:deals.list',
    { filter: { ownerId: hannaId } },
  );
  expect(narrowed.ok && narrowed.value.items).toEqual([]);
  expect(body).not.toContain('Обладнання для цеху');
});
