/**
 * Backup time and memory (issue 5): `createBackup` as the CLI runs it (closed vault, age X25519
 * recipient from backup.json) in a child process of its own, against `tar -cf - <same files> |
 * age -r <same recipient> > out` with the Debian tools, on a generated vault of ~500 MB (50 MB with
 * --quick). Runs alternate A B / B A so the page cache and disk state favour neither side. Judged:
 * the child's peak RSS (issue: a 1 GB vault backs up in under 200 MB). Reported: the time ratio.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { backupIdentity } from '../../src-main/backup/age-identity';
import { verifyBackup } from '../../src-main/backup/verify';
import { VAULT_FILES } from '../../src-main/vault/keyring';
import { createBackupVault, type BackupVault } from '../backup-vault';
import type { BenchContext } from '../context';
import type { BenchCase } from '../runner';
import { summarize } from '../stats';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
/** The Debian age CLI (TOOLCHAIN.md). */
const AGE = '/usr/bin/age';

/** One product run as the child reports it. */
interface ChildResult {
  ms: number;
  maxRssMiB: number;
  file: string;
  size: number;
  members: number;
}

/** A product run with the wall time of the whole child process. */
type ProductRun = ChildResult & { wallMs: number };

/**
 * Bundles bench/backup-child.ts two folders below the repo root (like out/main/index.js, so
 * migrations/ and package.json resolve as in the app); one file per bench process.
 */
function bundleChild(): string {
  const out = join(ROOT, 'node_modules', '.zamok-bench', `backup-child-${process.pid}.mjs`);
  const r = spawnSync(
    join(ROOT, 'node_modules', '.bin', 'esbuild'),
    [
      join(ROOT, 'bench', 'backup-child.ts'),
      '--bundle',
      '--platform=node',
      '--format=esm',
      '--packages=external',
      `--outfile=${out}`,
      '--log-level=warning',
    ],
    { encoding: 'utf8' },
  );
  if (r.status !== 0) throw new Error(`backup: esbuild failed: ${r.stderr}`);
  return out;
}

function run(
  command: string,
  args: string[],
  stdin = '',
): Promise<{ stdout: string; wallMs: number }> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['pipe', 'pipe', 'pipe'] });
    child.stdin.end(stdin);
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (s: string) => (stdout += s));
    child.stderr.setEncoding('utf8').on('data', (s: string) => (stderr += s));
    child.on('error', reject);
    child.on('close', (code, signal) => {
      if (code === 0) resolve({ stdout, wallMs: performance.now() - started });
      else reject(new Error(`${command} exited ${code ?? signal}: ${stderr.trim().slice(0, 500)}`));
    });
  });
}

function emptyFolder(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { mode: 0o700 });
}

