/**
 * Backup and restore time and memory (issues 5 and 19): `createBackup` as the CLI runs it (closed
 * vault, age X25519 recipient from backup.json) in a child process of its own, against `tar -cf -
 * <same files> | age -r <same recipient> > out` with the Debian tools, on a generated vault of
 * ~500 MB (50 MB with --quick); then `restoreBackup` of that backup (recovery key: decrypt, unpack,
 * hashes, MAC, the database checked and migrated, audit entry, swap) against `age -d | tar -x` of
 * the same file followed by the same integrity check with the SQLCipher CLI (`PRAGMA quick_check`
 * with the data key). Runs alternate A B / B A so the page cache and disk state favour neither
 * side. Judged (issue 19 point 1): both time ratios ≤ 2× and the children's peak RSS ≤ 150 MiB.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { backupIdentity } from '../../src-main/backup/age-identity';
import { dataKeyFromRecoveryKey } from '../../src-main/backup/keys';
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
export interface ChildResult {
  ms: number;
  maxRssMiB: number;
  rssBeforeMiB: number;
  file: string;
  size: number;
  members: number;
}

/** A product run with the wall time of the whole child process. */
type ProductRun = ChildResult & { wallMs: number };

/** What a restore child reports. */
interface RestoreResult {
  ms: number;
  maxRssMiB: number;
}

/**
 * Bundles bench/<name>.ts two folders below the repo root (like out/main/index.js, so
 * migrations/ and package.json resolve as in the app); one file per bench process.
 */
export function bundleChild(name: 'backup-child' | 'restore-child'): string {
  const out = join(ROOT, 'node_modules', '.zamok-bench', `${name}-${process.pid}.mjs`);
  const r = spawnSync(
    join(ROOT, 'node_modules', '.bin', 'esbuild'),
    [
      join(ROOT, 'bench', `${name}.ts`),
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

/** Runs a command with `stdin`; resolves with its stdout and wall time, rejects on a failure. */
export function run(
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

/** Removes `dir` and makes it again, empty (0700). */
export function emptyFolder(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { mode: 0o700 });
}

/** The backup case. */
export const backupCase: BenchCase<BenchContext> = {
  id: 'backup',
  title: 'backup and restore (CLI path, child processes) vs tar | age and age -d | tar -x',
  goals: [
    { kind: 'metric', metric: 'timeRatio', max: 2, unit: '×' },
    { kind: 'metric', metric: 'restoreRatio', max: 2, unit: '×' },
    { kind: 'metric', metric: 'peakRssMiB', max: 150, unit: 'MiB' },
  ],
  ownLoop: true,
  async run(ctx) {
    const { backupMegabytes: megabytes, backupRuns: runs } = ctx.options;
    const root = mkdtempSync(join(ctx.options.root ?? tmpdir(), 'zamok-bench-backup-'));
    const childFiles: string[] = [];
    try {
      const child = bundleChild('backup-child');
      childFiles.push(child);
      const restoreChild = bundleChild('restore-child');
      childFiles.push(restoreChild);
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
      // Restore: the product's backup back into an empty folder, against age -d | tar -x and the
      // SQLCipher CLI's quick_check of the unpacked database with the data key.
      const source = join(root, 'restore-source');
      emptyFolder(source);
      const made = await run(
        'node',
        [child, vault.dir, source, vault.recipient],
        vault.recoveryKey,
      );
      const backupFile = (JSON.parse(made.stdout) as ChildResult).file;
      const restored = join(root, 'restored');
      const dataKey = await dataKeyFromRecoveryKey(
        readFileSync(join(vault.dir, VAULT_FILES.keyring), 'utf8'),
        vault.recoveryKey,
      );
      const keySql = join(root, 'quick-check.sql');
      writeFileSync(
        keySql,
        `PRAGMA key = "x'${dataKey.toString('hex')}'";\nPRAGMA quick_check;\n`,
        {
          mode: 0o600,
        },
      );
      dataKey.fill(0);
      const restoreScript =
        '"$1" -d -i "$2" "$3" | tar -xf - -C "$4" && sqlcipher "$4/zamok.db" < "$5"';
      const productRestore = async (): Promise<RestoreResult> => {
        rmSync(restored, { recursive: true, force: true });
        const r = await run('node', [restoreChild, backupFile, restored], vault.recoveryKey);
        return JSON.parse(r.stdout) as RestoreResult;
      };
      const toolsRestore = async (): Promise<number> => {
        emptyFolder(restored);
        const args = ['-c', restoreScript, 'sh', AGE, identityFile, backupFile, restored, keySql];
        const r = await run('sh', args);
        if (!/^ok$/mu.test(r.stdout)) throw new Error(`restore: quick_check said ${r.stdout}`);
        return r.wallMs;
      };
      await productRestore(); // warm-up, and a check that it restores
      await toolsRestore();
      const restoreMs: number[] = [];
      const untarMs: number[] = [];
      let restorePeak = 0;
      for (let i = 0; i < runs; i++) {
        const tools = i % 2 === 1;
        if (tools) untarMs.push(await toolsRestore());
        const r = await productRestore();
        restoreMs.push(r.ms);
        restorePeak = Math.max(restorePeak, r.maxRssMiB);
        if (!tools) untarMs.push(await toolsRestore());
      }

      const subject = summarize(productMs);
      const baseline = summarize(tarMs);
      const restoreStats = summarize(restoreMs);
      const untarStats = summarize(untarMs);
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
          { label: 'restoreBackup (in the child, CLI path)', role: 'context', stats: restoreStats },
          {
            label: 'age -d | tar -x, then sqlcipher quick_check',
            role: 'context',
            stats: untarStats,
          },
        ],
        metrics: {
          peakRssMiB: Math.round(peak),
          timeRatio: Math.round((subject.p50Ms / baseline.p50Ms) * 100) / 100,
          restoreRatio: Math.round((restoreStats.p50Ms / untarStats.p50Ms) * 100) / 100,
          restorePeakRssMiB: Math.round(restorePeak),
          rssBeforeMiB: Math.round(first.rssBeforeMiB),
          vaultMiB: Math.round(vault.bytes / 1024 / 1024),
        },
        notes: [
          'timeRatio = p50 createBackup / p50 tar|age; restoreRatio = p50 restoreBackup / p50 ' +
            '(age -d | tar -x; sqlcipher quick_check); peakRssMiB: the backup children ' +
            '(rssBeforeMiB: one of them before its run)',
          `vault: ${mib(vault.bytes)} copied (${vault.contacts} contacts with notes, ` +
            `${vault.attachments} attachment files of random bytes); backup file ${mib(size)}; ` +
            `${readdirSync(join(vault.dir, VAULT_FILES.attachments)).length} attachment folders`,
          'createBackup also hashes every member (manifest), checks zamok.db did not change ' +
            'while read, fsyncs the file and folder and renames it into place; restoreBackup ' +
            'also hashes, checks the MAC, opens the database (migrations), writes an audit ' +
            'entry and swaps the folder in; the tools do none of these',
          `vault on ${root}`,
        ],
      };
    } finally {
      for (const file of childFiles) rmSync(file, { force: true });
      rmSync(root, { recursive: true, force: true });
    }
  },
};
