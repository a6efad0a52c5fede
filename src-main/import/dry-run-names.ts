/**
 * The import dry run's "можливо, той самий клієнт" suggestions (issue 15 point 3; suggestions,
 * never duplicates: the row is still created). A new row whose name is alike
 * - a record in the importer's OWN read scope (./form-similar.ts `scopeNames`) is listed with that
 *   record's id and name;
 * - else an earlier new row of the same file is listed with that row's number and the name as the
 *   file spells it (nothing the importer does not hold already).
 * Rows that repeat a phone, e-mail or code are the planner's duplicates (./plan.ts `in_file`), not
 * suggestions. Bounded: at most {@link MAX_NAME_SUGGESTIONS} rows listed, after which nothing more
 * is filed; the file's rows are filed fuzzily (one key per one-letter deletion) up to
 * {@link FUZZY_INDEX_LIMIT} rows and by their exact folded keys after that.
 */
import type { Kysely } from 'kysely';
import type { CompanyInput } from '../../src-shared/companies';
import type { ContactInput } from '../../src-shared/contacts';
import type { ImportType } from '../../src-shared/import';
import { MAX_NAME_SUGGESTIONS, type ImportNameSuggestion } from '../../src-shared/ipc/imports';
import { NameIndex, type NameParts } from '../../src-shared/names/similar';
import type { Viewer } from '../crm/record/viewer';
import type { Database } from '../vault/schema';
import { FUZZY_INDEX_LIMIT, scopeNames, type NameSuggestion } from './form-similar';
import type { PlannedRow } from './plan';

interface FileRow {
  row: number;
  name: string;
}

function partsOf(input: ContactInput | CompanyInput): { parts: NameParts; name: string } {
  if ('name' in input) return { parts: { name: input.name }, name: input.name };
  const parts = {
    surname: input.surname,
    givenName: input.givenName ?? null,
    patronymic: input.patronymic ?? null,
  };
  const name = [input.surname, input.givenName, input.patronymic].filter(Boolean).join(' ');
  return { parts, name };
}

/** Collects the dry run's name suggestions row by row. */
export class NameSuggester {
  /** The rows listed so far, in file order. */
  readonly suggestions: ImportNameSuggestion[] = [];
  private readonly fuzzyRows = new NameIndex<FileRow>();
  private readonly exactRows = new NameIndex<FileRow>(false);
  private filed = 0;

  private constructor(private readonly vault: NameIndex<NameSuggestion>) {}

  /** A suggester with the records of `type` in `viewer`'s read scope loaded. */
  static async start(
    db: Kysely<Database>,
    type: ImportType,
    viewer: Viewer,
  ): Promise<NameSuggester> {
    return new NameSuggester(await scopeNames(db, type, viewer));
  }

  /** Hears of every planned row in file order; only new rows are compared and filed. */
  add(planned: PlannedRow): void {
    if (planned.kind !== 'create' || this.suggestions.length >= MAX_NAME_SUGGESTIONS) return;
    const { row } = planned;
    const { parts, name } = partsOf(planned.input);
    const [record] = this.vault.find(parts);
    const [earlier] = record
      ? []
      : [...this.fuzzyRows.find(parts), ...this.exactRows.find(parts)].sort(
          (a, b) => a.row - b.row,
        );
    if (record) this.suggestions.push({ row, ...record });
    else if (earlier) this.suggestions.push({ row, sameAsRow: earlier.row, name: earlier.name });
    this.filed += 1;
    (this.filed <= FUZZY_INDEX_LIMIT ? this.fuzzyRows : this.exactRows).add(parts, { row, name });
  }
}
