/**
 * `zamok backup create|verify|list|identity|restore`. These work on files, like the backup scheduler: `create`
 * needs no sign-in (the vault's files are copied closed and encrypted to the recipient kept in
 * backup.json, or to a passphrase from stdin) but the recovery key, which signs the manifest;
 * `verify` and `restore` need the backup's passphrase or the recovery key, and refuse a backup that
 * is not signed by its vault (`not_authentic`, exit 6) unless `--allow-unauthenticated` (a warning
 * on stderr). Exit codes: 6 when the backup cannot be read (corrupt, truncated, not a backup,
 * wrong key, not authentic), 7 when it cannot be written (destination or vault disk full, gone or read-only), 4 for
 * vault problems (folder not empty, newer schema), 2 for usage. `list` marks files cut short.
 */
import { resolve } from 'node:path';
import type { Command } from 'commander';
import type { BackupEncryption, BackupProgress } from '../../backup/create';
import type { BackupSecret } from '../../backup/keys';
import type * as BackupLibrary from './backup-library';
import { vaultDirOf, type CliAppContext } from '../context';
import { CliExit, EXIT, nextStdinLine, printResult, type CliContext } from '../io';
import { describeRate, transferRate } from '../../../src-shared/progress/transfer-rate';

type Library = typeof BackupLibrary;

/** The backup modules, loaded on first use. */
function library(): Promise<Library> {
  return import('./backup-library');
}

interface SecretOptions {
  passphraseStdin?: boolean;
  recoveryKeyStdin?: boolean;
  vaultId?: string;
  allowUnauthenticated?: boolean;
}

interface CreateOptions {
  out: string;
  passphraseStdin?: boolean;
  recipient?: string;
  recoveryKeyStdin?: boolean;
}

const ALLOW_UNAUTHENTICATED = [
  '--allow-unauthenticated',
  'accept a backup that is not signed (made before Zamok signed backups); prints a warning',
] as const;

/** The warning for a backup accepted without a signature (stderr, also with --json). */
function warnUnauthenticated(cli: CliContext, authenticity: string): void {
  if (authenticity !== 'unauthenticated') return;
  cli.io.err(
    'WARNING: this backup is NOT signed by its vault: Zamok cannot tell it from one put together by someone else. Use it only if you know where it came from.\n',
  );
}

/** Maps backup and vault errors to one line and an exit code. */
function asCliExit(
  error: unknown,
  { BackupError, UNREADABLE_REASONS, WRITE_FAILURE_REASONS, VaultError }: Library,
): unknown {
  if (error instanceof BackupError) {
    const exit = UNREADABLE_REASONS.has(error.reason)
      ? EXIT.backup
      : WRITE_FAILURE_REASONS.has(error.reason)
        ? EXIT.storage
        : error.reason === 'vault_damaged'
          ? EXIT.damaged
          : error.reason === 'target_not_empty' || error.reason === 'newer_schema'
            ? EXIT.vault
            : error.reason === 'no_recipient'
              ? EXIT.usage
              : EXIT.other;
    return new CliExit(exit, error.message, error.reason);
  }
  if (error instanceof VaultError) {
    const exit =
      error.code === 'auth_failed'
        ? EXIT.auth
        : error.code === 'vault_damaged'
          ? EXIT.damaged
          : error.code === 'vault_in_use'
            ? EXIT.inUse
            : error.code === 'vault_full'
              ? EXIT.storage
              : EXIT.vault;
    return new CliExit(exit, error.message, error.code);
  }
  return error;
}

/** Runs `fn` with the backup modules; their errors become CliExits. */
async function guarded<T>(fn: (b: Library) => Promise<T>): Promise<T> {
  const b = await library();
  try {
    return await fn(b);
  } catch (error) {
    throw asCliExit(error, b);
  }
}

function secretFrom(cli: CliContext, o: SecretOptions): BackupSecret {
  if (o.passphraseStdin && o.recoveryKeyStdin) {
    throw new CliExit(EXIT.usage, 'Give --passphrase-stdin or --recovery-key-stdin, not both.');
  }
  if (o.passphraseStdin) return { passphrase: nextStdinLine(cli, 'the backup passphrase') };
  if (o.recoveryKeyStdin) return { recoveryKey: nextStdinLine(cli, 'the recovery key') };
  throw new CliExit(EXIT.usage, 'Give --passphrase-stdin or --recovery-key-stdin.');
}

/**
 * Progress: a bar with the speed and time left on a terminal (stderr), JSON lines with --json
 * (`megabytesPerSecond`, `secondsLeft` once known), nothing otherwise. `elapsedMs` is monotonic.
 */
