/**
 * The survivor's fields after a merge: each picked field from the record the person chose (by
 * default the survivor's, or — when the survivor's is empty — the first merged record's that is
 * not), phones, e-mails and tags combined without repeats (survivor's first), notes joined.
 * The result is a patch the record module's own edit applies, parsed by the form's patch schema
 * (limits: too many phones → `invalid_input` with the form's codes, nothing changed).
 */
import {
  COMPANY_PICKED_FIELDS,
  CONTACT_PICKED_FIELDS,
  type CompanyPickedField,
  type ContactPickedField,
} from '../../../src-shared/merge';
import {
  contactIssues,
  contactPatchSchema,
  type Contact,
  type ContactPatch,
  type ContactPhone,
} from '../../../src-shared/contacts';
import {
  companyIssues,
  companyPatchSchema,
  type Company,
  type CompanyPatch,
} from '../../../src-shared/companies';
import { RecordError } from '../record/errors';

/** Which record (by id) each picked field comes from. */
export type FieldChoice<F extends string> = Partial<Record<F, string>>;

function isEmpty(value: unknown): boolean {
  if (value === null || value === undefined || value === '') return true;
  if (typeof value === 'object') return Object.keys(value).length === 0;
  return false;
}

function picked<R extends { id: string }, F extends keyof R & string>(
  records: readonly R[],
  field: F,
  choice: FieldChoice<F>,
): R[F] {
  const [survivor] = records as [R, ...R[]];
  const chosen = choice[field];
  if (chosen !== undefined) {
    const from = records.find(r => r.id === chosen);
    if (!from) {
      throw new RecordError('invalid_input', `fields.${field}: not one of the merged records`, {
        fields: [`fields.${field}`],
      });
    }
    return from[field];
  }
  if (!isEmpty(survivor[field])) return survivor[field];
  return (records.find(r => !isEmpty(r[field])) ?? survivor)[field];
}

function phones(records: readonly { phones: ContactPhone[] }[]): ContactPhone[] {
  const out: ContactPhone[] = [];
  for (const p of records.flatMap(r => r.phones)) {
    if (!out.some(o => o.e164 === p.e164)) out.push(p);
  }
  return out;
}

function strings(values: readonly string[]): string[] {
  const out: string[] = [];
  for (const v of values) {
    if (!out.some(o => o.toLocaleLowerCase('uk') === v.toLocaleLowerCase('uk'))) out.push(v);
  }
  return out;
}

function notes(records: readonly { notes: string | null }[]): string | null {
  const all = [...new Set(records.map(r => r.notes?.trim() ?? '').filter(n => n !== ''))];
  return all.length > 0 ? all.join('\n\n') : null;
}

/** A stored phone as the forms send it (the patch schemas normalise it back). */
function asTyped(changed: Record<string, unknown>): Record<string, unknown> {
  if (!Array.isArray(changed.phones)) return changed;
  const typed = (changed.phones as ContactPhone[]).map(p =>
    p.label ? { number: p.e164, label: p.label } : { number: p.e164 },
  );
  return { ...changed, phones: typed };
}

/** Only the fields that differ from the survivor's (undefined = unchanged). */
function changedOnly(
  survivor: object,
  patch: Record<string, unknown>,
): Record<string, unknown> | null {
  const before = survivor as Record<string, unknown>;
  const out = Object.fromEntries(
    Object.entries(patch).filter(([k, v]) => JSON.stringify(v) !== JSON.stringify(before[k])),
  );
  return Object.keys(out).length > 0 ? out : null;
}

/** The survivor's patch (records: survivor first), or null when the merge changes no field. */
export function contactMergePatch(
  records: readonly Contact[],
  choice: FieldChoice<ContactPickedField>,
): ContactPatch | null {
  const patch: Record<string, unknown> = {};
  for (const field of CONTACT_PICKED_FIELDS) patch[field] = picked(records, field, choice);
  patch.phones = phones(records);
  patch.emails = strings(records.flatMap(r => r.emails));
  patch.tags = strings(records.flatMap(r => r.tags));
  patch.notes = notes(records);
  const changed = changedOnly(records[0] as Contact, patch);
  if (!changed) return null;
  const parsed = contactPatchSchema.safeParse(asTyped(changed));
  if (!parsed.success) {
    const codes = contactIssues(parsed.error);
    throw new RecordError('invalid_input', 'The merged contact would not be valid.', {
      fields: codes.map(c => c.field),
      codes,
    });
  }
  return parsed.data;
}

/** The survivor's patch for companies (records: survivor first), or null. */
export function companyMergePatch(
  records: readonly Company[],
  choice: FieldChoice<CompanyPickedField>,
): CompanyPatch | null {
  const patch: Record<string, unknown> = {};
  for (const field of COMPANY_PICKED_FIELDS) patch[field] = picked(records, field, choice);
  patch.phones = phones(records);
  patch.notes = notes(records);
  const changed = changedOnly(records[0] as Company, patch);
  if (!changed) return null;
  const parsed = companyPatchSchema.safeParse(asTyped(changed));
  if (!parsed.success) {
    const codes = companyIssues(parsed.error);
    throw new RecordError('invalid_input', 'The merged company would not be valid.', {
      fields: codes.map(c => c.field),
      codes,
    });
  }
  return parsed.data;
}
