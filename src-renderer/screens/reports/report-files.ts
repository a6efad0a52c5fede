/** Report files from the main process offered as downloads (Blob + a temporary link). */
import type { ReportFile } from '../../../src-shared/ipc/reports';
import { offerDownload } from '../../components/download';

/** Saves a {@link ReportFile}: text as it is, base64 decoded to bytes. */
export function saveReportFile(file: ReportFile): void {
  const body =
    file.base64 !== undefined
      ? Uint8Array.from(atob(file.base64), c => c.charCodeAt(0))
      : (file.text ?? '');
  offerDownload(file.fileName, new Blob([body], { type: file.mimeType }));
}

/** The last `count` months up to this one, newest first, `YYYY-MM` (the review's month choice). */
export function recentMonths(now: Date = new Date(), count = 60): string[] {
  return Array.from({ length: count }, (_, i) =>
    currentMonth(new Date(now.getFullYear(), now.getMonth() - i, 1)),
  );
}

/** This month on the user's calendar, `YYYY-MM`. */
export function currentMonth(now: Date = new Date()): string {
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}`;
}
