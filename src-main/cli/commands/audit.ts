/** `zamok audit verify` and `zamok audit export`: the same channels and permissions as the app. */
import { existsSync, writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import type { AuditExportFile, AuditVerifyView } from '../../../src-shared/ipc/audit';
import type { OfficeChainView } from '../../../src-shared/ipc/sync';
import { signInAs, withApp, type CliAppContext } from '../context';
import { CliExit, EXIT, printResult } from '../io';
import { terminalSafe } from '../terminal-text';
import { asUser } from './sync';

interface SignInOptions {
  login: string;
  totp?: string;
  recoveryCode?: string;
}

/**
 * A YYYY-MM-DD day as the UTC instant it starts (`dayStart('2026-11-30', 1)` is the start of the
 * next day, for an inclusive end). Anything else is a usage error.
 */
export function dayStart(day: string, option: string, plusDays = 0): string {
  const date = /^\d{4}-\d{2}-\d{2}$/.test(day) ? new Date(`${day}T00:00:00.000Z`) : null;
  // The round trip refuses days that do not exist (2026-02-30 would silently become March 2).
  if (!date || Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== day) {
    throw new CliExit(EXIT.usage, `${option}: give a date as YYYY-MM-DD (got "${day}").`);
  }
  date.setUTCDate(date.getUTCDate() + plusDays);
  return date.toISOString();
}

/** `audit verify --office`: exit 5 and the broken partitions when the office chain fails. */
async function verifyOffice(cli: CliAppContext, opts: SignInOptions): Promise<void> {
  const result = (await asUser(cli, opts, call =>
    call('zamok:sync.verifyOffice', {}),
  )) as OfficeChainView;
  if (result.ok) {
    printResult(cli, result, () => [
      `Office chain OK: ${result.partitions.length} partition(s), ${result.partitions.reduce((n, p) => n + p.changes, 0)} changes`,
    ]);
    return;
  }
  if (cli.globals().json) printResult(cli, result, () => []);
  const broken = [
    ...result.partitions.filter(p => !p.ok).map(p => `${p.partitionId} (${p.reason})`),
    ...result.auditDevices
      .filter(d => d.problems > 0)
      .map(d => `audit entries of device ${d.deviceId} (${d.reason}, ${d.problems})`),
  ];
  throw new CliExit(EXIT.auditBroken, `Office chain BROKEN in ${broken.join(', ')}`);
}

/** Registers `audit verify` and `audit export`. */
export function registerAuditCommands(program: Command, cli: CliAppContext): void {
  const audit = program.command('audit').description('the audit log: check the chain, export');

  audit
    .command('verify')
    .description('check the hash chain; exit 5 and the first broken entry if it was tampered with')
    .requiredOption('--login <login>', 'act as this user (owner or auditor)')
    .option('--totp <code>')
    .option('--recovery-code <code>')
    .option('--office', "check the office server's chain of every partition this laptop holds")
    .action(async (opts: SignInOptions & { office?: boolean }) => {
      if (opts.office) return verifyOffice(cli, opts);
      const result = await withApp(cli, async (_app, call) => {
        await signInAs(cli, call, opts);
        const verdict = (await call('zamok:audit.verify', {})) as AuditVerifyView;
        await call('zamok:auth.signOut', {});
        return verdict;
      });
      if (result.ok) {
        printResult(cli, result, () => [
          `Audit log OK: ${result.count} entries, head ${result.head.hash}`,
          ...(result.erased
            ? [`${result.erased} of them erased by request (content not re-verifiable)`]
            : []),
        ]);
        return;
      }
      if (cli.globals().json) printResult(cli, result, () => []);
      throw new CliExit(
        EXIT.auditBroken,
        `Audit log BROKEN at entry #${result.brokenAt} (${result.reason})`,
      );
    });

  audit
    .command('export')
    .description('export the entries of a date range (UTC, both days included) as CSV or JSON')
    .requiredOption('--login <login>', 'act as this user (owner or auditor)')
    .option('--totp <code>')
    .option('--recovery-code <code>')
    .requiredOption('--from <date>', 'first day, YYYY-MM-DD')
    .requiredOption('--to <date>', 'last day, YYYY-MM-DD (included)')
    .option('--format <format>', 'csv or json', 'csv')
    .option('--delimiter <char>', 'CSV separator: , or ;', ',')
    .option('--out <file>', 'write to this new file (mode 600) instead of standard output')
    .action(
      async (
        opts: SignInOptions & {
          from: string;
          to: string;
          format: string;
          delimiter: string;
          out?: string;
        },
      ) => {
        const from = dayStart(opts.from, '--from');
        const to = dayStart(opts.to, '--to', 1);
        if (from >= to) throw new CliExit(EXIT.usage, '--from must not be after --to.');
        if (opts.format !== 'csv' && opts.format !== 'json') {
          throw new CliExit(EXIT.usage, '--format: csv or json.');
        }
        if (opts.delimiter !== ',' && opts.delimiter !== ';') {
          throw new CliExit(EXIT.usage, '--delimiter: , or ;');
        }
        // Checked before signing in, and the file is opened with 'wx': an export never replaces a file.
        if (opts.out !== undefined && existsSync(opts.out)) {
          throw new CliExit(EXIT.usage, `${opts.out} already exists; choose a new file name.`);
        }
        const file = await withApp(cli, async (_app, call) => {
          await signInAs(cli, call, opts);
          const exported = (await call('zamok:audit.export', {
            from,
            to,
            format: opts.format,
            delimiter: opts.delimiter,
          })) as AuditExportFile;
          await call('zamok:auth.signOut', {});
          return exported;
        });
        if (opts.out === undefined) {
          cli.io.out(terminalSafe(file.content));
          return;
        }
        // The export names staff and records: readable by the owner of the file only.
        writeFileSync(opts.out, file.content, { flag: 'wx', mode: 0o600 });
        printResult(cli, { count: file.count, file: opts.out }, () => [
          `Exported ${file.count} entries to ${opts.out}.`,
        ]);
      },
    );
}
