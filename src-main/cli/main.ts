/**
 * The `zamok` command line: the same router and services as the desktop app, for owners, admins and
 * scripts. Errors are one line on stderr (no stack unless --debug); exit codes are in ./io.ts.
 */
import { Command, CommanderError } from 'commander';
import { registerAuditCommands } from './commands/audit';
import { registerBackupCommands } from './commands/backup';
import { registerContactsCommands } from './commands/contacts';
import { registerReportCommands } from './commands/reports';
import { registerSecurityCommands } from './commands/security';
import { registerUsersCommands } from './commands/users';
import { registerVaultCommands } from './commands/vault';
import type { GlobalOptions } from './context';
import { CliExit, EXIT } from './io';

const program = new Command('zamok')
  .description('Zamok — private CRM vault tools')
  .option('--vault <dir>', 'the vault folder (default: the desktop app’s vault)')
  .option('--json', 'print results as JSON')
  .option('--debug', 'show stack traces of unexpected errors')
  .option('--password-stdin', 'read the password from standard input instead of ZAMOK_PASSWORD')
  .exitOverride()
  .showHelpAfterError(false)
  .configureOutput({ writeErr: text => process.stderr.write(text) });

const globals = (): GlobalOptions => program.opts<GlobalOptions>();
registerVaultCommands(program, globals);
registerAuditCommands(program, globals);
registerBackupCommands(program, globals);
registerUsersCommands(program, globals);
registerContactsCommands(program, globals);
registerSecurityCommands(program, globals);
registerReportCommands(program, globals);

try {
  await program.parseAsync(process.argv);
  process.exitCode = EXIT.ok;
} catch (error) {
  if (error instanceof CommanderError) {
    // Help and version are "errors" to commander with exit code 0.
    process.exitCode = error.exitCode === 0 ? EXIT.ok : EXIT.usage;
  } else if (error instanceof CliExit) {
    process.stderr.write(`zamok: ${error.message}\n`);
    process.exitCode = error.exitCode;
  } else {
    const name = error instanceof Error ? error.name : 'error';
    process.stderr.write(`zamok: unexpected ${name}. Run again with --debug for details.\n`);
    if (globals().debug && error instanceof Error) process.stderr.write(`${error.stack ?? ''}\n`);
    process.exitCode = EXIT.other;
  }
}
