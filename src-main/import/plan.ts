/**
 * Deciding what each row of an import does — the same decision for the dry run and the commit:
 * - `error`: the form's schema refuses the row (issue codes per field, never the values);
 * - `duplicate`: a key (phone, e-mail, ЄДРПОУ, РНОКПП) repeats an earlier row of the file, or
 *   matches a record the importer cannot see (`hidden`: said WITHOUT an id, a name or the owner —
 *   only "a record you cannot see already has this phone"), or matches several records, or one the
 *   importer may see but not edit;
 * - `update`: it matches exactly one record the importer may edit and adds something to it
 *   (./merge.ts); `unchanged` when it adds nothing;
 * - `create`: no key matches.
 */
import type { Kysely } from 'kysely';
import type { Company, CompanyInput, CompanyPatch } from '../../src-shared/companies';
import type { CustomField, CustomValues } from '../../src-shared/custom-fields';
import type { Contact, ContactInput, ContactPatch } from '../../src-shared/contacts';
import { parseRow, type ColumnMapping, type ImportType } from '../../src-shared/import';
import type { ImportProblem } from '../../src-shared/ipc/imports';
import { getCompany } from '../crm/companies/repository';
import { getContact } from '../crm/contacts/repository';
import { listFields } from '../crm/custom-fields/definitions';
import type { Viewer } from '../crm/record/viewer';
import type { Database } from '../vault/schema';
import {
  KeyIndex,
  companyKeys,
  contactKeys,
  idsInScope,
  vaultKeys,
  type DedupeField,
  type DedupeKey,
} from './keys';
import { customChanges, customRowValues, storedCustomValues } from './custom';
import { companyMergePatch, contactMergePatch } from './merge';

/** Why a row was not imported: the channel's problem, with the dedupe fields main knows. */
export type RowProblem = ImportProblem<DedupeField | 'title'>;

/** What one row will do; `custom`: its checked custom values (empty when none are mapped). */
export type PlannedRow =
  | { kind: 'create'; row: number; type: 'contacts'; input: ContactInput; custom: CustomValues }
  | { kind: 'create'; row: number; type: 'companies'; input: CompanyInput; custom: CustomValues }
  | {
      kind: 'update';
      row: number;
      type: 'contacts';
      before: Contact;
      patch: ContactPatch | null;
      custom: CustomValues;
    }
  | {
      kind: 'update';
      row: number;
      type: 'companies';
      before: Company;
      patch: CompanyPatch | null;
      custom: CustomValues;
    }
  | { kind: 'unchanged'; row: number; recordId: string }
  | { kind: 'skip'; row: number; problem: RowProblem };

const FIELD_WORDS: Record<DedupeField, string> = {
  phones: 'phone number',
  emails: 'e-mail address',
  edrpou: 'ЄДРПОУ code',
  rnokpp: 'РНОКПП code',
};

/** The one thing the importer learns about a match outside their scope. */
export function hiddenDuplicateMessage(field: DedupeField): string {
  return `A record you cannot see already has this ${FIELD_WORDS[field]}; ask its owner.`;
}

/** Who imports: the read and edit scopes of their grants for the record type. */
export interface ImportViewer {
  /** The importer with their `<type>.read` scope. */
  read: Viewer;
  /** The importer with their `<type>.update` scope; undefined: matches are never updated. */
  update: Viewer | undefined;
}

/** Plans rows one by one, remembering the file's keys (for duplicates within the file). */
export class ImportPlanner {
  private readonly fileKeys = new KeyIndex<number>();
  /** Records an earlier row of the file already updates (or leaves unchanged), by id → row. */
  private readonly touched = new Map<string, number>();

  private constructor(
    private readonly db: Kysely<Database>,
    private readonly mapping: ColumnMapping,
    private readonly viewer: ImportViewer,
    private readonly vault: KeyIndex<string>,
    private readonly readable: Set<string> | null,
    private readonly editable: Set<string> | null,
    private readonly fields: CustomField[],
  ) {}

  /** A planner for `mapping.type` with the vault's keys and the importer's scopes loaded. */
  static async start(
    db: Kysely<Database>,
    mapping: ColumnMapping,
    viewer: ImportViewer,
  ): Promise<ImportPlanner> {
    const type: ImportType = mapping.type;
    const [vault, readable, editable, fields] = await Promise.all([
      vaultKeys(db, type),
      idsInScope(db, type, viewer.read),
      viewer.update ? idsInScope(db, type, viewer.update) : Promise.resolve(new Set<string>()),
      listFields(db, type === 'contacts' ? 'contact' : 'company'),
    ]);
    return new ImportPlanner(db, mapping, viewer, vault, readable, editable, fields);
  }

