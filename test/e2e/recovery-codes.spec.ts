/**
 * One-time recovery codes from the kit: a code signs the owner in instead of the authenticator code
 * once; the same code a second time gets the generic sign-in failure; another code still works.
 */
import { expect, test } from './fixtures';
import {
  expectShell,
  expectSignInRefused,
  runSetupWizard,
  showRecoveryCodeField,
  SIGN_IN_FAILED,
  signOut,
  submitSignIn,
} from './support/flows';
import { checkScreen } from './support/screens';

test.use({ locale: 'en-GB' });

test('a recovery code signs in once and never twice', async ({ page }, testInfo) => {
  test.setTimeout(90_000);
  const owner = await runSetupWizard(page);
  const [first, second] = owner.recoveryCodes;
  if (!first || !second) throw new Error('the kit shows no recovery codes');
  await signOut(page);

  await showRecoveryCodeField(page);
  await expect(page.getByLabel('Code from the authenticator app')).toHaveCount(0);
  await checkScreen(page, testInfo, 'sign-in-recovery-code');

  await submitSignIn(page, { login: owner.login, password: owner.password, recoveryCode: first });
  await expectShell(page, owner.displayName);
  await signOut(page);

  await submitSignIn(page, { login: owner.login, password: owner.password, recoveryCode: first });
  await expectSignInRefused(page, SIGN_IN_FAILED);
  await checkScreen(page, testInfo, 'sign-in-recovery-code-used');

  // The refusal is about the used code, not the account: an unused code still works.
  await submitSignIn(page, { login: owner.login, password: owner.password, recoveryCode: second });
  await expectShell(page, owner.displayName);
});
