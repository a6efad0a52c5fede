/**
 * Backups in a process of their own, as the app's scheduler would run them:
 * - killed with SIGKILL in the middle of writing, a run leaves no file named *.zamokbackup (only a
 *   temp name) and the vault's files unchanged; the next run removes the leftovers;
 * - on a ~200 MB vault (random blob rows) backup + verification peak below 200 MiB RSS. The child is
 *   bundled first, as the app's main process is (running it under tsx adds ~45 MiB of transpiler
 *   caches that the app does not have).
 */
import { spawn, spawnSync } from 'node:child_process';
import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { makeTempDir, snapshotDir } from '../vault/temp-vault.test-support';
import { createBackup } from './create';
import { authKeyFromRecoveryKey } from './keys';
import { BACKUP_EXTENSION } from './manifest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
// Two folders below the repo root, like out/main/index.js, so migrations/ and package.json resolve
// the same way; not under out/, which a concurrent build empties. One file per test process.
const CHILD = join(ROOT, 'node_modules', '.zamok-backup-test', `child-${process.pid}.mjs`);

interface Generated {
  dir: string;
  recoveryKey: string;
  recipient: string;
  vaultId: string;
}

// Hundreds of MB per test: removed after each one.
const bigDirs: string[] = [];
afterEach(() => {
  for (const dir of bigDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});
afterAll(() => rmSync(CHILD, { force: true }));

function bigDir(prefix: string): string {
  const dir = makeTempDir(prefix);
  bigDirs.push(dir);
  return dir;
}

function generate(megabytes: number): Generated {
  const r = spawnSync('node', [CHILD, 'generate', bigDir('zamok-big-'), String(megabytes)], {
    encoding: 'utf8',
    timeout: 120_000,
  });
  if (r.status !== 0) throw new Error(`generate failed (${r.status} ${r.signal}): ${r.stderr}`);
  return JSON.parse(r.stdout) as Generated;
}

function vaultFiles(dir: string): Record<string, string | undefined> {
  const all = snapshotDir(dir);
  return { db: all['zamok.db'], keyring: all['keyring.json'], backupJson: all['backup.json'] };
}

beforeAll(() => {
  const r = spawnSync(
    join(ROOT, 'node_modules', '.bin', 'esbuild'),
    [
      join(ROOT, 'src-main', 'backup', 'child.fixture.ts'),
      '--bundle',
      '--platform=node',
      '--format=esm',
      '--packages=external',
      `--outfile=${CHILD}`,
      '--log-level=warning',
    ],
    { encoding: 'utf8' },
  );
  if (r.status !== 0) throw new Error(`esbuild failed: ${r.stderr}`);
}, 120_000);

describe('backup in a child process', () => {
  it('SIGKILL while writing leaves no *.zamokbackup, the vault unchanged, and the next run cleans up', async () => {
    const g = generate(48);
    const dest = bigDir('zamok-kill-');
    const before = vaultFiles(g.dir);
    const child = spawn('node', [CHILD, 'backup', g.dir, dest, g.recipient], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const killed = await new Promise<boolean>((resolve, reject) => {
      let buffered = '';
      child.stdout.on('data', (chunk: Buffer) => {
        buffered += chunk.toString();
        const lines = buffered.split('\n');
        buffered = lines.pop() ?? '';
        for (const line of lines) {
          const p = JSON.parse(line) as { phase?: string; bytesDone?: number; bytesTotal?: number };
          if (p.phase === 'write' && (p.bytesDone ?? 0) > (p.bytesTotal ?? 0) / 3) {
            child.kill('SIGKILL');
          }
        }
      });
      child.on('exit', (_code, signal) => resolve(signal === 'SIGKILL'));
      child.on('error', reject);
    });
    expect(killed).toBe(true);
    const left = readdirSync(dest);
    expect(left.length).toBeGreaterThan(0);
    expect(left.every(name => name.startsWith('.zamok-backup-'))).toBe(true);
    expect(left.some(name => name.endsWith(BACKUP_EXTENSION))).toBe(false);
    expect(vaultFiles(g.dir)).toEqual(before);

    const next = await createBackup({
      vaultDir: g.dir,
      destination: dest,
      encryption: { kind: 'recipient', recipient: g.recipient },
      createdBy: 'scheduler',
      authKey: await authKeyFromRecoveryKey(g.dir, g.recoveryKey),
    });
    expect(readdirSync(dest)).toEqual([next.file.split('/').at(-1)]);
    expect(vaultFiles(g.dir)).toEqual(before);
  });

  it('a ~200 MB vault backs up and verifies in under 200 MiB peak RSS', () => {
    const g = generate(200);
    const dest = bigDir('zamok-rss-');
    const r = spawnSync('node', [CHILD, 'backup', g.dir, dest, g.recipient, g.recoveryKey], {
      encoding: 'utf8',
      timeout: 180_000,
    });
    if (r.status !== 0) throw new Error(`backup failed (${r.status} ${r.signal}): ${r.stderr}`);
    const last = JSON.parse(r.stdout.trim().split('\n').at(-1) ?? '{}') as { maxRssMiB: number };
    // The number, for the record (CI logs show how close to the bound a run came).
    process.stdout.write(`backup + verify of a 200 MB vault: peak RSS ${last.maxRssMiB} MiB\n`);
    expect(last.maxRssMiB).toBeLessThan(200);
    expect(readdirSync(dest).filter(n => n.endsWith(BACKUP_EXTENSION))).toHaveLength(1);
  }, 240_000);
});
