/**
 * `zamok import <file> --type contacts|companies|deals [--dry-run] [--mapping NAME]
 * [--save-mapping NAME] [--owner USER_ID] [--duplicates skip|import]`: the `imports.run` channel, with the same permissions, duplicate rules and
 * audit as the app. Prints the counts and one line per row not imported (row number and reason in
 * the user's language; never a cell's value, never a record outside the user's scope) and, for
 * deals, one line per row imported without the contact or company it named; `--json`
 * prints the whole result. Exit 0 when the file was read, whatever the rows' fate.
 * `zamok import-undo <batchId> --type …` undoes one of the user's own imports (`imports.undo`).
 */
import { existsSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import type {
  importProblemText as ProblemText,
  importWarningText as WarningText,
} from '../../../src-shared/import';
import type { ImportRunResult, ImportUndoResult } from '../../../src-shared/ipc/imports';
import { signInAs, withApp, type CliAppContext } from '../context';
import { CliExit, EXIT, localeTag, printResult, type CliIo } from '../io';

interface ImportOptions {
  login: string;
  totp?: string;
  recoveryCode?: string;
  type: string;
  dryRun?: boolean;
  mapping?: string;
  saveMapping?: string;
  owner?: string;
  delimiter?: string;
  errors?: string;
  duplicates?: string;
}

const TYPES = ['contacts', 'companies', 'deals'] as const;

/** The `--type` value, or the usage exit. */
function typeOf(type: string): (typeof TYPES)[number] {
  const found = TYPES.find(t => t === type);
  if (found === undefined) throw new CliExit(EXIT.usage, '--type: contacts, companies or deals.');
  return found;
}

function localeOf(env: CliIo['env']): 'uk' | 'en' {
  return /^(uk|ru)/i.test(localeTag(env)) ? 'uk' : 'en';
}

const DELIMITERS: Record<string, ',' | ';' | '\t'> = { ',': ',', ';': ';', tab: '\t', '\t': '\t' };

function summary(
  result: ImportRunResult,
  locale: 'uk' | 'en',
  importProblemText: typeof ProblemText,
  importWarningText: typeof WarningText,
): string[] {
  const c = result.counts;
  const head =
    locale === 'uk'
      ? `${result.status === 'dry_run' ? 'Пробний прогін' : 'Імпорт'}: рядків ${c.rows}, нових ${c.create}, оновлено ${c.update}, без змін ${c.unchanged}, дублікатів ${c.duplicate}, помилок ${c.error}`
      : `${result.status === 'dry_run' ? 'Dry run' : 'Import'}: ${c.rows} rows, ${c.create} new, ${c.update} updated, ${c.unchanged} unchanged, ${c.duplicate} duplicates, ${c.error} errors`;
  const file = `(${result.format}${result.encoding ? `, ${result.encoding}` : ''}${
    result.delimiter ? `, '${result.delimiter === '\t' ? 'tab' : result.delimiter}'` : ''
  })`;
  const lines = [`${head} ${file}`];
  if (result.batchId !== null)
    lines.push(`batch ${result.batchId}${result.status === 'cancelled' ? ' (cancelled)' : ''}`);
  for (const p of result.problems) {
    lines.push(`${locale === 'uk' ? 'рядок' : 'row'} ${p.row}: ${importProblemText(locale, p)}`);
  }
  if (result.problemsTruncated) lines.push('…');
  for (const w of result.warnings ?? [])
    lines.push(
      `${locale === 'uk' ? 'рядок' : 'row'} ${w.row}: ${importWarningText(locale, w.code)}`,
    );
  for (const s of result.nameSuggestions ?? []) {
    const where =
      'sameAsRow' in s ? `${locale === 'uk' ? 'рядок' : 'row'} ${s.sameAsRow}` : s.recordId;
    lines.push(
      locale === 'uk'
        ? `рядок ${s.row}: можливо, той самий клієнт: ${s.name} (${where})`
        : `row ${s.row}: maybe the same client: ${s.name} (${where})`,
    );
  }
  return lines;
}

/** Signs in, runs `fn`, signs out; a refusal becomes the "not permitted" exit. */
export async function asUser<T>(
  cli: CliAppContext,
  opts: { login: string; totp?: string; recoveryCode?: string },
  fn: (call: (channel: string, input: unknown) => Promise<unknown>) => Promise<T>,
): Promise<T> {
  return withApp(cli, async (_app, call) => {
    await signInAs(cli, call, opts);
    try {
      return await fn(call);
    } catch (error) {
      if (error instanceof CliExit && error.code === 'forbidden')
        throw new CliExit(EXIT.auth, `not permitted: ${error.message}`, 'forbidden');
      throw error;
    } finally {
      await call('zamok:auth.signOut', {}).catch(() => undefined);
    }
  });
}

interface UndoOptions {
  type: string;
  login: string;
  totp?: string;
  recoveryCode?: string;
}

function undoLines(r: ImportUndoResult, locale: 'uk' | 'en'): string[] {
  const kept = r.kept.map(k => `  ${k.recordId}`);
  return locale === 'uk'
    ? [
        `Скасовано імпорт ${r.batchId}: видалено ${r.deleted}, відновлено ${r.restored}, залишено змінених після імпорту ${r.kept.length}`,
        ...kept,
      ]
    : [
        `Undid import ${r.batchId}: ${r.deleted} deleted, ${r.restored} restored, ${r.kept.length} changed since and kept`,
        ...kept,
      ];
}

/** Registers `import` and `import-undo`. */
export function registerImportCommand(program: Command, cli: CliAppContext): void {
  program
    .command('import-undo')
    .description('undo one of your imports: new records deleted, updated ones restored')
    .argument('<batchId>', 'the batch id `zamok import` printed')
    .requiredOption('--type <type>', 'contacts, companies or deals, as imported')
    .requiredOption('--login <login>', 'act as this user; password from ZAMOK_PASSWORD')
    .option('--totp <code>', 'your current two-factor code')
    .option('--recovery-code <code>', 'one of your recovery codes instead of --totp')
    .action(async (batchId: string, opts: UndoOptions) => {
      const type = typeOf(opts.type);
      const result = await asUser(
        cli,
        opts,
        async call => (await call('zamok:imports.undo', { batchId, type })) as ImportUndoResult,
      );
      printResult(cli, result, () => undoLines(result, localeOf(cli.io.env)));
    });

  program
    .command('import')
    .description(
      'import contacts, companies or deals from CSV/TSV, XLSX or vCard (sign in with --login)',
    )
    .argument('<file>', 'the file to import')
    .requiredOption('--type <type>', 'contacts, companies or deals')
    .option('--dry-run', 'check every row and count, write nothing')
    .option('--mapping <name>', 'use this saved column mapping')
    .option('--save-mapping <name>', 'save the mapping used under this name')
    .option('--owner <userId>', 'give the new records to this colleague (heads, owners)')
    .option('--delimiter <char>', 'CSV delimiter: , ; or tab (default: detected)')
    .option('--errors <file>', 'write the rows not imported, with the reason, to this new CSV')
    .option('--duplicates <what>', 'deals: skip (default) or import a deal already there')
    .requiredOption('--login <login>', 'act as this user; password from ZAMOK_PASSWORD')
    .option('--totp <code>', 'your current two-factor code')
    .option('--recovery-code <code>', 'one of your recovery codes instead of --totp')
    .action(async (file: string, opts: ImportOptions) => {
      const type = typeOf(opts.type);
      const { duplicates } = opts;
      if (
        duplicates !== undefined &&
        (type !== 'deals' || !['skip', 'import'].includes(duplicates))
      )
        throw new CliExit(EXIT.usage, '--duplicates: skip or import, for deals only.');
      const delimiter = opts.delimiter === undefined ? undefined : DELIMITERS[opts.delimiter];
      if (opts.delimiter !== undefined && delimiter === undefined)
        throw new CliExit(EXIT.usage, '--delimiter: , ; or tab.');
      const locale = localeOf(cli.io.env);
      // Checked before signing in, and opened with 'wx': a report never replaces a file.
      if (opts.errors !== undefined && existsSync(opts.errors))
        throw new CliExit(EXIT.usage, `${opts.errors} already exists; choose a new file name.`);
      const input = {
        path: resolve(file),
        type,
        ...(duplicates === undefined ? {} : { duplicates }),
        dryRun: opts.dryRun === true,
        ...(delimiter ? { delimiter } : {}),
        ...(opts.mapping ? { mappingName: opts.mapping } : {}),
        ...(opts.saveMapping ? { saveMappingAs: opts.saveMapping } : {}),
        ...(opts.owner ? { ownerId: opts.owner } : {}),
        ...(opts.errors === undefined ? {} : { errorReport: locale }),
      };
      const { errorReport, ...result } = await asUser(
        cli,
        opts,
        async call => (await call('zamok:imports.run', input)) as ImportRunResult,
      );
      // The rows are the user's own file's, with the reasons: readable by the file's owner only.
      if (opts.errors !== undefined && errorReport !== undefined)
        writeFileSync(opts.errors, errorReport, { flag: 'wx', mode: 0o600 });
      // The messages (and through them zod and the phone data) load with the command, not for
      // `--help` (bin.test.ts checks what --help loads).
      const { importProblemText, importWarningText } = await import('../../../src-shared/import');
      printResult(cli, result, () => summary(result, locale, importProblemText, importWarningText));
    });
}