/** The backup case. */
export const backupCase: BenchCase<BenchContext> = {
  id: 'backup',
  title: 'backup: createBackup (CLI path, child process) vs tar | age on the same files',
  goals: [{ kind: 'metric', metric: 'peakRssMiB', max: 200, unit: 'MiB' }],
  ownLoop: true,
  async run(ctx) {
    const { backupMegabytes: megabytes, backupRuns: runs } = ctx.options;
    const root = mkdtempSync(join(ctx.options.root ?? tmpdir(), 'zamok-bench-backup-'));
    let childFile: string | null = null;
    try {
      childFile = bundleChild();
      const child = childFile;
      ctx.log(`backup: generating a ${megabytes} MB vault…`);
      const startedGen = Date.now();
      const vault: BackupVault = await createBackupVault(root, megabytes);
      ctx.log(
        `backup: ${(vault.bytes / 1024 / 1024).toFixed(0)} MiB (${vault.contacts} contacts, ` +
          `${vault.attachments} attachments) in ${Date.now() - startedGen} ms; ` +
          `1 warm-up + ${runs} runs per side…`,
      );
      const productOut = join(root, 'out-product');
      const tarOut = join(root, 'out-tar-age');
      const tarFile = join(tarOut, 'vault.tar.age');
      const identityFile = join(root, 'identity.txt');
      writeFileSync(identityFile, `${backupIdentity(vault.recoveryKey, vault.vaultId)}\n`, {
        mode: 0o600,
      });
      // The same files the product packs (src-main/backup/create.ts): database, keyring, attachments.
      const members = [VAULT_FILES.database, VAULT_FILES.keyring, VAULT_FILES.attachments];
      const script = 'tar -cf - -C "$1" "$2" "$3" "$4" | "$5" -r "$6" > "$7"';

      const product = async (): Promise<ProductRun> => {
        emptyFolder(productOut);
        // The recovery key on stdin, as `zamok backup create --recovery-key-stdin` takes it.
        const r = await run(
          'node',
          [child, vault.dir, productOut, vault.recipient],
          vault.recoveryKey,
        );
        return { ...(JSON.parse(r.stdout) as ChildResult), wallMs: r.wallMs };
      };
      const tarAge = async (): Promise<number> => {
        emptyFolder(tarOut);
        const args = ['-c', script, 'sh', vault.dir, ...members, AGE, vault.recipient, tarFile];
        return (await run('sh', args)).wallMs;
      };

      // Warm-up, and a check that both sides wrote a complete, readable backup of every file.
      const first = await product();
      const verified = await verifyBackup({
        file: first.file,
        secret: { recoveryKey: vault.recoveryKey },
      });
      // The manifest lists the database, the keyring and every attachment.
      if (!verified.databaseChecked || verified.manifest.members.length !== vault.attachments + 2) {
        throw new Error('backup: the product backup does not verify with every member');
      }
      await tarAge();
      const listed = spawnSync(
        'sh',
        ['-c', '"$1" -d -i "$2" "$3" | tar -tf -', 'sh', AGE, identityFile, tarFile],
        {
          encoding: 'utf8',
          maxBuffer: 64 * 1024 * 1024,
        },
      );
      const files = listed.stdout.split('\n').filter(line => line !== '' && !line.endsWith('/'));
      if (listed.status !== 0 || files.length !== vault.attachments + 2) {
        throw new Error(
          `backup: tar | age output lists ${files.length} files, expected ${vault.attachments + 2}`,
        );
      }

      const productMs: number[] = [];
      const productWallMs: number[] = [];
      const tarMs: number[] = [];
      let peak = first.maxRssMiB;
      let size = first.size;
      for (let i = 0; i < runs; i++) {
        const order = i % 2 === 0 ? ['product', 'tar'] : ['tar', 'product'];
        for (const side of order) {
          if (side === 'tar') {
            tarMs.push(await tarAge());
          } else {
            const r = await product();
            productMs.push(r.ms);
            productWallMs.push(r.wallMs);
            peak = Math.max(peak, r.maxRssMiB);
            size = r.size;
          }
        }
      }
      const subject = summarize(productMs);
      const baseline = summarize(tarMs);
      const mib = (n: number) => `${(n / 1024 / 1024).toFixed(0)} MiB`;
      return {
        series: [
          { label: 'createBackup (in the child, CLI path)', role: 'subject', stats: subject },
          { label: 'tar -cf - … | age -r … > out', role: 'baseline', stats: baseline },
          {
            label: 'createBackup child, wall time incl. start-up',
            role: 'context',
            stats: summarize(productWallMs),
          },
        ],
        metrics: {
          peakRssMiB: Math.round(peak),
          timeRatio: Math.round((subject.p50Ms / baseline.p50Ms) * 100) / 100,
          vaultMiB: Math.round(vault.bytes / 1024 / 1024),
        },
        notes: [
          `time ratio = p50 createBackup / p50 tar|age (no goal set by the issue; shown for tracking)`,
          `vault: ${mib(vault.bytes)} copied (${vault.contacts} contacts with notes, ` +
            `${vault.attachments} attachment files of random bytes); backup file ${mib(size)}; ` +
            `${readdirSync(join(vault.dir, VAULT_FILES.attachments)).length} attachment folders`,
          'createBackup also: copies zamok.db to a temp snapshot (consistency while closed), ' +
            'hashes every member (manifest), fsyncs the file and folder, renames into place; ' +
            'tar | age does none of these',
          `vault on ${root}`,
        ],
      };
    } finally {
      if (childFile) rmSync(childFile, { force: true });
      rmSync(root, { recursive: true, force: true });
    }
  },
};
