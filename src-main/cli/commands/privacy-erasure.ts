/**
 * `zamok privacy erase --contact ID --yes` and `zamok privacy retention --dry-run` (or
 * `--approve ID …`): the app's `erasure.*` channels, permissions (`privacy.erase`,
 * `privacy.retention`) and audit. The user signs in with `--login`, the password from
 * ZAMOK_PASSWORD (or `--password-stdin`) and `--totp` / `--recovery-code`. Output: ids and
 * counts, never personal data.
 */
import type { Command } from 'commander';
import type {
  ErasureResult,
  RetentionCandidates,
  RetentionResult,
} from '../../../src-shared/ipc/erasure';
import { asUser, type CliAppContext } from '../context';
import { CliExit, EXIT, printResult } from '../io';

interface SignInOptions {
  login: string;
  totp?: string;
  recoveryCode?: string;
}

/** The `privacy` command group, shared with the other privacy commands (made once). */
export function privacyCommand(program: Command): Command {
  return (
    program.commands.find(c => c.name() === 'privacy') ??
    program.command('privacy').description('personal data: subject requests, erasure, retention')
  );
}

function withSignIn(cmd: Command): Command {
  return cmd
    .requiredOption('--login <login>', 'act as this user; password from ZAMOK_PASSWORD')
    .option('--totp <code>', 'your current two-factor code')
    .option('--recovery-code <code>', 'one of your recovery codes instead of --totp');
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

/** Registers `privacy erase` and `privacy retention`. */
export function registerErasureCommands(program: Command, cli: CliAppContext): void {
  const privacy = privacyCommand(program);

  withSignIn(
    privacy
      .command('erase')
      .description('erase a contact and everything about it for good (owner or privacy officer)')
      .requiredOption('--contact <id>', 'the contact to erase')
      .option('--yes', 'confirm: this cannot be undone'),
  ).action(async (opts: SignInOptions & { contact: string; yes?: boolean }) => {
    if (!opts.yes) {
      throw new CliExit(EXIT.usage, 'Erasure cannot be undone: add --yes to confirm.');
    }
    const result = await asUser(
      cli,
      opts,
      call => call('zamok:erasure.erase', { contactId: opts.contact }) as Promise<ErasureResult>,
    );
    printResult(cli, result, () => [
      `Erased contact ${result.contactId} (erasure ${result.erasureId})${result.found ? '' : ' — no such contact; recorded anyway'}`,
      `activities ${result.activities}, documents ${result.documents}, shares ${result.shares}, deals unlinked ${result.dealsUnlinked}, audit entries pseudonymised ${result.auditEntries}`,
    ]);
  });

  withSignIn(
    privacy
      .command('retention')
      .description('list contacts past the retention rule (--dry-run) or erase an approved list')
      .option('--dry-run', 'list candidate ids and their count; change nothing')
      .option('--approve <id>', 'erase this candidate (repeatable)', collect, [])
      .option('--yes', 'confirm --approve: this cannot be undone'),
  ).action(async (opts: SignInOptions & { dryRun?: boolean; approve: string[]; yes?: boolean }) => {
    if (opts.dryRun === opts.approve.length > 0) {
      throw new CliExit(EXIT.usage, 'Give either --dry-run or --approve ID (with --yes).');
    }
    if (opts.dryRun) {
      const run = await asUser(
        cli,
        opts,
        call => call('zamok:erasure.retentionCandidates', {}) as Promise<RetentionCandidates>,
      );
      printResult(cli, run, () => [
        ...run.candidates.map(c => `${c.id}\tlast activity ${c.lastActivityAt}`),
        `${run.count} candidate(s); nothing was changed.${run.reviewDue ? ' A retention review is due.' : ''}`,
      ]);
      return;
    }
    if (!opts.yes) {
      throw new CliExit(EXIT.usage, 'Erasure cannot be undone: add --yes to confirm.');
    }
    const done = await asUser(
      cli,
      opts,
      call =>
        call('zamok:erasure.retentionApprove', { ids: opts.approve }) as Promise<RetentionResult>,
    );
    printResult(cli, done, () => [
      `Approved ${done.approved}: erased ${done.erased}, skipped ${done.skipped} (no longer past the rule).`,
    ]);
  });
}
