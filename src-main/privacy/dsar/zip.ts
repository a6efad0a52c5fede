/**
 * The subject export as a ZIP, streamed (fflate): `subject.json` (everything, machine-readable),
 * `index.html` (the readable Ukrainian page) and each document's decrypted file under
 * `documents/`. Documents are stored (not deflated: they are mostly compressed already) and read
 * chunk by chunk, so a large file is never held whole; the sink decides where bytes go (a bounded
 * buffer for the app, a file for the CLI).
 */
import { strToU8, Zip, ZipDeflate, ZipPassThrough } from 'fflate';
import type { Readable } from 'node:stream';
import type { PrivacyLang } from '../../../src-shared/privacy/labels';
import type { SubjectData, SubjectDocument } from './collect';
import { subjectHtml } from './html';

/** Opens a document's verified plaintext (src-main/crm/documents openDocumentStream). */
export type OpenDocument = (doc: SubjectDocument) => Promise<Readable>;

/** Writes the ZIP to `sink` (called in order; the last call has `final`). */
export async function writeSubjectZip(
  data: SubjectData,
  lang: PrivacyLang,
  openDocument: OpenDocument,
  sink: (chunk: Uint8Array, final: boolean) => void,
  /** Resolves when the sink can take more (a file's backpressure); between document chunks. */
  drained: () => Promise<void> = () => Promise.resolve(),
): Promise<void> {
  let failure: Error | null = null;
  const zip = new Zip((err, chunk, final) => {
    if (err) failure = err;
    else sink(chunk, final);
  });
  const text = (name: string, content: string) => {
    const file = new ZipDeflate(name, { level: 6 });
    zip.add(file);
    file.push(strToU8(content), true);
  };
  text('subject.json', `${JSON.stringify(data, null, 2)}\n`);
  text('index.html', subjectHtml(data, lang));
  for (const doc of data.documents) {
    if (doc.path === null) continue;
    const file = new ZipPassThrough(doc.path);
    zip.add(file);
    const stream = await openDocument(doc);
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      file.push(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength));
      await drained();
    }
    file.push(new Uint8Array(0), true);
  }
  zip.end();
  if (failure) throw failure;
}
