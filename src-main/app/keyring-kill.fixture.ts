/**
 * Test fixture run as a child process by keyring-kill.test.ts: one key-slot-changing call through
 * the composed app's router, stopped dead at one step of the slot change (the parent SIGKILLs it
 * there). Prints `at <step>` when it stops, `done <json>` when the call finished.
 * Usage: node --import tsx keyring-kill.fixture.ts <vault dir> <op> <step|none> <json args>
 */
import { writeSync } from 'node:fs';
import { BUILT_IN_GRANTS } from '../../src-shared/roles';
import { generateTotp } from '../auth/totp';
import { createNoKeychainStore, unlockWithPassword } from '../vault';
import { setKeyringStepHook, type KeyringStep } from '../vault/keyring-changes';
import { TEST_KDF } from '../vault/temp-vault.test-support';
import { createZamokApp } from './compose';

/** What the parent passes: the owner's credentials and whatever the op needs. */
export interface KillArgs {
  ownerLogin: string;
  ownerId: string;
  ownerPassword: string;
  newPassword: string;
  recoveryKey: string;
  staffId?: string;
  staffPassword?: string;
}

const [dir, op, step, json] = process.argv.slice(2);
if (!dir || !op || !step || !json) throw new Error('usage: <dir> <op> <step|none> <json args>');
const args = JSON.parse(json) as KillArgs;

setKeyringStepHook((reached: KeyringStep) => {
  if (reached !== step) return;
  writeSync(1, `at ${reached}\n`);
  // Stop right here, synchronously, until the parent's SIGKILL.
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0);
});

const deviceStore = createNoKeychainStore();
const app = createZamokApp({ vaultDir: dir, host: 'preview', kdf: TEST_KDF, deviceStore });
const caller = { host: 'preview' } as const;

async function signInOwner(): Promise<void> {
  const vault = await unlockWithPassword(dir as string, args.ownerLogin, args.ownerPassword, {
    deviceStore,
  });
  app.state.signIn(vault, {
    userId: args.ownerId,
    login: args.ownerLogin,
    role: 'owner',
    grants: BUILT_IN_GRANTS.owner,
    teamId: null,
  });
}

const calls: Record<string, () => Promise<unknown>> = {
  async change() {
    await signInOwner();
    return app.router.call(
      'zamok:auth.changePassword',
      { currentPassword: args.ownerPassword, newPassword: args.newPassword },
      caller,
    );
  },
  async add() {
    await signInOwner();
    return app.router.call(
      'zamok:users.create',
      { login: 'petro', displayName: 'Petro', role: 'manager', setupPassword: args.newPassword },
      caller,
    );
  },
  async dismiss() {
    await signInOwner();
    return app.router.call(
      'zamok:users.dismiss',
      { userId: args.staffId, reassignToUserId: args.ownerId },
      caller,
    );
  },
  async first() {
    // maria's first sign-in: her own password and 2FA, in one call.
    const signIn = await app.router.call(
      'zamok:auth.signIn',
      { login: 'maria', password: args.staffPassword },
      caller,
    );
    if (!signIn.ok) return signIn;
    const enrollment = await app.router.call(
      'zamok:auth.beginTotpEnrollment',
      { login: 'maria' },
      caller,
    );
    if (!enrollment.ok) return enrollment;
    const { secret } = enrollment.value as { secret: string };
    return app.router.call(
      'zamok:auth.completeFirstSignIn',
      { newPassword: args.newPassword, totpCode: generateTotp(secret, Date.now()) },
      caller,
    );
  },
  reset() {
    return app.router.call(
      'zamok:auth.resetPasswordWithRecoveryKey',
      { recoveryKey: args.recoveryKey, login: args.ownerLogin, newPassword: args.newPassword },
      caller,
    );
  },
};

const run = calls[op];
if (!run) throw new Error(`unknown op ${op}`);
const result = await run();
writeSync(1, `done ${JSON.stringify(result)}\n`);
app.dispose();
