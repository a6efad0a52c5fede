/**
 * Issue 19 point 4: a lock costs the same on a small and a large vault. `auth.lock` through the
 * product's router (audit entry, the vault closed — WAL folded in — the commit record's clean-close
 * stamp, the guard's clean-close snapshot) on a fresh vault vs one padded to `--backup-mb` × 0.4 MB
 * (200 MB by default), interleaved; each lock follows an untimed sign-in. Goal: p50(large) /
 * p50(small) ≤ 1.5×. Context: SHA-256 of the large zamok.db — what every lock used to add.
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createZamokApp, type ZamokApp } from '../../src-main/app/compose';
import { generateTotp } from '../../src-main/auth/totp';
import { createNoKeychainStore } from '../../src-main/vault';
import { setBackgroundCheckpoints } from '../../src-main/vault/database';
import { TEST_KDF } from '../../src-main/vault/temp-vault.test-support';
import type { BenchContext } from '../context';
import type { BenchCase } from '../runner';
import { summarize } from '../stats';

const OWNER = { login: 'owner', password: 'quiet river under old bridges, bench lock' };

interface LockVault {
  app: ZamokApp;
  dir: string;
  signIn(): Promise<void>;
  lock(): Promise<void>;
}

async function makeVault(dir: string, padMegabytes: number): Promise<LockVault> {
  let now = Date.now();
  const app = createZamokApp({
    vaultDir: dir,
    host: 'cli',
    kdf: TEST_KDF,
    deviceStore: createNoKeychainStore(),
    clock: () => now,
  });
  const call = async <T>(channel: string, input: unknown): Promise<T> => {
    const r = await app.router.call(`zamok:${channel}`, input, { host: 'cli' });
    if (!r.ok) throw new Error(`lock bench: ${channel} ${r.error.code}`);
    return r.value as T;
  };
  const { secret } = await call<{ secret: string }>('auth.beginTotpEnrollment', {
    login: OWNER.login,
  });
  await call('auth.createVault', {
    vaultDir: dir,
    login: OWNER.login,
    displayName: 'Bench Owner',
    password: OWNER.password,
    totpCode: generateTotp(secret, now),
    deviceBinding: false,
  });
  const sqlite = app.state.vault?.sqlite;
  if (!sqlite) throw new Error('lock bench: no open vault');
  sqlite.exec('CREATE TABLE bench_padding (id INTEGER PRIMARY KEY, data BLOB NOT NULL)');
  const insert = sqlite.prepare('INSERT INTO bench_padding (data) VALUES (?)');
  for (let mb = 0; mb < padMegabytes; mb += 16) {
    sqlite.transaction(() => {
      for (let i = mb; i < Math.min(padMegabytes, mb + 16); i++) insert.run(randomBytes(1 << 20));
    })();
  }
  await call('auth.lock', {});
  return {
    app,
    dir,
    async signIn() {
      now += 30_000; // a new TOTP step for every sign-in
      await call('auth.signIn', { ...OWNER, totpCode: generateTotp(secret, now) });
    },
    lock: () => call('auth.lock', {}),
  };
}

/** The lock case. */
export const lockCase: BenchCase<BenchContext> = {
  id: 'lock',
  title: 'auth.lock on a small vs a large vault (no work proportional to the vault size)',
  goals: [{ kind: 'ratio', max: 1.5 }],
  async run(ctx, loop) {
    setBackgroundCheckpoints(true);
    const root = mkdtempSync(join(ctx.options.root ?? tmpdir(), 'zamok-bench-lock-'));
    const padMegabytes = Math.max(10, Math.round(ctx.options.backupMegabytes * 0.4));
    try {
      ctx.log(`lock: making a small vault and a ${padMegabytes} MB one`);
      const small = await makeVault(join(root, 'small'), 0);
      const large = await makeVault(join(root, 'large'), padMegabytes);
      const vaults = [large, small];
      const samples: number[][] = [[], []];
      const rounds = Math.min(loop.iterations, 60);
      for (let i = 0; i < Math.min(loop.warmup, 5) + rounds; i++) {
        const order = i % 2 === 0 ? [0, 1] : [1, 0];
        for (const index of order) {
          const vault = vaults[index];
          if (!vault) continue;
          await vault.signIn();
          const start = performance.now();
          await vault.lock();
          if (i >= Math.min(loop.warmup, 5)) samples[index]?.push(performance.now() - start);
        }
      }
      const hashed: number[] = [];
      const largeDb = join(large.dir, 'zamok.db');
      for (let i = 0; i < 3; i++) {
        const start = performance.now();
        createHash('sha256').update(readFileSync(largeDb)).digest();
        hashed.push(performance.now() - start);
      }
      const sizes = vaults.map(v => statSync(join(v.dir, 'zamok.db')).size / 1e6);
      for (const v of vaults) v.app.dispose();
      return {
        series: [
          { label: 'auth.lock, large vault', role: 'subject', stats: summarize(samples[0] ?? []) },
          { label: 'auth.lock, small vault', role: 'baseline', stats: summarize(samples[1] ?? []) },
          {
            label: 'SHA-256 of the large zamok.db (the old lock fingerprint)',
            role: 'context',
            stats: summarize(hashed),
          },
        ],
        notes: [`zamok.db: large ${sizes[0]?.toFixed(1)} MB, small ${sizes[1]?.toFixed(1)} MB`],
      };
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  },
};
