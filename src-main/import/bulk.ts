/**
 * The import's bulk path for new records (issue 15 point 9). A create through the record module
 * costs a kysely round trip for the insert and a scoped read back (~2 ms a row); an import of new
 * records needs neither: the columns are the record module's own (`contactInputColumns`,
 * `companyInputColumns`: sort key, search text), the stamps `newRecordStamps`, and the record for
 * the audit entry is built from the very row inserted (`rowToContact`, `rowToCompany`). One
 * prepared INSERT per table, reused for every row, inside the batch's transaction; the search
 * triggers write the full-text rows in the same transaction. A row's custom values (`custom:<id>`
 * targets, checked by the planner) go into `custom_values` in the same INSERT. New records go to the office sync
 * outbox as any create does (`recordCreated`) when the vault is an office member. A contact linked
 * to a company (`companyId`) takes the record module's path, which checks the link.
 */
import type SqliteDatabase from 'better-sqlite3-multiple-ciphers';
import type { Kysely } from 'kysely';
import type { Company, CompanyInput } from '../../src-shared/companies';
import type { CustomValues } from '../../src-shared/custom-fields';
import type { Contact, ContactInput } from '../../src-shared/contacts';
import { companyInputColumns } from '../crm/companies/repository';
import { rowToCompany } from '../crm/companies/tables';
import { contactInputColumns } from '../crm/contacts/repository';
import { rowToContact } from '../crm/contacts/tables';
import { newRecordStamps, nextTime, recordCreated } from '../crm/record/changes';
import { newRecordId } from '../crm/record-id';
import { isOfficeMember } from '../sync/outbox';
import type { CompaniesTable, ContactsTable, Database } from '../vault/schema';

type Row = Record<string, string | number | null>;

/** One prepared INSERT for `table`, made from the first row's columns. */
function insertOf(sqlite: SqliteDatabase.Database, table: string, row: Row) {
  const columns = Object.keys(row);
  return sqlite.prepare(
    `INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map(c => `@${c}`).join(', ')})`,
  );
}

/** Writes new contacts and companies of one import, row by row, with prepared statements. */
export class BulkCreator {
  readonly #sqlite: SqliteDatabase.Database;
  readonly #db: Kysely<Database>;
  readonly #batchId: string;
  readonly #actorId: string;
  readonly #ownerId: string;
  readonly #office: boolean;
  #contacts: SqliteDatabase.Statement | null = null;
  #companies: SqliteDatabase.Statement | null = null;
  readonly #batchRecord: SqliteDatabase.Statement;

  private constructor(
    vault: { sqlite: SqliteDatabase.Database; db: Kysely<Database> },
    who: { batchId: string; actorId: string; ownerId: string },
    office: boolean,
  ) {
    this.#sqlite = vault.sqlite;
    this.#db = vault.db;
    this.#batchId = who.batchId;
    this.#actorId = who.actorId;
    this.#ownerId = who.ownerId;
    this.#office = office;
    this.#batchRecord = vault.sqlite.prepare(
      `INSERT INTO import_batch_records (batch_id, record_id, action, before, after_updated_at)
       VALUES (?, ?, 'create', NULL, ?)`,
    );
  }

  /** A creator for import batch `who.batchId`. */
  static async start(
    vault: { sqlite: SqliteDatabase.Database; db: Kysely<Database> },
    who: { batchId: string; actorId: string; ownerId: string },
  ): Promise<BulkCreator> {
    return new BulkCreator(vault, who, await isOfficeMember(vault.db));
  }

  #row(columns: object, now: Date, custom: CustomValues): Row {
    const at = nextTime(now);
    return {
      id: newRecordId(),
      ...columns,
      // Always the column (one prepared INSERT for every row); NULL: no values.
      custom_values: Object.keys(custom).length > 0 ? JSON.stringify(custom) : null,
      ...newRecordStamps(this.#actorId, at),
      owner_id: this.#ownerId,
    } as Row;
  }

  async #done(table: 'contacts' | 'companies', row: Row): Promise<void> {
    this.#batchRecord.run(this.#batchId, row.id, row.updated_at);
    if (this.#office) await recordCreated(this.#db, table, String(row.id));
  }

  /** Inserts a new contact (inside the caller's transaction); the contact as stored. */
  async contact(input: ContactInput, now: Date, custom: CustomValues = {}): Promise<Contact> {
    const row = this.#row(contactInputColumns(input), now, custom);
    this.#contacts ??= insertOf(this.#sqlite, 'contacts', row);
    this.#contacts.run(row);
    await this.#done('contacts', row);
    return rowToContact(row as unknown as ContactsTable, '', []);
  }

  /** Inserts a new company (inside the caller's transaction); the company as stored. */
  async company(input: CompanyInput, now: Date, custom: CustomValues = {}): Promise<Company> {
    const row = this.#row(companyInputColumns(input), now, custom);
    this.#companies ??= insertOf(this.#sqlite, 'companies', row);
    this.#companies.run(row);
    await this.#done('companies', row);
    return rowToCompany(row as unknown as CompaniesTable, '');
  }
}
