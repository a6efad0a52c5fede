/**
 * `zamok merge contacts|companies <survivorId> <otherId>... [--field name=<id>]` and
 * `zamok unmerge <mergeId> [--type contacts|companies]`: the `merges.merge` and `merges.unmerge`
 * channels, so the same permissions (edit the survivor, delete the others, within the user's
 * scopes), the same rules and the same audit as the app's merge dialog. Field names and ids are
 * checked before signing in (a typo costs no TOTP code). Output names ids only, never a value.
 */
import type { Command } from 'commander';
import type { MergeResult, MergeType, UnmergeResult } from '../../../src-shared/merge';
import { asUser, type CliAppContext } from '../context';
import { CliExit, EXIT, localeTag, printResult, type CliIo } from '../io';

interface SignInOptions {
  login: string;
  totp?: string;
  recoveryCode?: string;
}

interface MergeOptions extends SignInOptions {
  field: string[];
}

interface UnmergeOptions extends SignInOptions {
  type?: string;
}

function localeOf(env: CliIo['env']): 'uk' | 'en' {
  return /^(uk|ru)/i.test(localeTag(env)) ? 'uk' : 'en';
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

function withSignIn(cmd: Command): Command {
  return cmd
    .requiredOption('--login <login>', 'act as this user; password from ZAMOK_PASSWORD')
    .option('--totp <code>', 'your current two-factor code')
    .option('--recovery-code <code>', 'one of your recovery codes instead of --totp');
}

/**
 * The mergeable types, spelt out: src-shared/merge is loaded with the command (a chunk of its own
 * would load for `--help` too; bin.test.ts checks `--help` loads one file).
 */
const MERGE_TYPES = ['contacts', 'companies'] as const satisfies readonly MergeType[];

/** The shared merge rules, loaded when a merge command runs. */
function mergeRules() {
  return import('../../../src-shared/merge');
}

function typeOf(text: string | undefined, what: string): MergeType {
  const type = MERGE_TYPES.find(t => t === text);
  if (!type) throw new CliExit(EXIT.usage, `${what}: contacts or companies.`);
  return type;
}

/**
 * The `merges.merge` input from the command line, checked before signing in: every `--field` is
 * `name=<id>` with a picked field of the type and one of the merged records' ids.
 */
export async function mergeRequest(
  type: MergeType,
  survivorId: string,
  others: readonly string[],
  fieldArgs: readonly string[],
) {
  const { MERGE_MAX_RECORDS, pickedFields } = await mergeRules();
  const ids = [survivorId, ...others];
  if (new Set(ids).size !== ids.length)
    throw new CliExit(EXIT.usage, 'Name each record once (the survivor first).');
  if (ids.length > MERGE_MAX_RECORDS)
    throw new CliExit(EXIT.usage, `At most ${MERGE_MAX_RECORDS} records in one merge.`);
  const allowed: readonly string[] = pickedFields(type);
  const fields: Record<string, string> = {};
  for (const arg of fieldArgs) {
    const at = arg.indexOf('=');
    const name = at < 0 ? arg : arg.slice(0, at);
    const id = at < 0 ? '' : arg.slice(at + 1);
    if (!allowed.includes(name))
      throw new CliExit(EXIT.usage, `--field ${name}: one of ${allowed.join(', ')}.`);
    if (!ids.includes(id))
      throw new CliExit(EXIT.usage, `--field ${name}: give =<id> of one of the merged records.`);
    fields[name] = id;
  }
  return {
    type,
    survivorId,
    mergedIds: [...others],
    ...(Object.keys(fields).length > 0 ? { fields } : {}),
  };
}

function mergedLines(r: MergeResult, locale: 'uk' | 'en'): string[] {
  const moved = Object.entries(r.moved)
    .map(([table, n]) => `${table} ${n}`)
    .join(', ');
  return locale === 'uk'
    ? [
        `Об’єднано в ${r.survivorId}: ${r.mergedIds.join(', ')}`,
        `об’єднання ${r.mergeId}; перенесено: ${moved || 'нічого'}`,
      ]
    : [
        `Merged into ${r.survivorId}: ${r.mergedIds.join(', ')}`,
        `merge ${r.mergeId}; moved: ${moved || 'nothing'}`,
      ];
}

function unmergedLines(r: UnmergeResult, locale: 'uk' | 'en'): string[] {
  return locale === 'uk'
    ? [`Скасовано об’єднання ${r.mergeId}: відновлено ${r.restoredIds.join(', ')}`]
    : [`Undid merge ${r.mergeId}: restored ${r.restoredIds.join(', ')}`];
}

/** Registers `merge` and `unmerge`. */
export function registerMergeCommands(program: Command, cli: CliAppContext): void {
  withSignIn(
    program
      .command('merge')
      .description('merge duplicate contacts or companies into the first one (undo: zamok unmerge)')
      .argument('<type>', 'contacts or companies')
      .argument('<survivorId>', 'the record to keep')
      .argument('<otherIds...>', 'the duplicates, merged into it and deleted')
      .option(
        '--field <name=id>',
        'take this field from that record (repeat; default: the kept record’s)',
        collect,
        [],
      ),
  ).action(async (type: string, survivorId: string, others: string[], opts: MergeOptions) => {
    const input = await mergeRequest(typeOf(type, '<type>'), survivorId, others, opts.field);
    const result = await asUser(
      cli,
      opts,
      async call => (await call('zamok:merges.merge', input)) as MergeResult,
    );
    printResult(cli, result, () => mergedLines(result, localeOf(cli.io.env)));
  });

  withSignIn(
    program
      .command('unmerge')
      .description('undo a merge: every record back as it was before it')
      .argument('<mergeId>', 'the merge id `zamok merge` printed')
      .option('--type <type>', 'contacts or companies (default: whichever the merge was)'),
  ).action(async (mergeId: string, opts: UnmergeOptions) => {
    const given = opts.type === undefined ? undefined : typeOf(opts.type, '--type');
    const result = await asUser(cli, opts, async call => {
      // Without --type the merge id tells it (an unaudited read): one unmerge call, one entry.
      const type =
        given ?? ((await call('zamok:merges.kind', { mergeId })) as { type: MergeType }).type;
      return (await call('zamok:merges.unmerge', { type, mergeId })) as UnmergeResult;
    });
    printResult(cli, result, () => unmergedLines(result, localeOf(cli.io.env)));
  });
}