export function progressReporter(
  cli: CliContext,
  elapsedMs: () => number = stopwatch(),
): (p: BackupProgress) => void {
  const json = cli.globals().json ?? false;
  let lastPercent = -1;
  return p => {
    const percent = p.bytesTotal > 0 ? Math.floor((p.bytesDone / p.bytesTotal) * 100) : 0;
    if (percent === lastPercent && p.phase === 'write') return;
    lastPercent = percent;
    const rate = transferRate(p.bytesDone, p.bytesTotal, elapsedMs());
    if (json) {
      const speed = rate.megabytesPerSecond === null ? {} : rate;
      cli.io.out(`${JSON.stringify({ progress: { phase: p.phase, percent, ...speed } })}\n`);
    } else if (cli.io.errIsTty) {
      const bar = '#'.repeat(Math.floor(percent / 5)).padEnd(20, '.');
      const speed = describeRate(rate);
      cli.io.err(
        `\r[${bar}] ${String(percent).padStart(3)}% ${p.phase}${speed ? ` ${speed}` : ''}   `,
      );
      if (p.phase === 'done') cli.io.err('\n');
    }
  };
}

/** Milliseconds since the call, from the monotonic clock. */
function stopwatch(): () => number {
  const start = performance.now();
  return () => performance.now() - start;
}

