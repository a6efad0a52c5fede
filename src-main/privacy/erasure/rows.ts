/**
 * The database side of erasing one contact, in one transaction: what is about the person is
 * deleted (the row, its shares, activities and notes, documents' rows with their file keys, import
 * undo copies, merge records), deal links are cut, the audit entries are pseudonymised (./audit-scrub.ts), the
 * full-text tables are rewritten without the person's terms, and the erasure is recorded.
 *
 * Why 'optimize' on the FTS5 tables: an FTS5 delete appends a tombstone segment that still names
 * the deleted terms, and the old segment keeps them until a merge; 'optimize' merges every
 * segment into one without them (cost: one rewrite of that table's index). Freed pages are
 * zeroed because the caller turns `secure_delete` on (./erase.ts).
 */
import type Database from 'better-sqlite3-multiple-ciphers';
import { scrubAudit } from './audit-scrub';

/** What one erasure removed (counts and ids only, never content). */
export interface ErasedRows {
  found: boolean;
  activities: number;
  documents: number;
  shares: number;
  dealsUnlinked: number;
  auditEntries: number;
  /** Document ids whose files the caller shreds after COMMIT. */
  documentIds: string[];
}

/** The erasure as it is recorded in `erasures`. */
export interface ErasureRecord {
  id: string;
  contactId: string;
  reason: 'request' | 'retention';
  erasedAt: string;
  erasedBy: string | null;
}

/** The erasure as it is recorded in `erasures`, for any erased record type. */
export interface ErasureEntry {
  id: string;
  entityType: 'contact' | 'company';
  entityId: string;
  reason: 'request' | 'retention';
  erasedAt: string;
  erasedBy: string | null;
}

interface ContactText {
  surname: string;
  emails: string;
  phones: string;
}

/** Shortest string searched for in audit payloads: shorter ones would hit other people's entries. */
export const MIN_NEEDLE = 4;

/** The strings of a JSON array column picked by `pick` (none when the text is not an array). */
export function jsonStrings(text: string, pick: (value: unknown) => unknown): string[] {
  try {
    const parsed: unknown = JSON.parse(text);
    if (!Array.isArray(parsed)) return [];
    return parsed.map(pick).filter((v): v is string => typeof v === 'string');
  } catch {
    return [];
  }
}

/** The person's distinctive strings: surname, e-mails, phone numbers, document file names. */
function needlesOf(contact: ContactText | undefined, fileNames: string[]): string[] {
  const found = [...fileNames];
  if (contact) {
    found.push(contact.surname, ...jsonStrings(contact.emails, v => v));
    found.push(
      ...jsonStrings(contact.phones, v =>
        v !== null && typeof v === 'object' && 'e164' in v ? v.e164 : v,
      ),
    );
  }
  return [...new Set(found.filter(s => s.trim().length >= MIN_NEEDLE))];
}

/**
 * Free-text columns of guard records that may quote the person (an export's search filter, an
 * alert's details): each occurrence of a needle, as JSON writes it, becomes `[erased]`; the JSON
 * stays valid because the needle is replaced inside its string.
 */
const QUOTING_COLUMNS = [
  ['export_requests', 'filter'],
  ['alerts', 'details'],
] as const;

/** Replaces each needle quoted in the guard records' free text (see QUOTING_COLUMNS). */
export function scrubQuotes(sqlite: Database.Database, needles: readonly string[]): void {
  for (const needle of needles) {
    const encoded = JSON.stringify(needle).slice(1, -1);
    for (const [table, column] of QUOTING_COLUMNS) {
      sqlite
        .prepare(
          `UPDATE ${table} SET ${column} = replace(${column}, ?, '[erased]') WHERE instr(${column}, ?) > 0`,
        )
        .run(encoded, encoded);
    }
  }
}

/**
 * Rows other modules keep about the person by id (no foreign key): the legal basis and objection
 * records go with the person; a subject request stays in the register (the office must show it was
 * answered) with its free-text note emptied; office sync's copies of the fields, its conflicts and
 * its sealed changes (pushed or not) for the contact and its activities go too (the key to open those
 * is in this vault). The erasure itself reaches other laptops through src-main/sync/erasure-out.ts.
 */
