/**
 * `zamok privacy erase --contact ID --yes` (or `--company ID` for a sole proprietor's card) and `zamok privacy retention --dry-run` (or
 * `--approve ID …`): the app's `erasure.*` channels, permissions (`privacy.erase`,
 * `privacy.retention`) and audit. The user signs in with `--login`, the password from
 * ZAMOK_PASSWORD (or `--password-stdin`) and `--totp` / `--recovery-code`. Output: ids and
 * counts, never personal data.
 */
import type { Command } from 'commander';
import type {
  CompanyErasureResult,
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
      .description(
        'erase a contact, or a company card that is a person (ФОП), and everything about it for good',
      )
      .option('--contact <id>', 'the contact to erase')
      .option('--company <id>', 'the company (sole proprietor) to erase')
      .option('--yes', 'confirm: this cannot be undone'),
  ).action(async (opts: SignInOptions & { contact?: string; company?: string; yes?: boolean }) => {
    if ((opts.contact === undefined) === (opts.company === undefined)) {
      throw new CliExit(EXIT.usage, 'Give either --contact ID or --company ID.');
    }
    if (!opts.yes) {
      throw new CliExit(EXIT.usage, 'Erasure cannot be undone: add --yes to confirm.');
    }
    if (opts.company !== undefined) {
      const companyId = opts.company;
      const done = await asUser(
        cli,
        opts,
        call => call('zamok:erasure.eraseCompany', { companyId }) as Promise<CompanyErasureResult>,
      );
      printResult(cli, done, () => [
        `Erased company ${done.companyId} (erasure ${done.erasureId})${done.found ? '' : ' — no such company; recorded anyway'}`,
        `activities ${done.activities}, documents ${done.documents}, contacts unlinked ${done.contactsUnlinked}, deals unlinked ${done.dealsUnlinked}, audit entries pseudonymised ${done.auditEntries}`,
      ]);
      return;
    }
    const contactId = opts.contact ?? '';
    const result = await asUser(
      cli,
      opts,
      call => call('zamok:erasure.erase', { contactId }) as Promise<ErasureResult>,
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
