/**
 * The list export's steps, free of React: the format choice as `records.export` input, the call,
 * and saving the returned file (text, or base64 for XLSX) with a download.
 */
import type { ContactExportFilter } from '../../../src-shared/ipc/contacts';
import type { ZamokApi } from '../../../src-shared/ipc';
import type { CallError } from '../../../src-shared/ipc/contract';
import type { ExportRecordType } from '../../../src-shared/ipc/records';
import { offerDownload } from '../download';

/** The choices of the format radio: two CSV dialects, XLSX, vCard (contacts only). */
export const EXPORT_CHOICES = ['excel', 'plain', 'xlsx', 'vcf'] as const;
export type ExportChoice = (typeof EXPORT_CHOICES)[number];

/** Where an export stands, as the modal shows it. */
export type RecordExportStep =
  | { kind: 'choose' }
  | { kind: 'running' }
  | { kind: 'approval'; count: number }
  | { kind: 'done'; fileName: string; count: number }
  | { kind: 'error'; error: CallError };

/** The choices offered for `type` (vCard only for contacts). */
export function choicesFor(type: ExportRecordType): readonly ExportChoice[] {
  return type === 'contacts' ? EXPORT_CHOICES : EXPORT_CHOICES.filter(c => c !== 'vcf');
}

/** The `records.export` input of one choice. */
export function exportInputOf(
  type: ExportRecordType,
  choice: ExportChoice,
  locale: 'uk' | 'en',
  extra: {
    purposeId?: string | null;
    ids?: readonly string[] | undefined;
    filter?: ContactExportFilter | undefined;
  } = {},
) {
  const format = choice === 'excel' || choice === 'plain' ? ('csv' as const) : choice;
  return {
    type,
    format,
    ...(format === 'csv'
      ? { csvStyle: choice === 'plain' ? ('plain' as const) : ('excel' as const) }
      : {}),
    locale,
    ...(extra.purposeId && type === 'contacts' ? { purposeId: extra.purposeId } : {}),
    ...(extra.ids && extra.ids.length > 0 ? { ids: [...extra.ids] } : {}),
    // The list's filter (contacts): only when it narrows and no rows were picked.
    ...(type === 'contacts' && extra.filter && Object.keys(extra.filter).length > 0 && !extra.ids
      ? { filter: extra.filter }
      : {}),
  };
}

/**
 * Runs the export; a finished file is saved at once. Over the owner's limit main stores an approval
 * request (`status: 'pending'`): the step says so, and the same export runs once approved.
 */
export async function runRecordExport(
  api: ZamokApi,
  input: ReturnType<typeof exportInputOf>,
): Promise<RecordExportStep> {
  const result = await api.records.export(input);
  if (!result.ok) return { kind: 'error', error: result.error };
  const file = result.value;
  if ('status' in file) return { kind: 'approval', count: file.count };
  const bytes =
    file.encoding === 'base64'
      ? Uint8Array.from(atob(file.content), c => c.charCodeAt(0))
      : file.content;
  // Revoked after the click has been handled (revoking at once can cancel the download).
  offerDownload(file.fileName, new Blob([bytes], { type: file.mimeType }), 10_000);
  return { kind: 'done', fileName: file.fileName, count: file.count };
}
