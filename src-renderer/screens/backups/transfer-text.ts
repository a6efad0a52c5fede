/**
 * Speed and time left of a running backup or restore, in the interface language: "12,3 МБ/с,
 * залишилося ~1 хв" / "12.3 MB/s, about 1 min left". MB are decimal (10^6 bytes), as disks count.
 */
import type { TFunction } from 'i18next';
import type { BackupTransferProgress } from '../../../src-shared/ipc/backup';

/** Below this much time or data, the speed is not known well enough to show. */
const MIN_ELAPSED_MS = 500;

/** Bytes per second so far and seconds left at that speed (null when unknown). */
export function transferRate(
  p: Pick<BackupTransferProgress, 'bytesDone' | 'bytesTotal' | 'elapsedMs'>,
): { bytesPerSecond: number; secondsLeft: number | null } | null {
  if (p.elapsedMs < MIN_ELAPSED_MS || p.bytesDone <= 0) return null;
  const bytesPerSecond = p.bytesDone / (p.elapsedMs / 1000);
  const rest = p.bytesTotal - p.bytesDone;
  return {
    bytesPerSecond,
    secondsLeft: p.bytesTotal > 0 ? Math.max(0, rest) / bytesPerSecond : null,
  };
}

/** "~40 с" under a minute (rounded up to 5 s), else "~N хв" (rounded, at least 1). */
function timeLeft(t: TFunction, seconds: number): string {
  if (seconds < 60)
    return t('backups.transfer.seconds', { count: Math.max(5, Math.ceil(seconds / 5) * 5) });
  return t('backups.transfer.minutes', { count: Math.max(1, Math.round(seconds / 60)) });
}

/** The speed and time-left line, or null while the speed is not known yet. */
export function transferText(
  t: TFunction,
  language: string,
  p: Pick<BackupTransferProgress, 'bytesDone' | 'bytesTotal' | 'elapsedMs'>,
): string | null {
  const rate = transferRate(p);
  if (!rate) return null;
  const speed = new Intl.NumberFormat(language === 'uk' ? 'uk-UA' : 'en-GB', {
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
  }).format(rate.bytesPerSecond / 1e6);
  if (rate.secondsLeft === null) return t('backups.transfer.speed', { speed });
  return t('backups.transfer.speedLeft', { speed, left: timeLeft(t, rate.secondsLeft) });
}
