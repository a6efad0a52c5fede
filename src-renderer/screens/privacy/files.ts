/** Small helpers of the privacy screens: dates as the user reads them, and downloads. */
import type { ReportFile } from '../../../src-shared/ipc/reports';
import { saveReportFile } from '../reports/report-files';

/** `2026-06-10 12:00` in the user's zone. */
export function shortTime(iso: string | null, language: string): string {
  if (!iso) return '';
  return new Date(iso).toLocaleString(language === 'en' ? 'en-GB' : 'uk-UA', {
    dateStyle: 'short',
    timeStyle: 'short',
  });
}

/** Offers a file from main as a download. */
export function saveFile(file: ReportFile): void {
  saveReportFile(file);
}