/** Registers the backup commands. */
export function registerBackupCommands(program: Command, cli: CliAppContext): void {
  const backup = program.command('backup').description('encrypted backups (age + tar)');

  backup
    .command('create')
    .description('back up the vault into DIR (no sign-in; the recovery key signs it)')
    .requiredOption('--out <dir>', 'destination folder')
    .option('--passphrase-stdin', 'encrypt with a passphrase read from standard input')
    .option('--recipient <age1…>', 'encrypt to this age X25519 public key')
    .option(
      '--recovery-key-stdin',
      'the recovery key on standard input (after the passphrase): signs the backup',
    )
    .action(async (opts: CreateOptions) => {
      const vaultDir = vaultDirOf(cli);
      if (!opts.recoveryKeyStdin) {
        throw new CliExit(
          EXIT.usage,
          'Give --recovery-key-stdin: a backup is signed with the vault key, and without a sign-in the recovery key is the way to it.',
          'needs_key',
        );
      }
      const result = await guarded(async b => {
        const { vaultId } = b.readKeyringInfo(vaultDir);
        let encryption: BackupEncryption;
        if (opts.passphraseStdin && opts.recipient) {
          throw new CliExit(EXIT.usage, 'Give --passphrase-stdin or --recipient, not both.');
        } else if (opts.passphraseStdin) {
          encryption = {
            kind: 'passphrase',
            passphrase: nextStdinLine(cli, 'the backup passphrase'),
          };
        } else {
          const recipient = opts.recipient ?? b.readPlainRecipient(vaultDir, vaultId);
          if (!recipient || !b.isAgeRecipient(recipient)) {
            throw new CliExit(
              EXIT.usage,
              'This vault has no backup key in backup.json; give --recipient or --passphrase-stdin.',
            );
          }
          encryption = { kind: 'recipient', recipient };
        }
        const authKey = await b.authKeyFromRecoveryKey(
          vaultDir,
          nextStdinLine(cli, 'the recovery key'),
        );
        try {
          return await b.createBackup({
            vaultDir,
            destination: resolve(opts.out),
            encryption,
            createdBy: 'cli',
            authKey,
            onProgress: progressReporter(cli),
          });
        } finally {
          authKey.fill(0);
        }
      });
      printResult(cli, { file: result.file, size: result.size, manifest: result.manifest }, () => [
        `Backup written: ${result.file} (${result.size} bytes).`,
        'Check it with: zamok backup verify FILE --recovery-key-stdin (or --passphrase-stdin)',
      ]);
    });

  backup
    .command('verify <file>')
    .description('decrypt, check every member and open the database inside')
    .option('--passphrase-stdin', 'the backup passphrase on standard input')
    .option('--recovery-key-stdin', 'the recovery key on standard input (also checks the database)')
    .option('--vault-id <id>', 'the vault id, when the file was renamed')
    .option(...ALLOW_UNAUTHENTICATED)
    .action(async (file: string, opts: SecretOptions) => {
      const secret = secretFrom(cli, opts);
      const result = await guarded(b =>
        b.verifyBackup({
          file: resolve(file),
          secret,
          allowUnauthenticated: opts.allowUnauthenticated === true,
          ...(opts.vaultId ? { vaultId: opts.vaultId } : {}),
        }),
      );
      warnUnauthenticated(cli, result.authenticity);
      printResult(cli, result, () => [
        `Backup OK: ${result.file}`,
        `Made ${result.manifest.createdAt} by ${result.manifest.createdBy} (Zamok ${result.manifest.appVersion}).`,
        result.manifest.counts
          ? `Users ${result.manifest.counts.users}, contacts ${result.manifest.counts.contacts ?? '-'}, audit entries ${result.manifest.counts.auditEntries}.`
          : 'Made while the vault was locked: no record counts.',
        result.databaseChecked
          ? 'Database opened and checked (cipher_integrity_check, quick_check, counts).'
          : 'Database NOT opened (only the passphrase was given); file hashes checked.',
        ...(result.schemaNewer ? ['Made by a newer Zamok: update before restoring.'] : []),
      ]);
    });

  backup
    .command('identity')
    .description("print the age identity of this vault's backups (for `age -d -i`); it is a SECRET")
    .requiredOption('--vault-id <id>', 'the vault id (in every backup file name)')
    .option('--recovery-key-stdin', 'the recovery key on standard input')
    .action(async (opts: { vaultId: string; recoveryKeyStdin?: boolean }) => {
      if (!opts.recoveryKeyStdin) throw new CliExit(EXIT.usage, 'Give --recovery-key-stdin.');
      if (!/^[0-9a-f]{32}$/.test(opts.vaultId))
        throw new CliExit(EXIT.usage, 'A vault id is 32 hex digits.');
      const { backupIdentity } = await library();
      const identity = backupIdentity(nextStdinLine(cli, 'the recovery key'), opts.vaultId);
      cli.io.out(`${identity}\n`);
    });

  backup
    .command('list <dir>')
    .description('list the backups in a folder')
    .action(async (dir: string) => {
      const { listBackupFiles, lockKind } = await library();
      let listed;
      try {
        listed = listBackupFiles(resolve(dir));
      } catch {
        throw new CliExit(EXIT.usage, 'That folder cannot be read.');
      }
      // A file cut short is listed as such (size vs. age's chunk framing), never as a good backup.
      const rows = listed.map(b => ({
        file: b.file,
        vaultId: b.vaultId,
        createdAt: b.createdAt,
        size: b.size,
        lockedWith: b.condition === 'unreadable' ? 'unknown' : lockKind(b.file),
        condition: b.condition,
      }));
      const mark = { complete: '', truncated: '  TRUNCATED', unreadable: '  UNREADABLE' } as const;
      printResult(cli, rows, () =>
        rows.length === 0
          ? ['No backups in this folder.']
          : rows.map(
              r =>
                `${r.createdAt}  ${String(r.size).padStart(12)}  ${r.lockedWith.padEnd(10)}  ${r.file}${mark[r.condition]}`,
            ),
      );
    });

  backup
    .command('restore <file>')
    .description('restore into --vault DIR (refuses an existing vault unless --replace)')
    .option('--passphrase-stdin', 'the backup passphrase on standard input')
    .option('--recovery-key-stdin', 'the recovery key on standard input')
    .option('--vault-id <id>', 'the vault id, when the file was renamed')
    .option('--replace', 'move the existing vault aside as a safety copy, then restore')
    .option(...ALLOW_UNAUTHENTICATED)
    .action(async (file: string, opts: SecretOptions & { replace?: boolean }) => {
      if (!cli.globals().vault) {
        throw new CliExit(EXIT.usage, 'Give --vault DIR: the folder to restore into.');
      }
      const secret = secretFrom(cli, opts);
      const result = await guarded(b =>
        b.restoreBackup({
          file: resolve(file),
          secret,
          targetDir: vaultDirOf(cli),
          replace: opts.replace === true,
          actor: { userLogin: 'cli' },
          allowUnauthenticated: opts.allowUnauthenticated === true,
          ...(opts.vaultId ? { vaultId: opts.vaultId } : {}),
        }),
      );
      warnUnauthenticated(cli, result.authenticity);
      printResult(cli, result, () => [
        `Restored into ${result.vaultDir} (backup of ${result.manifest.createdAt}).`,
        ...(result.safetyCopy ? [`The previous vault was kept as ${result.safetyCopy}.`] : []),
        result.databaseChecked
          ? 'Database checked and migrated; the restore is in the audit log.'
          : 'Database not opened (passphrase only): it is checked and migrated at the next sign-in.',
      ]);
    });
}
