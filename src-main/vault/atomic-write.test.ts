import { spawn } from 'node:child_process';
import { readdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isTempFileOf, writeFileAtomic } from './atomic-write';
import {
  createNoKeychainStore,
  hasPasswordSlot,
  setPasswordSlot,
  unlockWithPassword,
} from './index';
import { createTestVault, makeTempDir, TEST_KDF, TEST_OWNER } from './temp-vault.test-support';

const noKeychain = { deviceStore: createNoKeychainStore() };
const fixture = fileURLToPath(new URL('./keyring-writer.fixture.ts', import.meta.url));
const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

/** Starts the rewrap loop in a child process and SIGKILLs it `delayMs` after its first write. */
function killMidWrite(dir: string, delayMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', fixture, dir], {
      cwd: repoRoot,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', chunk => (stderr += String(chunk)));
    child.stdout.on('data', chunk => {
      if (String(chunk).includes('writing')) setTimeout(() => child.kill('SIGKILL'), delayMs);
    });
    child.on('exit', (_code, signal) =>
      signal === 'SIGKILL' ? resolve() : reject(new Error(`writer exited on its own: ${stderr}`)),
    );
  });
}

/** Unlocks as `writer` with whichever password the last complete write left. */
async function unlockWriter(dir: string) {
  for (const password of ['pw-a', 'pw-b']) {
    const vault = await unlockWithPassword(dir, 'writer', password, noKeychain).catch(
      () => undefined,
    );
    if (vault) return vault;
  }
  throw new Error('neither password opens the writer slot');
}

describe('atomic keyring writes', () => {
  it('a process killed while rewriting keyring.json leaves a vault that opens', async () => {
    const { dir, vault } = await createTestVault();
    vault.close();
    for (const delayMs of [0, 5, 17, 43]) {
      await killMidWrite(dir, delayMs);
      expect(() => JSON.parse(readFileSync(join(dir, 'keyring.json'), 'utf8'))).not.toThrow();
      (await unlockWriter(dir)).close();
      (await unlockWithPassword(dir, TEST_OWNER.login, TEST_OWNER.password, noKeychain)).close();
    }
    const leftovers = readdirSync(dir).filter(
      n => !['zamok.db', 'zamok.commit', 'keyring.json', 'attachments'].includes(n),
    );
    expect(leftovers.every(n => isTempFileOf(join(dir, 'keyring.json'), n))).toBe(true);
  }, 120_000);

  it('a half-written temp file from a crash is ignored, and removed by a later write', async () => {
    const { dir, vault } = await createTestVault();
    const keyring = readFileSync(join(dir, 'keyring.json'));
    const stray = join(dir, 'keyring.json.0123456789abcdef.tmp');
    writeFileSync(stray, keyring.subarray(0, keyring.length / 2));
    const anHourAgo = new Date(Date.now() - 3_600_000);
    utimesSync(stray, anHourAgo, anHourAgo);
    vault.close();

    const again = await unlockWithPassword(dir, TEST_OWNER.login, TEST_OWNER.password, noKeychain);
    await setPasswordSlot(again, 'maria', 'maria-pw', {
      kdf: TEST_KDF,
      ...noKeychain,
      deviceBinding: false,
    });
    again.close();
    expect(readdirSync(dir).sort()).toEqual([
      'attachments',
      'keyring.json',
      'zamok.commit',
      'zamok.db',
    ]);
    expect(hasPasswordSlot(dir, 'maria')).toBe(true);
  });

  it('replaces a file whole and leaves no temp file behind', () => {
    const dir = makeTempDir();
    const target = join(dir, 'file.json');
    writeFileAtomic(target, 'first');
    writeFileAtomic(target, 'second');
    expect(readFileSync(target, 'utf8')).toBe('second');
    expect(readdirSync(dir)).toEqual(['file.json']);
  });
});
