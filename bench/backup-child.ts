/**
 * The backup case's child process (bundled by esbuild first, as the app's main process is, so no
 * transpiler sits in its memory): `backup-child <vaultDir> <destination> <recipient>` runs the
 * CLI's path — `createBackup` of the closed vault to an age X25519 recipient, the manifest signed
 * with the key derived from the recovery key (read from stdin, derived before timing) — and prints
 * `{ ms, maxRssMiB, rssBeforeMiB, file, size, members }` as one JSON line. `ms` is the createBackup call alone
 * (not the process start-up); `maxRssMiB` is the process's peak resident memory.
 */
import { performance } from 'node:perf_hooks';
import { readFileSync } from 'node:fs';
import { createBackup } from '../src-main/backup/create';
import { authKeyFromRecoveryKey } from '../src-main/backup/keys';
import { peakRssMiB } from './peak-rss';

const [vaultDir, destination, recipient] = process.argv.slice(2);

if (!vaultDir || !destination || !recipient) {
  process.stderr.write('usage: backup-child <vaultDir> <destination> <recipient>\n');
  process.exitCode = 2;
} else {
  const authKey = await authKeyFromRecoveryKey(vaultDir, readFileSync(0, 'utf8').trim());
  // What the process holds before the run (code, SQLite, the age library): context for the peak.
  const rssBeforeMiB = process.memoryUsage().rss / 1024 / 1024;
  const started = performance.now();
  const result = await createBackup({
    vaultDir,
    destination,
    encryption: { kind: 'recipient', recipient },
    createdBy: 'bench',
    authKey,
  });
  const ms = performance.now() - started;
  const maxRssMiB = peakRssMiB();
  process.stdout.write(
    `${JSON.stringify({
      ms,
      maxRssMiB,
      rssBeforeMiB,
      file: result.file,
      size: result.size,
      members: result.manifest.members.length,
    })}\n`,
  );
}
