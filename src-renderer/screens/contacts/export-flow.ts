/**
 * The export's steps, free of React: the list's current filter as the export's filter, saving the
 * returned file with a Blob download (works in Chromium and Electron; in Electron a native save
 * dialog can replace it later), and one round of waiting for the owner's approval.
 */
import type { ZamokApi } from '../../../src-shared/ipc';
import type { ContactExportResult, ExportFormat } from '../../../src-shared/ipc/contacts';
import type { CallError } from '../../../src-shared/ipc/contract';
import type { ContactQuery } from './store';

/** How often a waiting export asks whether the owner has decided. */
export const EXPORT_POLL_MS = 4000;

/** The list's filter (what the user sees) as the export's filter; empty = everything in scope. */
export function exportFilterOf(query: ContactQuery) {
  const text = query.text.trim();
  const tag = query.tag.trim();
  return {
    ...(text ? { text } : {}),
    ...(tag ? { tag } : {}),
    ...(query.ownerId ? { ownerId: query.ownerId } : {}),
    ...(query.includeDeleted ? { includeDeleted: true } : {}),
    ...(query.custom.length > 0 ? { custom: query.custom } : {}),
  };
}

/** A finished export file. */
export type ExportedFile = Extract<ContactExportResult, { status: 'done' }>;

/** Saves the file through the browser's download (the content is already UTF-8 text, BOM included). */
export function saveFile(file: Pick<ExportedFile, 'fileName' | 'mimeType' | 'content'>): void {
  const url = URL.createObjectURL(new Blob([file.content], { type: file.mimeType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = file.fileName;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked after the click has been handled (revoking at once can cancel the download).
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Where an export stands, as the modal shows it. */
export type ExportStep =
  | { kind: 'choose' }
  | { kind: 'running' }
  | { kind: 'waiting'; requestId: string; count: number }
  | { kind: 'done'; fileName: string; count: number }
  | { kind: 'refused'; reason: 'denied' | 'expired' | 'used' }
  | { kind: 'error'; error: CallError };

function refusal(error: CallError): ExportStep {
  const reason = error.details?.reason;
  if (
    error.code === 'forbidden' &&
    (reason === 'denied' || reason === 'expired' || reason === 'used')
  ) {
    return { kind: 'refused', reason };
  }
  return { kind: 'error', error };
}

/** Runs the export (for `purposeId` when chosen); a done file is saved at once. */
export async function runExport(
  api: ZamokApi,
  query: ContactQuery,
  format: ExportFormat,
  locale: 'uk' | 'en',
  purposeId: string | null = null,
): Promise<ExportStep> {
  const result = await api.contacts.export({
    format,
    filter: exportFilterOf(query),
    locale,
    ...(purposeId ? { purposeId } : {}),
  });
  if (!result.ok) return { kind: 'error', error: result.error };
  return settle(result.value);
}

function settle(value: ContactExportResult): ExportStep {
  if (value.status === 'pending') {
    return { kind: 'waiting', requestId: value.requestId, count: value.count };
  }
  saveFile(value);
  return { kind: 'done', fileName: value.fileName, count: value.count };
}

/**
 * One check while waiting: still waiting (the same step), refused, or — once approved — the file,
 * fetched (single use) and saved.
 */
export async function checkWaiting(
  api: ZamokApi,
  step: Extract<ExportStep, { kind: 'waiting' }>,
): Promise<ExportStep> {
  const status = await api.contacts.exportStatus({ requestId: step.requestId });
  if (!status.ok) return refusal(status.error);
  if (status.value.status === 'pending') return step;
  const result = await api.contacts.exportRequest({ requestId: step.requestId });
  if (!result.ok) return refusal(result.error);
  return settle(result.value);
}
