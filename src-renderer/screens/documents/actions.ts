/**
 * The documents panel's two byte-moving actions, in either window: the browser test host (a File
 * from the page's file input; a Blob download) or the Electron app (main's open/save dialogs;
 * native-files.ts). Each answers a Result; the panel shows the error as a sentence.
 */
import type { ZamokApi } from '../../../src-shared/ipc';
import type { Result } from '../../../src-shared/ipc/contract';
import type { DocumentInfo, DocumentRecordType } from '../../../src-shared/ipc/documents';
import { nativeFiles } from './native-files';
import { fetchFile, saveBlob, sendFile } from './transfer';

type RecordRef = { type: DocumentRecordType; id: string };

/** Attaches `file` (test host): ticket, streamed bytes, then the audited finish. */
export async function attachFile(
  api: ZamokApi,
  record: RecordRef,
  file: File,
): Promise<Result<DocumentInfo>> {
  const start = await api.documents.startUpload({
    record,
    file: { name: file.name, size: file.size },
  });
  if (!start.ok) return start;
  const sent = await sendFile(start.value.ticket, file);
  if (!sent.ok) return sent;
  return api.documents.finishUpload({ ticket: start.value.ticket });
}

/**
 * Attaches a file chosen in main's open dialog (Electron). `onChosen` gets its name once picked.
 * `null`: the dialog was cancelled, nothing was asked.
 */
export async function attachChosen(
  api: ZamokApi,
  record: RecordRef,
  onChosen: (name: string) => void,
): Promise<Result<DocumentInfo | null>> {
  const native = nativeFiles();
  if (!native) return { ok: true, value: null };
  const picked = await native.pick();
  if (!picked.ok) return picked;
  if (picked.value === null) return { ok: true, value: null };
  const { pickId, name, size } = picked.value;
  onChosen(name);
  const start = await api.documents.startUpload({ record, file: { name, size } });
  if (!start.ok) return start;
  const sent = await native.upload({ pickId, ticket: start.value.ticket });
  if (!sent.ok) return sent;
  return api.documents.finishUpload({ ticket: start.value.ticket });
}

/**
 * "Save a copy". In Electron the place is chosen first, so a cancelled dialog asks nothing and
 * leaves no audit entry; then the audited export and main writes the file (temp, fsync, rename).
 * `false`: cancelled.
 */
export async function saveCopy(api: ZamokApi, doc: DocumentInfo): Promise<Result<boolean>> {
  const native = nativeFiles();
  if (native) {
    const place = await native.chooseSave({ fileName: doc.fileName });
    if (!place.ok) return place;
    if (place.value === null) return { ok: true, value: false };
    const ticket = await api.documents.export({ id: doc.id });
    if (!ticket.ok) return ticket;
    const saved = await native.save({ saveId: place.value.saveId, ticket: ticket.value.ticket });
    return saved.ok ? { ok: true, value: true } : saved;
  }
  const ticket = await api.documents.export({ id: doc.id });
  if (!ticket.ok) return ticket;
  const blob = await fetchFile(ticket.value.ticket, ticket.value.mimeType);
  if (!blob.ok) return blob;
  saveBlob(blob.value, doc.fileName);
  return { ok: true, value: true };
}
