/**
 * The wizard's pure parts: which column a form issue points at, the edits sent with a run, and the
 * progress bar's share. No React, no bridge (tested directly).
 */
import {
  customTarget,
  importKindFields,
  type DealImportField,
  type ImportField,
  type ImportKind,
  type ImportTarget,
} from '../../../src-shared/import';

/** What a column of any import can fill: a contact or company target, or a deal field. */
export type WizardTarget = ImportTarget | DealImportField;

/**
 * Main's mapping columns as targets of `type`: its fields and the live custom fields
 * `customIds` (`custom:<id>`); anything else: skipped.
 */
export function fieldsOf(
  type: ImportKind,
  columns: readonly (string | null)[],
  customIds: readonly string[] = [],
): (WizardTarget | null)[] {
  const known: readonly string[] = [...importKindFields(type), ...customIds.map(customTarget)];
  return columns.map(column =>
    column !== null && known.includes(column) ? (column as WizardTarget) : null,
  );
}

/** The wizard's steps, in order. */
export const WIZARD_STEPS = ['file', 'mapping', 'check', 'confirm', 'done'] as const;
export type WizardStep = (typeof WIZARD_STEPS)[number];

/** A row's edit: new cells, or null to leave the row out. */
export type RowEdit = string[] | null;

const NAME_PARTS: ReadonlySet<string> = new Set(['surname', 'givenName', 'patronymic']);

/**
 * The columns a refused row's issues point at: the column mapped to the issue's field, or, for a
 * name part filled by a split full name, the full-name column.
 */
export function issueColumns(
  columns: readonly (ImportField | string | null)[],
  fields: readonly string[],
): Set<number> {
  const out = new Set<number>();
  for (const field of fields) {
    let index = columns.indexOf(field);
    if (index < 0 && NAME_PARTS.has(field)) index = columns.indexOf('fullName');
    if (index >= 0) out.add(index);
  }
  return out;
}

/** The edits as `imports.run` takes them (undefined when none). */
export function editsInput(
  edits: ReadonlyMap<number, RowEdit>,
): { row: number; cells: string[] | null }[] | undefined {
  if (edits.size === 0) return undefined;
  return [...edits].map(([row, cells]) => ({ row, cells }));
}

/** The share done, 0–100. */
export function percentDone(done: number, total: number): number {
  if (total <= 0) return 0;
  return Math.min(100, Math.round((done / total) * 100));
}
