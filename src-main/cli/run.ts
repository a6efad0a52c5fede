/**
 * The `zamok` command line as a function: the same router and services as the desktop app, for
 * owners, admins and scripts. `runCli` parses the arguments, runs one command and returns its exit
 * code; errors are one line on stderr (no stack unless --debug); exit codes are in ./io.ts. The npm
 * bin (./main.ts, built to out/cli/zamok.mjs), `Zamok --cli …` (src-main/electron/cli-mode.ts) and
 * the tests (in-process, on a fake clock) all call it.
 */
import { Command, CommanderError } from 'commander';
import { registerAuditCommands } from './commands/audit';
import { registerBackupCommands } from './commands/backup';
import { registerContactsCommands } from './commands/contacts';
import { registerExportCommand } from './commands/export';
import { registerImportCommand } from './commands/import';
import { registerMergeCommands } from './commands/merge';
import { registerOfficeCommands } from './commands/office';
import { registerErasureCommands } from './commands/privacy-erasure';
import { registerPrivacyCommands } from './commands/privacy';
import { registerReportCommands } from './commands/reports';
import { registerSecurityCommands } from './commands/security';
import { registerUsersCommands } from './commands/users';
import { registerVaultCommands } from './commands/vault';
import type { CliAppContext, CliAppOptions } from './context';
import { CliExit, EXIT, processIo, type CliIo, type GlobalOptions } from './io';
import { terminalSafe } from './terminal-text';

/**
 * Runs `zamok <argv>` (the arguments after the program name) and resolves to the exit code.
 * `io` defaults to this process's streams and environment, `clock` to the system clock.
 */
export async function runCli(
  argv: readonly string[],
  io: CliIo = processIo(),
  clock: () => number = Date.now,
  appOptions: CliAppOptions = {},
): Promise<number> {
  const program = new Command('zamok')
    .description('Zamok — private CRM vault tools')
    .option('--vault <dir>', 'the vault folder (default: the desktop app’s vault)')
    .option('--json', 'print results as JSON')
    .option('--debug', 'show stack traces of unexpected errors')
    .option('--password-stdin', 'read the password from standard input instead of ZAMOK_PASSWORD')
    .exitOverride()
    .showHelpAfterError(false)
    .configureOutput({ writeOut: text => io.out(text), writeErr: text => io.err(text) });

  const cli: CliAppContext = {
    io,
    clock,
    appOptions,
    globals: () => program.opts<GlobalOptions>(),
    stdinLines: null,
  };
  registerVaultCommands(program, cli);
  registerAuditCommands(program, cli);
  registerBackupCommands(program, cli);
  registerUsersCommands(program, cli);
  registerContactsCommands(program, cli);
  registerImportCommand(program, cli);
  registerExportCommand(program, cli);
  registerMergeCommands(program, cli);
  registerSecurityCommands(program, cli);
  registerReportCommands(program, cli);
  registerPrivacyCommands(program, cli);
  registerOfficeCommands(program, cli);
  registerErasureCommands(program, cli);

  try {
    await program.parseAsync(argv, { from: 'user' });
    return EXIT.ok;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and version are "errors" to commander with exit code 0.
      return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
    }
    if (error instanceof CliExit) {
      io.err(`zamok: ${terminalSafe(error.message)}\n`);
      return error.exitCode;
    }
    const name = error instanceof Error ? error.name : 'error';
    io.err(`zamok: unexpected ${name}. Run again with --debug for details.\n`);
    if (cli.globals().debug && error instanceof Error) io.err(`${error.stack ?? ''}\n`);
    return EXIT.other;
  }
}
