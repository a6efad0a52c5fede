/** The setup wizard's form state and per-step checks (the main process checks again). */
import type { CallError } from '../../../src-shared/ipc/contract';
import { errorFields } from '../../app/errors';
import { displayNameSchema, loginSchema, vaultDirSchema } from '../../../src-shared/ipc/auth';

/** Everything the wizard collects before `createVault`. Lives in component state only. */
export interface SetupForm {
  vaultDir: string;
  deviceBinding: boolean;
  login: string;
  displayName: string;
  password: string;
  confirm: string;
}

/** Wizard steps, 0-based as Mantine's Stepper counts them. */
export const SETUP_STEPS = { vault: 0, account: 1, twoFactor: 2, recovery: 3 } as const;
export type SetupStep = (typeof SETUP_STEPS)[keyof typeof SETUP_STEPS];

/** Whether the vault step can continue. */
export function isVaultStepValid(form: SetupForm): boolean {
  return vaultDirSchema.safeParse(form.vaultDir).success;
}

/** Whether the login has an accepted shape. */
export function isLoginValid(login: string): boolean {
  return loginSchema.safeParse(login).success;
}

/** Whether the display name is present and not too long. */
export function isDisplayNameValid(displayName: string): boolean {
  return displayNameSchema.safeParse(displayName).success;
}

/** The step where a `createVault` error belongs, so the user lands where they can fix it. */
export function stepForError(error: CallError): SetupStep {
  if (error.code === 'weak_password') return SETUP_STEPS.account;
  if (error.code.startsWith('vault_')) return SETUP_STEPS.vault;
  const fields = errorFields(error);
  if (fields.includes('vaultDir')) return SETUP_STEPS.vault;
  if (fields.some(field => ['login', 'displayName', 'password'].includes(field))) {
    return SETUP_STEPS.account;
  }
  return SETUP_STEPS.twoFactor;
}
