/**
 * The lockout high-water mark in the real OS keychain (Secret Service on Linux): a lockout.json put
 * back from an older copy is refused by a store that has never seen the newer file in memory.
 *   bash scripts/with-test-keychain.sh npx vitest run src-main/auth/lockout-counter.keychain.test.ts
 */
import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createKeychainStore, type DeviceSecretStore } from '../vault';
import { makeTempDir } from '../vault/temp-vault.test-support';
import { openLockoutStore } from './lockout';
import { keychainLockoutCounter } from './lockout-counter';
import { LOCKOUT_FILES } from './lockout-file';

const HOW_TO_RUN =
  'No OS keychain (Secret Service) is reachable. `npm run test:unit` provides a throwaway one; for this file run: ' +
  'bash scripts/with-test-keychain.sh npx vitest run src-main/auth/lockout-counter.keychain.test.ts';

// A service name of its own, so the test never touches a real Zamok entry on a developer's machine.
const service = `zamok-test-${randomBytes(4).toString('hex')}`;
let keychain: DeviceSecretStore;

beforeAll(async () => {
  if (!(await createKeychainStore().isAvailable())) expect.fail(HOW_TO_RUN);
  keychain = createKeychainStore(service);
});

describe('the lockout high-water mark in the OS keychain', () => {
  it('keeps the highest seq and refuses an older copy of lockout.json', async () => {
    const dir = makeTempDir();
    writeFileSync(join(dir, 'zamok.db'), 'stand-in');
    const vaultId = randomBytes(16).toString('hex');
    const open = () =>
      openLockoutStore({
        dir,
        vaultId,
        deviceStore: keychain,
        counter: keychainLockoutCounter(dir, vaultId, keychain),
      });
    const first = await open();
    await first.recordFailure(first.loginId('olena'));
    const copy = readFileSync(join(dir, LOCKOUT_FILES.state));
    await first.recordFailure(first.loginId('olena'));
    expect(await keychainLockoutCounter(dir, vaultId, keychain).read()).toBe(2);

    writeFileSync(join(dir, LOCKOUT_FILES.state), copy);
    const second = await open();
    expect(await second.check(second.loginId('petro'))).toMatchObject({
      allowed: false,
      tampered: true,
    });
    await keychain.remove(`lockout-seq:${vaultId}`);
    await keychain.remove(`lockout:${vaultId}`);
  });
});
