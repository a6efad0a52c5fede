/**
 * Test-only: documents on a test laptop (its documents service, transfer tickets and a viewer with
 * `all` scope), attaching one to a record and opening one, and canary-carrying text documents.
 */
import { readAll, streamOf } from '../crm/documents/documents.test-support';
import { createDocumentsService, type DocumentsService } from '../crm/documents/service';
import { createTransferRegistry, type TransferRegistry } from '../crm/documents/transfers';
import { vaultPaths } from '../vault';
import type { Laptop } from './office.test-support';

/** A text document of about `mib` MiB whose every line carries `canary`. */
export function cannedDocument(canary: string, mib: number): Buffer {
  const line = Buffer.from(`Договір №${canary} — умови оплати та поставки.\n`, 'utf8');
  const lines = Math.ceil((mib * 1024 * 1024) / line.length);
  return Buffer.concat(Array.from({ length: lines }, () => line)).subarray(
    0,
    mib * 1024 * 1024 + 17,
  );
}

/** A laptop's documents service (its own transfer tickets) and its viewer with `all` scope. */
export function documentsOf(laptop: Laptop) {
  const transfers = createTransferRegistry();
  const attachments = vaultPaths(laptop.dir).attachments;
  const service = createDocumentsService({
    transfers,
    now: () => new Date(),
    vault: () => ({ db: laptop.db, attachmentsDir: attachments, vaultId: laptop.vault.vaultId }),
  });
  const viewer = { userId: laptop.userId, teamId: null, scope: 'all' as const };
  return { service, transfers, attachments, viewer };
}

/** Attaches `bytes` as `name` to `record` through the laptop's documents service. */
export async function attach(
  d: { service: DocumentsService; transfers: TransferRegistry; viewer: { userId: string } },
  viewer: Parameters<DocumentsService['startUpload']>[0],
  record: { type: 'contact'; id: string },
  name: string,
  bytes: Buffer,
) {
  const { ticket } = await d.service.startUpload(viewer, {
    record,
    file: { name, size: bytes.length },
  });
  await d.transfers.take(ticket, 'upload')?.receive(streamOf(bytes));
  return d.service.finishUpload(d.viewer.userId, ticket);
}

/** Opens a document (fetched from the office when not here yet); answers its bytes. */
export async function open(d: ReturnType<typeof documentsOf>, id: string): Promise<Buffer> {
  const copy = await d.service.download(d.viewer, id, 'export');
  const download = d.transfers.take(copy.ticket, 'download');
  if (!download) throw new Error('no download ticket');
  return readAll(await download.open());
}
