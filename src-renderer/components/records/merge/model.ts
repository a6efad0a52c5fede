/**
 * The merge dialog's model: which picked fields differ between the records (only those get radio
 * buttons), how a value reads, and the `merges.merge` input from the choices.
 */
import type { Contact } from '../../../../src-shared/contacts';
import { CONTACT_PICKED_FIELDS, type ContactPickedField } from '../../../../src-shared/merge';

/** A picked field's value as the dialog shows it ('' when empty). */
export function shownValue(contact: Contact, field: ContactPickedField): string {
  if (field === 'companyId') return contact.company?.name ?? '';
  if (field === 'messengers') {
    return Object.values(contact.messengers)
      .filter(v => typeof v === 'string' && v !== '')
      .join(', ');
  }
  return contact[field] ?? '';
}

/** The picked fields whose values differ between `records` (the only ones worth a choice). */
export function differingFields(records: readonly Contact[]): ContactPickedField[] {
  return CONTACT_PICKED_FIELDS.filter(
    field => new Set(records.map(r => JSON.stringify(r[field] ?? null))).size > 1,
  );
}

/** The default choice of a field: the survivor's value, or the first non-empty one. */
export function defaultChoice(
  records: readonly Contact[],
  survivorId: string,
  field: ContactPickedField,
): string {
  const survivor = records.find(r => r.id === survivorId);
  if (survivor && shownValue(survivor, field) !== '') return survivorId;
  return records.find(r => shownValue(r, field) !== '')?.id ?? survivorId;
}

/**
 * The `merges.merge` input: the survivor, the others, and every choice made (a survivor's empty
 * value chosen on purpose is sent too, else main would fill it from another record).
 */
export function mergeInput(
  ids: readonly string[],
  survivorId: string,
  choices: Partial<Record<ContactPickedField, string>>,
) {
  const fields = Object.fromEntries(
    Object.entries(choices).filter(([, id]) => id !== undefined && ids.includes(id)),
  );
  return {
    type: 'contacts' as const,
    survivorId,
    mergedIds: ids.filter(id => id !== survivorId),
    ...(Object.keys(fields).length > 0 ? { fields } : {}),
  };
}
