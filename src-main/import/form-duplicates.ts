/**
 * The duplicate check of the contact and company forms: the importer's keys (E.164 phone,
 * lower-cased e-mail, ЄДРПОУ, РНОКПП; ./keys.ts) looked up in SQL among EVERY live record of the
 * type, whoever owns it — and then told with the import's privacy rule: a record the caller may
 * read is named (id and name: they can open it anyway); a match outside their read scope says only
 * that the office already has this client and to ask its owner — no id, no name, no owner, no
 * count. A warning, never a refusal: the form still saves.
 */
import { sql, type Kysely, type SqlBool } from 'kysely';
import { edrpouSchema, rnokppSchema } from '../../src-shared/companies';
import { normalizeEmail, normalizePhone } from '../../src-shared/contacts';
import type { ImportType } from '../../src-shared/import';
import type { DuplicateWarning } from '../../src-shared/ipc/records';
import { scopeCondition } from '../crm/contacts/scope';
import { inScope, type Viewer } from '../crm/record/viewer';
import type { Database } from '../vault/schema';
import {
  companyKeys,
  contactKeys,
  jsonList,
  phonesIn,
  type DedupeField,
  type DedupeKey,
} from './keys';

const FIELD_WORDS: Record<DedupeField, string> = {
  phones: 'phone number',
  emails: 'e-mail address',
  edrpou: 'ЄДРПОУ code',
  rnokpp: 'РНОКПП code',
};

/** All a caller learns of a match outside their scope (the renderer shows its own translation). */
export function officeDuplicateMessage(field: DedupeField): string {
  return `This client already exists in the office (the same ${FIELD_WORDS[field]}); ask the owner.`;
}

/** What the form holds so far, as typed (values that do not parse are left out). */
export interface DuplicateProbe {
  phones: readonly string[];
  emails: readonly string[];
  edrpou?: string | undefined;
  rnokpp?: string | undefined;
  /** The record being edited: never its own duplicate. */
  excludeId?: string | undefined;
}

function present<T>(values: readonly (T | null)[]): T[] {
  return values.filter((v): v is T => v !== null);
}

function codeOf(schema: typeof edrpouSchema, text: string | undefined): string | null {
  if (text === undefined) return null;
  const parsed = schema.safeParse(text);
  return parsed.success ? parsed.data : null;
}

/** The probe's duplicate keys, normalised as the form's schema would. */
export function probeKeys(type: ImportType, probe: DuplicateProbe): DedupeKey[] {
  const phones = [...new Set(present(probe.phones.map(p => normalizePhone(p))))].map(e164 => ({
    e164,
  }));
  if (type === 'contacts') {
    const emails = [...new Set(present(probe.emails.map(normalizeEmail)))];
    return contactKeys({ phones, emails });
  }
  return companyKeys({
    edrpou: codeOf(edrpouSchema, probe.edrpou),
    rnokpp: codeOf(rnokppSchema, probe.rnokpp),
    phones,
  });
}

function valuesOf(keys: readonly DedupeKey[], field: DedupeField): string[] {
  return keys.filter(k => k.field === field).map(k => k.value);
}

/** A JSON list column holding one of `values` (phones as `{e164}` objects, e-mails as strings). */
function jsonHas(column: 'phones' | 'emails', values: string[], table: 'contacts' | 'companies') {
  if (values.length === 0) return sql<SqlBool>`0`;
  const list = JSON.stringify(values);
  const item = column === 'phones' ? sql`json_extract(j.value, '$.e164')` : sql`j.value`;
  return sql<SqlBool>`EXISTS (SELECT 1 FROM json_each(${sql.ref(`${table}.${column}`)}) AS j WHERE ${item} IN (SELECT value FROM json_each(${list})))`;
}

interface Candidate {
  id: string;
  keys: DedupeKey[];
}

function emailsIn(text: string): string[] {
  return jsonList(text).filter((e): e is string => typeof e === 'string');
}

async function candidates(
  db: Kysely<Database>,
  type: ImportType,
  keys: DedupeKey[],
  excludeId: string | undefined,
): Promise<Candidate[]> {
  const phones = valuesOf(keys, 'phones');
  if (type === 'contacts') {
    const rows = await db
      .selectFrom('contacts')
      .select(['id', 'phones', 'emails'])
      .where('deleted_at', 'is', null)
      .where('id', '!=', excludeId ?? '')
      .where(eb =>
        eb.or([
          jsonHas('phones', phones, 'contacts'),
          jsonHas('emails', valuesOf(keys, 'emails'), 'contacts'),
        ]),
      )
      .execute();
    return rows.map(r => ({
      id: r.id,
      keys: contactKeys({
        phones: phonesIn(r.phones).map(e164 => ({ e164 })),
        emails: emailsIn(r.emails),
      }),
    }));
  }
  const edrpou = valuesOf(keys, 'edrpou')[0] ?? null;
  const rnokpp = valuesOf(keys, 'rnokpp')[0] ?? null;
  const rows = await db
    .selectFrom('companies')
    .select(['id', 'phones', 'edrpou', 'rnokpp'])
    .where('deleted_at', 'is', null)
    .where('id', '!=', excludeId ?? '')
    .where(eb =>
      eb.or([
        jsonHas('phones', phones, 'companies'),
        ...(edrpou === null ? [] : [eb('edrpou', '=', edrpou)]),
        ...(rnokpp === null ? [] : [eb('rnokpp', '=', rnokpp)]),
      ]),
    )
    .execute();
  return rows.map(r => ({
    id: r.id,
    keys: companyKeys({
      edrpou: r.edrpou,
      rnokpp: r.rnokpp,
      phones: phonesIn(r.phones).map(e164 => ({ e164 })),
    }),
  }));
}

/** The names of the candidates `viewer` may read (the others are not named, ever). */
async function readable(
  db: Kysely<Database>,
  type: ImportType,
  viewer: Viewer,
  ids: string[],
): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows =
    type === 'contacts'
      ? await db
          .selectFrom('contacts')
          .select([
            'contacts.id',
            sql<string>`trim(contacts.given_name || ' ' || contacts.surname)`.as('name'),
          ])
          .where('contacts.id', 'in', ids)
          .where(eb => scopeCondition(eb, viewer, 'use'))
          .execute()
      : await db
          .selectFrom('companies')
          .select(['companies.id', 'companies.name'])
          .where('companies.id', 'in', ids)
          .where(inScope('companies', viewer))
          .execute();
  return new Map(rows.map(r => [r.id, r.name]));
}

/** The warnings for what the form holds: named matches in scope, one unnamed note per field else. */
export async function findDuplicates(
  db: Kysely<Database>,
  type: ImportType,
  viewer: Viewer,
  probe: DuplicateProbe,
): Promise<DuplicateWarning[]> {
  const keys = probeKeys(type, probe);
  if (keys.length === 0) return [];
  const found = await candidates(db, type, keys, probe.excludeId);
  const names = await readable(
    db,
    type,
    viewer,
    found.map(c => c.id),
  );
  const warnings: DuplicateWarning[] = [];
  for (const field of ['phones', 'emails', 'edrpou', 'rnokpp'] as const) {
    const wanted = new Set(valuesOf(keys, field));
    const matches = found.filter(c => c.keys.some(k => k.field === field && wanted.has(k.value)));
    for (const c of matches) {
      const name = names.get(c.id);
      if (name !== undefined) warnings.push({ field, visible: true, recordId: c.id, name });
    }
    if (matches.some(c => !names.has(c.id)))
      warnings.push({ field, visible: false, message: officeDuplicateMessage(field) });
  }
  return warnings;
}
