/**
 * Unlock cost as designed, at sign-in: a password slot below the floor is rewrapped with this
 * machine's parameters (same slot, new salt and cost; the same password keeps working), once, and
 * never downward. Real vault files, the real router; small Argon2id parameters stand for the
 * floor and the calibration (the decision on measured CPU time is tested in vault/kdf.test.ts).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Result } from '../../src-shared/ipc/contract';
import type { TotpEnrollment } from '../../src-shared/ipc/auth';
import { generateTotp } from '../auth/totp';
import { createNoKeychainStore, type KdfParams } from '../vault';
import { makeTempDir, TEST_KDF } from '../vault/temp-vault.test-support';
import { createZamokApp, type ZamokApp } from './compose';

const OWNER = {
  login: 'olena',
  displayName: 'Olena Koval',
  password: 'quiet river under old bridges',
};
const START = Date.parse('2026-03-02T09:00:00Z');
/** Stands for this machine's calibration: costlier than TEST_KDF, cheap enough for a test. */
const CALIBRATED: KdfParams = { memoryKiB: 4096, iterations: 2, parallelism: 1 };

const apps: ZamokApp[] = [];
afterEach(() => {
  for (const app of apps.splice(0)) app.dispose();
});

function openApp(dir: string, kdf: KdfParams, now: () => number): ZamokApp {
  const app = createZamokApp({
    vaultDir: dir,
    host: 'preview',
    kdf,
    deviceStore: createNoKeychainStore(),
    clock: now,
  });
  apps.push(app);
  return app;
}

async function ok(app: ZamokApp, channel: string, input: unknown): Promise<unknown> {
  const r: Result<unknown> = await app.router.call(`zamok:${channel}`, input, { host: 'preview' });
  if (!r.ok) throw new Error(`${channel}: ${r.error.code}`);
  return r.value;
}

interface StoredSlot {
  id: string;
  kind: string;
  wrappedKey: string;
  kdf: KdfParams & { salt: string };
}
const slotsOf = (dir: string): StoredSlot[] =>
  (JSON.parse(readFileSync(join(dir, 'keyring.json'), 'utf8')) as { slots: StoredSlot[] }).slots;

/** A vault whose slots were made with TEST_KDF (below the floor), signed out. */
async function weakVault() {
  let now = START;
  const clock = () => now;
  const dir = join(makeTempDir('zamok-slot-cost-'), 'vault');
  const setupApp = openApp(dir, TEST_KDF, clock);
  const enrollment = (await ok(setupApp, 'auth.beginTotpEnrollment', {
    login: OWNER.login,
  })) as TotpEnrollment;
  await ok(setupApp, 'auth.createVault', {
    vaultDir: dir,
    ...OWNER,
    totpCode: generateTotp(enrollment.secret, now),
    deviceBinding: false,
  });
  await ok(setupApp, 'auth.signOut', {});
  const signIn = async (app: ZamokApp) => {
    now += 30_000; // a fresh TOTP step each time
    await ok(app, 'auth.signIn', {
      login: OWNER.login,
      password: OWNER.password,
      totpCode: generateTotp(enrollment.secret, now),
    });
    await ok(app, 'auth.signOut', {});
  };
  return { dir, clock, signIn };
}

describe('a sign-in raises a slot below the floor', () => {
  it("rewraps the signer's slot with this machine's parameters, once; the password still opens it", async () => {
    const { dir, clock, signIn } = await weakVault();
    const before = slotsOf(dir);
    const owner = before.find(s => s.kind === 'password');
    const recovery = before.find(s => s.kind === 'recovery');
    expect(owner?.kdf).toMatchObject(TEST_KDF);

    const app = openApp(dir, CALIBRATED, clock);
    await signIn(app);
    const after = slotsOf(dir);
    const raised = after.find(s => s.id === owner?.id);
    expect(raised?.kdf).toMatchObject(CALIBRATED);
    expect(raised?.kdf.salt).not.toBe(owner?.kdf.salt);
    expect(raised?.wrappedKey).not.toBe(owner?.wrappedKey);
    // Only that slot: the recovery slot is as it was.
    expect(after.find(s => s.kind === 'recovery')).toEqual(recovery);

    // The same password opens the raised slot, and a slot at the design is left alone.
    await signIn(app);
    expect(slotsOf(dir)).toEqual(after);
  });

  it('never lowers a slot: an app whose parameters are not costlier leaves it as stored', async () => {
    const { dir, clock, signIn } = await weakVault();
    const before = slotsOf(dir);
    await signIn(openApp(dir, TEST_KDF, clock));
    await signIn(openApp(dir, { memoryKiB: 512, iterations: 1, parallelism: 1 }, clock));
    expect(slotsOf(dir)).toEqual(before);
  });
});
