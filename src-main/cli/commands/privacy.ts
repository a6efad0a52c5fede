/**
 * `zamok privacy export-subject --contact ID --out FILE [--lang uk|en]`, acting as a signed-in
 * holder of privacy.manage: everything the vault holds about one person as a ZIP (subject.json,
 * index.html, documents/), through the same channel and audit entry as the app's, written 0600
 * through a temporary name. (`privacy erase` and `privacy retention` are registered beside it.)
 */
import type { Command } from 'commander';
import type { SubjectExportCounts } from '../../../src-shared/privacy';
import { signInAs, withApp, type CliAppContext } from '../context';
import { CliExit, EXIT, printResult } from '../io';

/** The `privacy` command group (made once, shared by every privacy subcommand). */
export function privacyCommand(program: Command): Command {
  return (
    program.commands.find(c => c.name() === 'privacy') ??
    program.command('privacy').description('personal data: subject access, erasure, retention')
  );
}

/** Registers `privacy export-subject`. */
export function registerPrivacyCommands(program: Command, cli: CliAppContext): void {
  privacyCommand(program)
    .command('export-subject')
    .description('everything about one person (a subject access answer) as a ZIP')
    .requiredOption('--contact <id>', 'the contact id')
    .requiredOption('--out <file>', 'where to write the ZIP')
    .option('--lang <lang>', 'language of the readable page: uk or en', 'uk')
    .requiredOption('--login <login>', 'act as this user')
    .option('--totp <code>')
    .option('--recovery-code <code>')
    .action(
      async (opts: {
        contact: string;
        out: string;
        lang: string;
        login: string;
        totp?: string;
        recoveryCode?: string;
      }) => {
        if (opts.lang !== 'uk' && opts.lang !== 'en') {
          throw new CliExit(EXIT.usage, '--lang: uk or en.');
        }
        const result = await withApp(cli, async (_app, call) => {
          await signInAs(cli, call, opts);
          try {
            return (await call('zamok:privacy.exportSubjectFile', {
              contactId: opts.contact,
              lang: opts.lang,
              out: opts.out,
            })) as { out: string; bytes: number; counts: SubjectExportCounts };
          } finally {
            await call('zamok:auth.signOut', {});
          }
        });
        printResult(cli, result, () => [
          `Written: ${result.out} (${result.bytes} bytes)`,
          ...Object.entries(result.counts).map(([section, n]) => `  ${section}: ${n}`),
        ]);
      },
    );
}
