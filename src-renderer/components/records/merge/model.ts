/**
 * The merge dialog's model: which picked fields differ between the records (only those get radio
 * buttons), the default choice, and the `merges.merge` input from the choices. Works for every
 * mergeable type through its kind (./kinds.ts).
 */
import type { MergeType } from '../../../../src-shared/merge';
import type { MergeKind, PickedField } from './kinds';

/** Any kind, as the model functions take it. */
type AnyKind<R extends { id: string }, F extends PickedField> = MergeKind<R, { id: string }, F>;

/** The picked fields whose values differ between `records` (the only ones worth a choice). */
export function differingFields<R extends { id: string }, F extends PickedField>(
  kind: Pick<AnyKind<R, F>, 'fields' | 'rawValue'>,
  records: readonly R[],
): F[] {
  return kind.fields.filter(
    field => new Set(records.map(r => JSON.stringify(kind.rawValue(r, field)))).size > 1,
  );
}

/** The default choice of a field: the survivor's value, or the first non-empty one. */
export function defaultChoice<R extends { id: string }, F extends PickedField>(
  kind: Pick<AnyKind<R, F>, 'shownValue'>,
  records: readonly R[],
  survivorId: string,
  field: F,
): string {
  const survivor = records.find(r => r.id === survivorId);
  if (survivor && kind.shownValue(survivor, field) !== '') return survivorId;
  return records.find(r => kind.shownValue(r, field) !== '')?.id ?? survivorId;
}

/**
 * The `merges.merge` input: the survivor, the others, and every choice made (a survivor's empty
 * value chosen on purpose is sent too, else main would fill it from another record).
 */
export function mergeInput(
  type: MergeType,
  ids: readonly string[],
  survivorId: string,
  choices: Partial<Record<PickedField, string>>,
) {
  const fields = Object.fromEntries(
    Object.entries(choices).filter(([, id]) => id !== undefined && ids.includes(id)),
  );
  return {
    type,
    survivorId,
    mergedIds: ids.filter(id => id !== survivorId),
    ...(Object.keys(fields).length > 0 ? { fields } : {}),
  };
}
