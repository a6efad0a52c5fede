/**
 * Speed and time left of a long copy (a backup, a restore, an import), for progress bars in the app
 * and the CLI. Pure: the caller passes a monotonic elapsed time, so tests need no real clock.
 */

/** What a progress line shows besides the percentage. */
export interface TransferRate {
  /** Megabytes (10^6 bytes, as file managers show) per second so far; null before it means anything. */
  megabytesPerSecond: number | null;
  /** Whole seconds left at that speed (rounded up); null while unknown. */
  secondsLeft: number | null;
}

/** Below this much elapsed time or this many bytes, a speed would be noise: none is shown. */
const MIN_ELAPSED_MS = 500;
const MIN_BYTES = 1024 * 1024;

/** The average speed since the start and the time left at it. */
export function transferRate(
  bytesDone: number,
  bytesTotal: number,
  elapsedMs: number,
): TransferRate {
  if (elapsedMs < MIN_ELAPSED_MS || bytesDone < MIN_BYTES || bytesDone > bytesTotal) {
    return { megabytesPerSecond: null, secondsLeft: null };
  }
  const bytesPerMs = bytesDone / elapsedMs;
  return {
    megabytesPerSecond: Math.round((bytesPerMs * 1000) / 1e5) / 10,
    secondsLeft: Math.ceil((bytesTotal - bytesDone) / bytesPerMs / 1000),
  };
}

/** "12.5 MB/s, 8 s left" / "12.5 MB/s" (English, for the CLI); empty while unknown. */
export function describeRate(rate: TransferRate): string {
  if (rate.megabytesPerSecond === null) return '';
  const left =
    rate.secondsLeft === null || rate.secondsLeft === 0
      ? ''
      : rate.secondsLeft >= 120
        ? `, ${Math.ceil(rate.secondsLeft / 60)} min left`
        : `, ${rate.secondsLeft} s left`;
  return `${rate.megabytesPerSecond.toFixed(1)} MB/s${left}`;
}
