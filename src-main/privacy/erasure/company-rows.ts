/**
 * The database side of erasing one company card, for a card that is a person (a sole proprietor,
 * ФОП: name, РНОКПП, address and phones are one person's data). In one transaction, like a
 * contact (./rows.ts): the row, its activities and notes, its documents' rows (with their file
 * keys; the caller shreds the files), import undo copies and office sync's copies go; contacts and
 * deals that named the company lose the link (they are other records, kept); audit entries about
 * the company, its activities and documents, or quoting its distinctive strings are pseudonymised;
 * the full-text tables are rewritten and the erasure recorded.
 *
 * Not touched: free text in other records that happens to name the person (another contact's own
 * "company" field, a deal's title, a note on another record). docs/PRIVACY.md says so.
 */
import type Database from 'better-sqlite3-multiple-ciphers';
import { scrubAudit } from './audit-scrub';
import {
  eraseSyncRows,
  finishErasure,
  jsonStrings,
  MIN_NEEDLE,
  scrubQuotes,
  type ErasureEntry,
  type RunSql,
} from './rows';

/** What one company erasure removed (counts and ids only, never content). */
export interface ErasedCompanyRows {
  found: boolean;
  activities: number;
  documents: number;
  contactsUnlinked: number;
  dealsUnlinked: number;
  auditEntries: number;
  /** Document ids whose files the caller shreds after COMMIT. */
  documentIds: string[];
}

interface CompanyText {
  name: string;
  edrpou: string | null;
  rnokpp: string | null;
  phones: string;
}

function needlesOf(company: CompanyText | undefined, fileNames: string[]): string[] {
  const found = [...fileNames];
  if (company) {
    found.push(company.name, company.edrpou ?? '', company.rnokpp ?? '');
    found.push(
      ...jsonStrings(company.phones, v =>
        v !== null && typeof v === 'object' && 'e164' in v ? v.e164 : v,
      ),
    );
  }
  return [...new Set(found.filter(s => s.trim().length >= MIN_NEEDLE))];
}

/** Erases the company's rows; must run inside a transaction with secure_delete on. */
export function eraseCompanyRows(
  sqlite: Database.Database,
  entry: ErasureEntry,
  pseudonym: string,
): ErasedCompanyRows {
  const id = entry.entityId;
  const company = sqlite
    .prepare<[string], CompanyText>(
      'SELECT name, edrpou, rnokpp, phones FROM companies WHERE id = ?',
    )
    .get(id);
  const activities = sqlite
    .prepare<[string], { id: string }>('SELECT id FROM activities WHERE company_id = ?')
    .all(id)
    .map(r => r.id);
  const documents = sqlite
    .prepare<[string], { id: string; file_name: string }>(
      "SELECT id, file_name FROM documents WHERE record_type = 'company' AND record_id = ?",
    )
    .all(id);
  const needles = needlesOf(
    company,
    documents.map(d => d.file_name),
  );
  const auditEntries = scrubAudit(sqlite, {
    erasureId: entry.id,
    pseudonym,
    entities: [
      ['company', id],
      ...activities.map(a => ['activity', a] as const),
      ...documents.map(d => ['document', d.id] as const),
    ],
    needles,
  });
  scrubQuotes(sqlite, needles);
  const run: RunSql = (sql, ...params) => sqlite.prepare(sql).run(...params).changes;
  const contactsUnlinked = run('UPDATE contacts SET company_id = NULL WHERE company_id = ?', id);
  const dealsUnlinked = run('UPDATE deals SET company_id = NULL WHERE company_id = ?', id);
  run('DELETE FROM activities WHERE company_id = ?', id);
  run("DELETE FROM documents WHERE record_type = 'company' AND record_id = ?", id);
  run('DELETE FROM import_batch_records WHERE record_id = ?', id);
  eraseSyncRows(run, [['companies', id], ...activities.map(a => ['activities', a] as const)]);
  run('DELETE FROM companies WHERE id = ?', id);
  finishErasure(sqlite, entry);
  return {
    found: company !== undefined,
    activities: activities.length,
    documents: documents.length,
    contactsUnlinked,
    dealsUnlinked,
    auditEntries,
    documentIds: documents.map(d => d.id),
  };
}
