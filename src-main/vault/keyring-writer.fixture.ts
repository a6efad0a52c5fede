/**
 * Test fixture run as a child process by atomic-write.test.ts: unlocks a vault and rewrites the
 * `writer` slot in a loop (alternating passwords pw-a / pw-b) until it is killed.
 * Usage: node --import tsx keyring-writer.fixture.ts <vault dir>
 */
import { createNoKeychainStore } from './device';
import { setPasswordSlot } from './slots';
import { TEST_KDF, TEST_OWNER } from './temp-vault.test-support';
import { unlockWithPassword } from './unlock';

const dir = process.argv[2];
if (!dir) throw new Error('usage: keyring-writer.fixture.ts <vault dir>');
const deviceStore = createNoKeychainStore();
const vault = await unlockWithPassword(dir, TEST_OWNER.login, TEST_OWNER.password, { deviceStore });
for (let i = 0; ; i++) {
  await setPasswordSlot(vault, 'writer', i % 2 === 0 ? 'pw-a' : 'pw-b', {
    kdf: TEST_KDF,
    deviceStore,
    deviceBinding: false,
  });
  if (i === 0) process.stdout.write('writing\n');
}
