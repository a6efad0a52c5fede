/** The password rules (src-shared/policy/password) as the main process enforces them. */
import { checkPassword } from '../../src-shared/policy/password';
import { CallFailure } from '../ipc';

/** Refuses a password that breaks the rules: `weak_password` with the rules' issues. */
export function enforcePolicy(password: string, login: string, displayName?: string): void {
  const verdict = checkPassword({ password, login, ...(displayName ? { displayName } : {}) });
  if (!verdict.ok) {
    throw new CallFailure('weak_password', 'The new password does not meet the password rules.', {
      issues: verdict.issues,
    });
  }
}
