/**
 * Duplicate keys: E.164 phone, lower-cased e-mail (contacts), ЄДРПОУ / РНОКПП and phone
 * (companies). The values come out of the forms' schemas already normalised, so
 * "+38 (067) 123-45-67" and "0671234567" are one key. The vault index holds the keys of EVERY live
 * record of the type, in or out of the importer's scope: a duplicate must be found even where the
 * importer cannot look — what the importer is then told is decided by ./plan.ts, which names only
 * records in scope. Kept in memory for one import (a key and an id per phone/e-mail/code).
 */
import type { Kysely } from 'kysely';
import type { CompanyInput } from '../../src-shared/companies';
import type { ContactInput } from '../../src-shared/contacts';
import type { ImportType } from '../../src-shared/import';
import { scopeCondition } from '../crm/contacts/scope';
import { inScope, type Viewer } from '../crm/record/viewer';
import type { Database } from '../vault/schema';

/** Which field a duplicate key comes from. */
export type DedupeField = 'phones' | 'emails' | 'edrpou' | 'rnokpp';

/** One duplicate key: its field and normalised value (`phones` / `+380671234567`). */
export interface DedupeKey {
  field: DedupeField;
  value: string;
}

function keyText(key: DedupeKey): string {
  return `${key.field}\u0000${key.value}`;
}

/** The keys of a parsed contact. */
export function contactKeys(input: Pick<ContactInput, 'phones' | 'emails'>): DedupeKey[] {
  return [
    ...(input.phones ?? []).map(p => ({ field: 'phones' as const, value: p.e164 })),
    ...(input.emails ?? []).map(e => ({ field: 'emails' as const, value: e })),
  ];
}

/** The keys of a parsed company. */
export function companyKeys(
  input: Pick<CompanyInput, 'edrpou' | 'rnokpp' | 'phones'>,
): DedupeKey[] {
  const keys: DedupeKey[] = [];
  if (input.edrpou) keys.push({ field: 'edrpou', value: input.edrpou });
  if (input.rnokpp) keys.push({ field: 'rnokpp', value: input.rnokpp });
  for (const p of input.phones ?? []) keys.push({ field: 'phones', value: p.e164 });
  return keys;
}

/** A key → record ids map. */
export class KeyIndex<V> {
  private readonly map = new Map<string, V[]>();

  /** Adds `value` under every key (once per key). */
  add(keys: readonly DedupeKey[], value: V): void {
    for (const key of keys) {
      const text = keyText(key);
      const list = this.map.get(text);
      if (list === undefined) this.map.set(text, [value]);
      else if (!list.includes(value)) list.push(value);
    }
  }

  /** The first key of `keys` with entries, and the entries (de-duplicated over all keys). */
  find(keys: readonly DedupeKey[]): { key: DedupeKey; values: V[] } | null {
    let first: DedupeKey | null = null;
    const values: V[] = [];
    for (const key of keys) {
      const list = this.map.get(keyText(key));
      if (list === undefined) continue;
      first ??= key;
      for (const v of list) if (!values.includes(v)) values.push(v);
    }
    return first === null ? null : { key: first, values };
  }
}

/** A stored JSON list column's items (an unreadable one is empty). */
export function jsonList(text: string): unknown[] {
  try {
    const value: unknown = JSON.parse(text);
    return Array.isArray(value) ? value : [];
  } catch {
    return [];
  }
}

/** The E.164 numbers of a stored `phones` column. */
export function phonesIn(text: string): string[] {
  return jsonList(text).flatMap(p =>
    typeof p === 'object' && p !== null && 'e164' in p && typeof p.e164 === 'string'
      ? [p.e164]
      : [],
  );
}

/** The keys of every live record of `type` in the vault, whoever owns it. */
export async function vaultKeys(db: Kysely<Database>, type: ImportType): Promise<KeyIndex<string>> {
  const index = new KeyIndex<string>();
  if (type === 'contacts') {
    const rows = await db
      .selectFrom('contacts')
      .select(['id', 'phones', 'emails'])
      .where('deleted_at', 'is', null)
      .execute();
    for (const row of rows) {
      const emails = jsonList(row.emails).filter((e): e is string => typeof e === 'string');
      index.add(
        contactKeys({ phones: phonesIn(row.phones).map(e164 => ({ e164 })), emails }),
        row.id,
      );
    }
    return index;
  }
  const rows = await db
    .selectFrom('companies')
    .select(['id', 'edrpou', 'rnokpp', 'phones'])
    .where('deleted_at', 'is', null)
    .execute();
  for (const row of rows) {
    const phones = phonesIn(row.phones).map(e164 => ({ e164 }));
    index.add(companyKeys({ edrpou: row.edrpou, rnokpp: row.rnokpp, phones }), row.id);
  }
  return index;
}

/** The ids of live records of `type` within `viewer`'s scope (null: the scope is `all`). */
export async function idsInScope(
  db: Kysely<Database>,
  type: ImportType,
  viewer: Viewer,
): Promise<Set<string> | null> {
  if (viewer.scope === 'all') return null;
  const rows =
    type === 'contacts'
      ? await db
          .selectFrom('contacts')
          .select('contacts.id')
          .where('contacts.deleted_at', 'is', null)
          .where(eb => scopeCondition(eb, viewer, 'use'))
          .execute()
      : await db
          .selectFrom('companies')
          .select('companies.id')
          .where('companies.deleted_at', 'is', null)
          .where(inScope('companies', viewer))
          .execute();
  return new Set(rows.map(r => r.id));
}
