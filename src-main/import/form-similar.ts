/**
 * "Можливо, той самий клієнт" (issue 15 point 3): records whose name is alike the one typed in a
 * form (src-shared/names/similar.ts), among the caller's OWN read scope only — a name outside it
 * is never suggested, nor hinted at (unlike a phone or code match, a similar name is not evidence
 * enough to tell someone a hidden client exists). A suggestion, never a block.
 */
import { sql, type Kysely } from 'kysely';
import { collationText } from '../../src-shared/contacts/sort-key';
import { companySortKey } from '../../src-shared/companies/sort-key';
import {
  foldName,
  NameIndex,
  nameKeys,
  spellingsOf,
  type NameParts,
} from '../../src-shared/names/similar';
import type { ImportType } from '../../src-shared/import';
import type { DuplicateWarning } from '../../src-shared/ipc/records';
import { scopeCondition } from '../crm/contacts/scope';
import { inScope, type Viewer } from '../crm/record/viewer';
import type { Database } from '../vault/schema';

/** Most suggestions a form shows. */
export const MAX_NAME_SUGGESTIONS = 5;

/** A record alike by name, in the caller's scope. */
export interface NameSuggestion {
  recordId: string;
  name: string;
}

/**
 * The first letters a close name's sort key may start with: the probe's first letter and its
 * spelling variants (ї/і, є/е, ґ/г…), as the sort keys store them. A typo in the very first letter
 * is not looked for (a look-up by first letter keeps the check cheap on a large vault).
 */
function firstKeys(parts: NameParts): string[] {
  const key = 'name' in parts ? companySortKey(parts.name) : collationText(parts.surname);
  const first = [...key][0];
  if (first === undefined) return [];
  const source = 'name' in parts ? parts.name : parts.surname;
  const letter = [...source].find(ch => collationText(ch) === first) ?? first;
  const keys = spellingsOf(letter).map(v => [...collationText(v)][0] ?? '');
  return [...new Set([first, ...keys])].filter(k => k !== '');
}

/** Records of `type` in `viewer`'s scope whose names are alike `parts` (not `excludeId`). */
export async function findSimilarNames(
  db: Kysely<Database>,
  type: ImportType,
  viewer: Viewer,
  parts: NameParts,
  excludeId?: string,
): Promise<NameSuggestion[]> {
  if (nameKeys(parts).full === '' || ('surname' in parts && foldName(parts.surname) === ''))
    return [];
  const starts = firstKeys(parts);
  if (starts.length === 0) return [];
  const index = new NameIndex<NameSuggestion>();
  if (type === 'contacts') {
    const rows = await db
      .selectFrom('contacts')
      .select(['id', 'surname', 'given_name', 'patronymic'])
      .where('deleted_at', 'is', null)
      .where('id', '!=', excludeId ?? '')
      .where(sql`substr(contacts.sort_key, 1, 1)`, 'in', starts)
      .where(eb => scopeCondition(eb, viewer, 'use'))
      .orderBy('sort_key')
      .execute();
    for (const r of rows) {
      const name = [r.surname, r.given_name, r.patronymic].filter(Boolean).join(' ');
      const record = { surname: r.surname, givenName: r.given_name, patronymic: r.patronymic };
      index.add(record, { recordId: r.id, name });
    }
  } else {
    const rows = await db
      .selectFrom('companies')
      .select(['id', 'name'])
      .where('deleted_at', 'is', null)
      .where('id', '!=', excludeId ?? '')
      .where(sql`substr(companies.sort_key, 1, 1)`, 'in', starts)
      .where(inScope('companies', viewer))
      .orderBy('sort_key')
      .execute();
    for (const r of rows) index.add({ name: r.name }, { recordId: r.id, name: r.name });
  }
  return index.find(parts).slice(0, MAX_NAME_SUGGESTIONS);
}

/**
 * The form check's warnings with the name suggestions added after them: a record already named
 * by a phone, e-mail or code match is not suggested again.
 */
export async function withNameSuggestions(
  db: Kysely<Database>,
  type: ImportType,
  viewer: Viewer,
  probe: { name?: NameParts | undefined; excludeId?: string | undefined },
  warnings: DuplicateWarning[],
): Promise<DuplicateWarning[]> {
  if (!probe.name) return warnings;
  const named = new Set(warnings.flatMap(w => (w.visible ? [w.recordId] : [])));
  const similar = await findSimilarNames(db, type, viewer, probe.name, probe.excludeId);
  return [
    ...warnings,
    ...similar
      .filter(s => !named.has(s.recordId))
      .map(s => ({ field: 'name' as const, visible: true as const, ...s })),
  ];
}

/** Above this many records in scope, the import's index keeps exact name keys only. */
export const FUZZY_INDEX_LIMIT = 20_000;

/**
 * Every live record of `type` in `viewer`'s scope, filed by name: the import dry run's look-up
 * for its new rows (one read, then a map look-up per row).
 */
export async function scopeNames(
  db: Kysely<Database>,
  type: ImportType,
  viewer: Viewer,
): Promise<NameIndex<NameSuggestion>> {
  if (type === 'contacts') {
    const rows = await db
      .selectFrom('contacts')
      .select(['id', 'surname', 'given_name', 'patronymic'])
      .where('deleted_at', 'is', null)
      .where(eb => scopeCondition(eb, viewer, 'use'))
      .orderBy('sort_key')
      .execute();
    const index = new NameIndex<NameSuggestion>(rows.length <= FUZZY_INDEX_LIMIT);
    for (const r of rows) {
      const name = [r.surname, r.given_name, r.patronymic].filter(Boolean).join(' ');
      const parts = { surname: r.surname, givenName: r.given_name, patronymic: r.patronymic };
      index.add(parts, { recordId: r.id, name });
    }
    return index;
  }
  const rows = await db
    .selectFrom('companies')
    .select(['id', 'name'])
    .where('deleted_at', 'is', null)
    .where(inScope('companies', viewer))
    .orderBy('sort_key')
    .execute();
  const index = new NameIndex<NameSuggestion>(rows.length <= FUZZY_INDEX_LIMIT);
  for (const r of rows) index.add({ name: r.name }, { recordId: r.id, name: r.name });
  return index;
}
