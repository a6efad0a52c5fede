/**
 * Issue 14 point 6 (the vault's own disk): a full disk and an immutable zamok.db each get their own
 * code and sentence instead of "Something went wrong", nothing half-written, the app still running.
 * The full disk is a real small tmpfs (root only: skipped with the printed reason elsewhere); the
 * immutable file uses `chattr +i` (ext4 as root; skipped with the reason where refused).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { translate } from '../../src-shared/i18n/messages';
import {
  mountSmallDisk,
  reportTmpfsSkip,
  TMPFS,
  type SmallDisk,
} from '../backup/tmpfs.test-support';
import { createOwnerVault } from '../cli/cli.test-support';
import { makeTempDir } from '../vault/temp-vault.test-support';

reportTmpfsSkip('the full vault disk test');
const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanups.splice(0).reverse()) c();
});

/** Fills the disk holding `dir` to the last byte; returns the filler file. */
function fill(dir: string): string {
  const filler = join(dir, 'filler.bin');
  writeFileSync(filler, '');
  for (const size of [64 * 1024, 4096, 512, 1]) {
    const chunk = Buffer.alloc(size, 1);
    for (;;) {
      try {
        writeFileSync(filler, chunk, { flag: 'a' });
      } catch {
        break; // ENOSPC: on to smaller pieces
      }
    }
  }
  return filler;
}

const immutableProbe = (() => {
  const dir = makeTempDir('zamok-chattr-probe-');
  writeFileSync(join(dir, 'f'), '');
  const ok = spawnSync('chattr', ['+i', join(dir, 'f')]).status === 0;
  if (ok) spawnSync('chattr', ['-i', join(dir, 'f')]);
  rmSync(dir, { recursive: true, force: true });
  return ok;
})();
if (!immutableProbe) console.warn('SKIPPED the immutable zamok.db test: chattr +i is refused here');

describe('the vault’s own disk', () => {
  it.skipIf(!TMPFS.available)(
    'full: the write answers vault_full, nothing half-written; after freeing space it works',
    async () => {
      const disk: SmallDisk = mountSmallDisk(4096);
      cleanups.push(() => disk.unmount());
      const dir = join(disk.dir, 'vault');
      mkdirSync(dir);
      const { app, call } = await createOwnerVault(dir);
      cleanups.push(() => app.dispose());
      await call('contacts.create', { contact: { surname: 'Перший', givenName: 'Запис' } });
      const filler = fill(disk.dir);
      const blob = 'н'.repeat(4000);
      let refused: { code: string; message: string } | null = null;
      for (let i = 0; i < 50 && !refused; i++) {
        const r = await app.router.call(
          'zamok:contacts.create',
          { contact: { surname: 'Повний', givenName: 'Диск', notes: blob } },
          { host: 'cli' },
        );
        if (!r.ok) refused = r.error;
      }
      expect(refused).toMatchObject({ code: 'vault_full' });
      expect(translate('en', 'errors.vault_full')).toMatch(/disk that holds the vault is full/);
      // Still running, still signed in; with space again the same write works.
      rmSync(filler);
      await call('contacts.create', { contact: { surname: 'Після', givenName: 'Місце' } });
      const list = await call<{ items: unknown[] }>('contacts.list', { limit: 100 });
      expect(list.items.length).toBeGreaterThanOrEqual(2);
    },
    60_000,
  );

  it.skipIf(!immutableProbe)(
    'an immutable zamok.db: sign-in answers vault_not_writable, worded as read-only/immutable',
    async () => {
      const dir = join(makeTempDir('zamok-immutable-'), 'vault');
      const { app, call, secret, enrolledAt } = await createOwnerVault(dir);
      await call('auth.signOut', {});
      const db = join(dir, 'zamok.db');
      expect(spawnSync('chattr', ['+i', db]).status).toBe(0);
      cleanups.push(() => {
        spawnSync('chattr', ['-i', db]);
        rmSync(join(dir, '..'), { recursive: true, force: true });
      });
      const { generateTotp } = await import('../auth/totp');
      const { CLI_OWNER } = await import('../cli/cli.test-support');
      const r = await app.router.call(
        'zamok:auth.signIn',
        {
          login: CLI_OWNER.login,
          password: CLI_OWNER.password,
          totpCode: generateTotp(secret, enrolledAt + 30_000),
        },
        { host: 'cli' },
      );
      expect(r).toMatchObject({ ok: false, error: { code: 'vault_not_writable' } });
      expect(translate('en', 'errors.vault_not_writable')).toMatch(
        /read-only \(or marked immutable\)/,
      );
      app.dispose();
    },
    60_000,
  );
});