function eraseRelatedRows(run: RunSql, id: string, activities: readonly string[]): void {
  run('DELETE FROM privacy_consents WHERE contact_id = ?', id);
  run('DELETE FROM privacy_objections WHERE contact_id = ?', id);
  run("UPDATE privacy_requests SET note = '' WHERE contact_id = ?", id);
  eraseSyncRows(run, [['contacts', id], ...activities.map(a => ['activities', a] as const)]);
}

const FTS_TABLES = [
  'search_text_contacts',
  'search_text_companies',
  'search_text_activities',
  'search_digits',
] as const;

/** A statement runner that answers the changed row count. */
export type RunSql = (sql: string, ...params: string[]) => number;

/** Office sync's copies, conflicts and sealed changes of these records go with them. */
export function eraseSyncRows(run: RunSql, records: readonly (readonly [string, string])[]): void {
  for (const [table, recordId] of records) {
    run('DELETE FROM sync_fields WHERE record_table = ? AND record_id = ?', table, recordId);
    run('DELETE FROM sync_conflicts WHERE record_table = ? AND record_id = ?', table, recordId);
    run('DELETE FROM sync_outbox WHERE record_table = ? AND record_id = ?', table, recordId);
  }
}

/**
 * The end of every erasure, inside its transaction: the full-text tables rewritten without the
 * erased terms (see the file comment) and the erasure recorded.
 */
export function finishErasure(sqlite: Database.Database, entry: ErasureEntry): void {
  for (const table of FTS_TABLES) {
    sqlite.prepare(`INSERT INTO ${table} (${table}) VALUES ('optimize')`).run();
  }
  sqlite
    .prepare(
      `INSERT OR IGNORE INTO erasures (id, entity_type, entity_id, reason, erased_at, erased_by)
       VALUES (?, ?, ?, ?, ?, ?)`,
    )
    .run(entry.id, entry.entityType, entry.entityId, entry.reason, entry.erasedAt, entry.erasedBy);
}

/** Erases the contact's rows; must run inside a transaction with secure_delete on. */
export function eraseContactRows(
  sqlite: Database.Database,
  record: ErasureRecord,
  pseudonym: string,
): ErasedRows {
  const id = record.contactId;
  const contact = sqlite
    .prepare<[string], ContactText>('SELECT surname, emails, phones FROM contacts WHERE id = ?')
    .get(id);
  const activities = sqlite
    .prepare<[string], { id: string }>('SELECT id FROM activities WHERE contact_id = ?')
    .all(id)
    .map(r => r.id);
  const documents = sqlite
    .prepare<[string], { id: string; file_name: string }>(
      "SELECT id, file_name FROM documents WHERE record_type = 'contact' AND record_id = ?",
    )
    .all(id);
  const needles = needlesOf(
    contact,
    documents.map(d => d.file_name),
  );
  const auditEntries = scrubAudit(sqlite, {
    erasureId: record.id,
    pseudonym,
    entities: [
      ['contact', id],
      ...activities.map(a => ['activity', a] as const),
      ...documents.map(d => ['document', d.id] as const),
    ],
    needles,
  });
  scrubQuotes(sqlite, needles);
  const run: RunSql = (sql, ...params) => sqlite.prepare(sql).run(...params).changes;
  const shares = run('DELETE FROM contact_shares WHERE contact_id = ?', id);
  const dealsUnlinked = run('UPDATE deals SET contact_id = NULL WHERE contact_id = ?', id);
  run('DELETE FROM activities WHERE contact_id = ?', id);
  run("DELETE FROM documents WHERE record_type = 'contact' AND record_id = ?", id);
  run('DELETE FROM import_batch_records WHERE record_id = ?', id);
  // A merge the person took part in keeps their rows to unmerge with (src-main/crm/merge): it goes,
  // and unmerge with it (its members go by ON DELETE CASCADE).
  run(
    'DELETE FROM record_merges WHERE id IN (SELECT merge_id FROM record_merge_members WHERE record_id = ?)',
    id,
  );
  eraseRelatedRows(run, id, activities);
  run('DELETE FROM contacts WHERE id = ?', id);
  finishErasure(sqlite, { ...record, entityType: 'contact', entityId: id });
  return {
    found: contact !== undefined,
    activities: activities.length,
    documents: documents.length,
    shares,
    dealsUnlinked,
    auditEntries,
    documentIds: documents.map(d => d.id),
  };
}
