/**
 * The restore case's child process (bundled by esbuild like backup-child.ts):
 * `restore-child <backupFile> <targetDir>` restores the backup into an empty folder with the
 * recovery key read from stdin — `zamok backup restore FILE --recovery-key-stdin` as the CLI runs
 * it: decrypt, unpack, every member against its hash, the manifest's MAC, the database opened
 * and checked (quick_check, vault id, counts, audit head), migrated, the restore's audit entry,
 * the folder swapped in — and prints `{ ms, maxRssMiB, rssBeforeMiB }` as one JSON line.
 */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { restoreBackup } from '../src-main/backup/restore';
import { peakRssMiB } from './peak-rss';

const [file, targetDir] = process.argv.slice(2);

if (!file || !targetDir) {
  process.stderr.write('usage: restore-child <backupFile> <targetDir>\n');
  process.exitCode = 2;
} else {
  const recoveryKey = readFileSync(0, 'utf8').trim();
  const rssBeforeMiB = process.memoryUsage().rss / 1024 / 1024;
  const started = performance.now();
  const result = await restoreBackup({ file, targetDir, secret: { recoveryKey } });
  const ms = performance.now() - started;
  if (!result.databaseChecked) throw new Error('restore-child: the database was not checked');
  const maxRssMiB = peakRssMiB();
  process.stdout.write(`${JSON.stringify({ ms, maxRssMiB, rssBeforeMiB })}\n`);
}
