/**
 * Record exports (channel `records.export`, CLI `zamok export`): one record type read within the
 * caller's scope and written as CSV (./csv.ts), XLSX (./xlsx.ts) or, for contacts, vCard 3.0
 * (./vcard3.ts). The handler decides who may export and whether the export limits let it run; this
 * reads and writes only.
 */
import type { Kysely } from 'kysely';
import type { CustomRecordType } from '../../src-shared/custom-fields';
import type {
  CsvStyle,
  ExportRecordType,
  RecordExportFormat,
  RecordExportResult,
} from '../../src-shared/ipc/records';
import type { ExportSelection } from '../crm/contacts/export-rows';
import { customColumns, rowIds, withCustomColumns } from '../crm/custom-fields/export';
import type { Viewer } from '../crm/record/viewer';
import type { Database } from '../vault/schema';
import { activitiesTable, dealsTable, type LinkScopes } from './activity-sheets';
import { companiesTable, contactsTable, readCompanies, readContacts } from './contact-sheets';
import { tableToCsv } from './csv';
import type { ExportTable } from './table';
import { contactsToVcard3 } from './vcard3';
import { tableToXlsx } from './xlsx';

/** What to export and how. */
export interface RecordExportRequest {
  type: ExportRecordType;
  format: RecordExportFormat;
  csvStyle: CsvStyle;
  locale: 'uk' | 'en';
  /** Contacts: the processing purpose the export is made for (src-main/privacy/consent). */
  purposeId?: string | undefined;
  /** Local dates' time zone (default: this computer's). */
  timeZone?: string | undefined;
  now: Date;
  /** Only these records (still within the viewer's scope); all of them when absent. */
  ids?: readonly string[] | undefined;
  /** Contacts: the list's filter (src-main/crm/contacts/export-rows.ts), so the file is what it shows. */
  filter?: ExportSelection['filter'];
}

const MIME = {
  csv: 'text/csv;charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  vcf: 'text/vcard;charset=utf-8',
} as const;

/** The record type whose custom fields an export of `type` carries. */
const CUSTOM_TYPE_OF = {
  contacts: 'contact',
  companies: 'company',
  deals: 'deal',
  activities: undefined,
} as const satisfies Record<ExportRecordType, CustomRecordType | undefined>;

/** `zamok-<type>-2026-12-06-14-05.<ext>`: dated, no personal data. */
export function exportFileName(type: ExportRecordType, format: RecordExportFormat, now: Date) {
  const stamp = now.toISOString().slice(0, 16).replace(/[T:]/gu, '-');
  return `zamok-${type}-${stamp}.${format}`;
}

/**
 * Reads the records of `r.type` that `viewer` reaches (activities name linked records within
 * `links`) and writes the file.
 */
export async function exportRecords(
  db: Kysely<Database>,
  viewer: Viewer,
  links: LinkScopes,
  r: RecordExportRequest,
): Promise<RecordExportResult> {
  const file = (content: string | Buffer, count: number): RecordExportResult => ({
    fileName: exportFileName(r.type, r.format, r.now),
    mimeType: MIME[r.format],
    encoding: typeof content === 'string' ? 'utf8' : 'base64',
    content: typeof content === 'string' ? content : content.toString('base64'),
    count,
  });
  let table: ExportTable;
  switch (r.type) {
    case 'contacts': {
      const contacts = await readContacts(db, viewer, r.ids, r.purposeId, r.filter);
      if (r.format === 'vcf') {
        const custom = await customColumns(
          db,
          'contact',
          contacts.map(c => c.id),
        );
        return file(contactsToVcard3(contacts, custom, r.locale), contacts.length);
      }
      table = contactsTable(contacts);
      break;
    }
    case 'companies':
      table = companiesTable(await readCompanies(db, viewer, r.ids));
      break;
    case 'deals':
      table = await dealsTable(db, viewer, r.ids);
      break;
    case 'activities':
      table = await activitiesTable(db, viewer, links, r.locale, r.ids);
      break;
  }
  // Custom fields: one column each after the built-in ones (contacts, companies, deals).
  const customType = CUSTOM_TYPE_OF[r.type];
  if (customType) {
    const custom = await customColumns(db, customType, rowIds(table));
    table = withCustomColumns(table, custom, r.locale);
  }
  const dates = { locale: r.locale, timeZone: r.timeZone };
  const content =
    r.format === 'xlsx' ? tableToXlsx(table, dates) : tableToCsv(table, r.csvStyle, dates);
  return file(content, table.rows.length);
}
