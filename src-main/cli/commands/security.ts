/**
 * `zamok security-check [--json] --login L --totp C`: the same report as the app's security screen.
 * Exit 0 when there is no `high` finding, 1 when there is at least one (scripts and monitoring can
 * alert on it); the usual codes otherwise (2 usage, 3 sign-in, 4 vault).
 */
import type { Command } from 'commander';
import { guardMessage } from '../../../src-shared/guard/messages';
import type { SecurityReport } from '../../../src-shared/ipc/security';
import { signInAs, withApp, type CliAppContext } from '../context';
import { CliExit, EXIT, localeTag, printResult } from '../io';

/** The report as text lines: one block per finding, high first. */
export function reportLines(report: SecurityReport, lang: string): string[] {
  const lines = [`Zamok ${report.appVersion} — ${report.checkedAt}`];
  for (const f of report.findings) {
    lines.push(`[${f.severity.toUpperCase()}] ${guardMessage(lang, f.titleKey, f.details)}`);
    if (f.severity !== 'info') {
      lines.push(`    ${guardMessage(lang, f.whyKey, f.details)}`);
      lines.push(`    → ${guardMessage(lang, f.fixKey, f.details)}`);
    }
  }
  return lines;
}

/** Registers `security-check`. */
export function registerSecurityCommands(program: Command, cli: CliAppContext): void {
  program
    .command('security-check')
    .description(
      'check accounts, key slots, backups, the audit chain and the machine; exit 1 on any high finding',
    )
    .requiredOption('--login <login>', 'act as this user (owner or administrator)')
    .option('--totp <code>')
    .option('--recovery-code <code>')
    .action(async (opts: { login: string; totp?: string; recoveryCode?: string }) => {
      const report = await withApp(cli, async (_app, call) => {
        await signInAs(cli, call, opts);
        const value = (await call('zamok:security.check', {})) as SecurityReport;
        await call('zamok:auth.signOut', {});
        return value;
      });
      // Ukrainian when the terminal's locale says so, English otherwise (as the rest of the CLI).
      const locale = /^uk/i.test(localeTag(cli.io.env)) ? 'uk' : 'en';
      printResult(cli, report, () => reportLines(report, locale));
      if (report.high > 0) {
        throw new CliExit(EXIT.other, `${report.high} high finding(s): see above.`);
      }
    });
}
