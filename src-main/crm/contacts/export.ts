/**
 * Contact export, the crm half: the scoped rows (./export-rows.ts) written as CSV or vCard
 * (./export-format.ts). Whether an export may run now or must wait for the owner is decided by the
 * handler (src-main/app/handlers/contacts.ts); this only reads and formats.
 */
import { type Viewer } from '../record/viewer';
import type { Database } from '../../vault/schema';
import type { Kysely } from 'kysely';
import type { ExportFormat } from '../../../src-shared/ipc/contacts';
import { customColumns } from '../custom-fields/export';
import { exportFile } from './export-format';
import { exportRows, type ExportSelection } from './export-rows';

export {
  countExportRows,
  exportExclusions,
  isExportAll,
  type ExportExclusions,
  type ExportSelection,
} from './export-rows';
export { contactsToCsv, contactsToVcard, csvField, vcardText } from './export-format';

/** A finished export: the file and how many contacts it holds. */
export interface ExportedFile {
  fileName: string;
  mimeType: string;
  content: string;
  count: number;
}

/** Reads the contacts the viewer may export and writes them in `format`. */
export async function exportContacts(
  db: Kysely<Database>,
  viewer: Viewer,
  selection: ExportSelection,
  o: { format: ExportFormat; locale: 'uk' | 'en'; now: Date },
): Promise<ExportedFile> {
  const contacts = await exportRows(db, viewer, selection);
  const custom = await customColumns(
    db,
    'contact',
    contacts.map(c => c.id),
  );
  return { ...exportFile(contacts, o.format, o.locale, o.now, custom), count: contacts.length };
}
