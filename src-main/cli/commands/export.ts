/**
 * `zamok export --type contacts|companies|deals|activities --format csv|xlsx|vcf --out FILE
 * [--plain] [--lang uk|en]`: the `records.export` channel, with the same permission, scope, export
 * limits and audit entry as the app. CSV is for Ukrainian Excel by default (BOM, `;`, local dates);
 * `--plain` writes UTF-8 with `,` and ISO dates. The file is created 0600 and never replaces one.
 */
import { existsSync, writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import type {
  ExportRecordType,
  RecordExportFormat,
  RecordExportAnswer,
} from '../../../src-shared/ipc/records';
import type { CliAppContext } from '../context';
import { CliExit, EXIT, localeTag, printResult } from '../io';
import { asUser } from './import';

// Written out (type-checked against the contract) so that `--help` does not load the contract's zod.
const TYPES = [
  'contacts',
  'companies',
  'deals',
  'activities',
] as const satisfies ExportRecordType[];
const FORMATS = ['csv', 'xlsx', 'vcf'] as const satisfies RecordExportFormat[];

interface ExportOptions {
  type: string;
  format: string;
  out: string;
  plain?: boolean;
  lang?: string;
  login: string;
  totp?: string;
  recoveryCode?: string;
}

function oneOf<T extends string>(value: string, allowed: readonly T[], option: string): T {
  const found = allowed.find(a => a === value);
  if (found === undefined) throw new CliExit(EXIT.usage, `${option}: ${allowed.join(', ')}.`);
  return found;
}

/** Registers `export`. */
export function registerExportCommand(program: Command, cli: CliAppContext): void {
  program
    .command('export')
    .description('export contacts, companies, deals or activities to CSV, XLSX or vCard')
    .requiredOption('--type <type>', TYPES.join(', '))
    .requiredOption('--format <format>', FORMATS.join(', '))
    .requiredOption('--out <file>', 'the file to write (must not exist)')
    .option('--plain', 'CSV as plain UTF-8 with commas and ISO dates (default: for Excel)')
    .option('--lang <lang>', 'language of headers and dates: uk or en (default: from LANG)')
    .requiredOption('--login <login>', 'act as this user; password from ZAMOK_PASSWORD')
    .option('--totp <code>', 'your current two-factor code')
    .option('--recovery-code <code>', 'one of your recovery codes instead of --totp')
    .action(async (opts: ExportOptions) => {
      const type = oneOf(opts.type, TYPES, '--type');
      const format = oneOf(opts.format, FORMATS, '--format');
      if (format === 'vcf' && type !== 'contacts')
        throw new CliExit(EXIT.usage, '--format vcf: contacts only.');
      const locale =
        opts.lang === undefined
          ? /^(uk|ru)/i.test(localeTag(cli.io.env))
            ? 'uk'
            : 'en'
          : oneOf(opts.lang, ['uk', 'en'] as const, '--lang');
      // Checked before signing in, and opened with 'wx': an export never replaces a file.
      if (existsSync(opts.out))
        throw new CliExit(EXIT.usage, `${opts.out} already exists; choose a new file name.`);
      const input = { type, format, csvStyle: opts.plain === true ? 'plain' : 'excel', locale };
      const file = await asUser(
        cli,
        opts,
        async call => (await call('zamok:records.export', input)) as RecordExportAnswer,
      );
      if ('status' in file) {
        // Over the owner's limit: a request was stored; the same command runs once approved.
        throw new CliExit(
          EXIT.other,
          locale === 'uk'
            ? `Записів: ${file.count} — більше, ніж дозволено без погодження. Запит надіслано власникові (${file.requestId}); коли власник дозволить, запустіть ту саму команду ще раз.`
            : `${file.count} records: more than may be exported without approval. The owner has been asked (request ${file.requestId}); run the same command again once approved.`,
        );
      }
      // Client records: readable by the owner of the file only.
      writeFileSync(opts.out, Buffer.from(file.content, file.encoding), {
        flag: 'wx',
        mode: 0o600,
      });
      printResult(cli, { count: file.count, file: opts.out }, () => [
        locale === 'uk'
          ? `Експортовано записів: ${file.count} → ${opts.out}`
          : `Exported ${file.count} records to ${opts.out}.`,
      ]);
    });
}
