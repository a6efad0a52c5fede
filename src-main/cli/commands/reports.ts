/**
 * `zamok report monthly --month YYYY-MM [--format csv|pdf|json] [--lang uk|en] --out FILE` and
 * `zamok report regulation [--lang uk|en] --out FILE`, acting as a signed-in user (owner or
 * administrator for the regulation; owner or head for the review, a head seeing their team). The
 * data comes through the same channels as the app (so the same permissions and audit entries);
 * files are written next to FILE and renamed into place, PDFs streamed, never held whole.
 */
import { createWriteStream, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import type { Command } from 'commander';
import type { MonthlyReview, RegulationReport, ReportFile } from '../../../src-shared/ipc/reports';
import type { ReportDocument } from '../../../src-shared/reports/document';
import { signInAs, withApp, type CliAppContext } from '../context';
import { CliExit, EXIT, printResult, type CliIo } from '../io';

interface SignInOptions {
  login: string;
  totp?: string;
  recoveryCode?: string;
}

function langOf(value: string | undefined, env: CliIo['env']): 'uk' | 'en' {
  if (value === undefined) return /^uk/i.test(env.LANG ?? '') ? 'uk' : 'en';
  if (value !== 'uk' && value !== 'en') throw new CliExit(EXIT.usage, '--lang: uk or en.');
  return value;
}

/**
 * Reports name staff and their activity: files are created 0600 (owner only), like the CLI's other
 * files (audit export, recovery kit).
 */
const OWNER_ONLY = 0o600;

/** Writes through a temporary file in the same folder, renamed into place when complete. */
async function writeAtomically(out: string, write: (tmp: string) => Promise<void>): Promise<void> {
  const target = resolve(out);
  const tmp = join(dirname(target), `.${basename(target)}.${process.pid}.tmp`);
  try {
    // A leftover of a killed run with the same pid; the new one is created exclusively (wx).
    rmSync(tmp, { force: true });
    await write(tmp);
    renameSync(tmp, target);
  } catch (error) {
    rmSync(tmp, { force: true });
    const code = (error as { code?: unknown }).code;
    if (code === 'ENOENT' || code === 'EACCES' || code === 'EISDIR') {
      throw new CliExit(EXIT.other, `Cannot write ${out} (${String(code)}).`);
    }
    throw error;
  }
}

async function writePdf(out: string, doc: ReportDocument, landscape: boolean): Promise<void> {
  // pdfkit and its fonts load only when a PDF is written.
  const { writeReportPdf } = await import('../../reports/pdf');
  await writeAtomically(out, tmp =>
    writeReportPdf(doc, createWriteStream(tmp, { flags: 'wx', mode: OWNER_ONLY }), { landscape }),
  );
}

async function writeText(out: string, text: string): Promise<void> {
  await writeAtomically(out, async tmp =>
    writeFileSync(tmp, text, { encoding: 'utf8', flag: 'wx', mode: OWNER_ONLY }),
  );
}

function withSignIn(cmd: Command): Command {
  return cmd
    .requiredOption('--login <login>', 'act as this user')
    .option('--totp <code>')
    .option('--recovery-code <code>');
}

/** Registers `report monthly` and `report regulation`. */
export function registerReportCommands(program: Command, cli: CliAppContext): void {
  const report = program.command('report').description('printable reports');

  withSignIn(
    report
      .command('monthly')
      .description('the monthly review: sign-ins, record changes and alerts per person')
      .requiredOption('--month <YYYY-MM>', 'the month (in the vault’s or this machine’s time zone)')
      .option('--format <format>', 'csv, pdf or json', 'csv')
      .option('--lang <lang>', 'uk or en (default: from LANG)')
      .requiredOption('--out <file>', 'where to write the report'),
  ).action(
    async (opts: SignInOptions & { month: string; format: string; lang?: string; out: string }) => {
      // The IPC contract (zod) loads with the command, not at CLI start.
      const { monthSchema } = await import('../../../src-shared/ipc/reports');
      if (!monthSchema.safeParse(opts.month).success) {
        throw new CliExit(EXIT.usage, '--month: YYYY-MM, e.g. 2026-11.');
      }
      if (!['csv', 'pdf', 'json'].includes(opts.format)) {
        throw new CliExit(EXIT.usage, '--format: csv, pdf or json.');
      }
      const lang = langOf(opts.lang, cli.io.env);
      const result = await withApp(cli, async (_app, call) => {
        await signInAs(cli, call, opts);
        try {
          if (opts.format === 'csv') {
            const file = (await call('zamok:reports.reviewCsv', {
              month: opts.month,
              lang,
            })) as ReportFile;
            await writeText(opts.out, file.text ?? '');
            return { out: opts.out, format: 'csv' };
          }
          const review = (await call('zamok:reports.review', {
            month: opts.month,
          })) as MonthlyReview;
          if (opts.format === 'json') {
            await writeText(opts.out, `${JSON.stringify(review, null, 2)}\n`);
          } else {
            const { reviewDocument } = await import('../../../src-shared/reports/review-document');
            await writePdf(opts.out, reviewDocument(review, lang), true);
          }
          return { out: opts.out, format: opts.format, users: review.users.length };
        } finally {
          await call('zamok:auth.signOut', {});
        }
      });
      printResult(cli, result, () => [`Written: ${result.out}`]);
    },
  );

  withSignIn(
    report
      .command('regulation')
      .description('the access regulation, generated from the live settings, as a PDF')
      .option('--lang <lang>', 'uk or en (default: from LANG)')
      .requiredOption('--out <file>', 'where to write the PDF'),
  ).action(async (opts: SignInOptions & { lang?: string; out: string }) => {
    const lang = langOf(opts.lang, cli.io.env);
    const result = await withApp(cli, async (_app, call) => {
      await signInAs(cli, call, opts);
      try {
        const value = (await call('zamok:reports.regulation', { lang })) as RegulationReport;
        await writePdf(opts.out, value.document, false);
        return { out: opts.out, users: value.facts.users.length, roles: value.facts.roles.length };
      } finally {
        await call('zamok:auth.signOut', {});
      }
    });
    printResult(cli, result, () => [`Written: ${result.out}`]);
  });
}