  /** What row number `row` (1 = first data row) with these cells will do. */
  async plan(row: number, cells: readonly string[]): Promise<PlannedRow> {
    const parsed = parseRow(this.mapping, cells);
    const customs = customRowValues(this.fields, this.mapping, cells);
    if (!parsed.ok || !customs.ok) {
      const issues = [...(parsed.ok ? [] : parsed.issues), ...(customs.ok ? [] : customs.issues)];
      return { kind: 'skip', row, problem: { row, kind: 'error', issues } };
    }
    const custom = customs.values;
    const keys: DedupeKey[] =
      parsed.type === 'contacts' ? contactKeys(parsed.input) : companyKeys(parsed.input);
    const earlier = this.fileKeys.find(keys);
    if (earlier !== null) {
      const sameAsRow = earlier.values[0] ?? 0;
      const problem: RowProblem = {
        row,
        kind: 'duplicate',
        reason: 'in_file',
        field: earlier.key.field,
        sameAsRow,
      };
      return { kind: 'skip', row, problem };
    }
    this.fileKeys.add(keys, row);
    const match = this.vault.find(keys);
    if (match === null)
      return parsed.type === 'contacts'
        ? { kind: 'create', row, type: 'contacts', input: parsed.input, custom }
        : { kind: 'create', row, type: 'companies', input: parsed.input, custom };
    const field = match.key.field;
    const hidden = match.values.some(id => this.readable !== null && !this.readable.has(id));
    if (hidden) {
      const message = hiddenDuplicateMessage(field);
      return {
        kind: 'skip',
        row,
        problem: { row, kind: 'duplicate', reason: 'hidden', field, message },
      };
    }
    const [id, ...others] = match.values;
    if (
      id === undefined ||
      others.length > 0 ||
      (this.editable !== null && !this.editable.has(id))
    ) {
      const reason = others.length > 0 ? 'ambiguous' : 'not_editable';
      const problem: RowProblem = {
        row,
        kind: 'duplicate',
        reason,
        field,
        recordIds: match.values,
      };
      return { kind: 'skip', row, problem };
    }
    const earlierRow = this.touched.get(id);
    if (earlierRow !== undefined) {
      const problem: RowProblem = {
        row,
        kind: 'duplicate',
        reason: 'in_file',
        field,
        sameAsRow: earlierRow,
      };
      return { kind: 'skip', row, problem };
    }
    this.touched.set(id, row);
    const changesCustom = customChanges(
      this.fields.length === 0 ? {} : await storedCustomValues(this.db, parsed.type, id),
      custom,
    );
    if (parsed.type === 'contacts') {
      const before = await getContact(this.db, this.viewer.read, id);
      const patch = contactMergePatch(before, parsed.input);
      return patch === null && !changesCustom
        ? { kind: 'unchanged', row, recordId: id }
        : { kind: 'update', row, type: 'contacts', before, patch, custom };
    }
    const before = await getCompany(this.db, this.viewer.read, id);
    const patch = companyMergePatch(before, parsed.input);
    return patch === null && !changesCustom
      ? { kind: 'unchanged', row, recordId: id }
      : { kind: 'update', row, type: 'companies', before, patch, custom };
  }
}

/** Counts of an import (dry run or commit), and the rows not imported with their reasons. */
export interface ImportCounts {
  rows: number;
  create: number;
  update: number;
  unchanged: number;
  duplicate: number;
  error: number;
}

/** At most this many problems are listed (the counts stay exact). */
export const MAX_LISTED_PROBLEMS = 1000;

/** Adds up planned rows; keeps the first {@link MAX_LISTED_PROBLEMS} problems. */
export class ImportTally {
  readonly counts: ImportCounts = {
    rows: 0,
    create: 0,
    update: 0,
    unchanged: 0,
    duplicate: 0,
    error: 0,
  };
  readonly problems: RowProblem[] = [];
  truncated = false;

  /** `onProblem` hears of every problem, the listed ones and those beyond the list. */
  constructor(private readonly onProblem?: (problem: RowProblem) => void) {}

  /** Counts one planned row (of any record type). */
  add(
    planned: { kind: 'create' | 'update' | 'unchanged' } | { kind: 'skip'; problem: RowProblem },
  ): void {
    this.counts.rows++;
    if (planned.kind !== 'skip') {
      this.counts[planned.kind]++;
      return;
    }
    this.counts[planned.problem.kind]++;
    this.onProblem?.(planned.problem);
    if (this.problems.length < MAX_LISTED_PROBLEMS) this.problems.push(planned.problem);
    else this.truncated = true;
  }
}
