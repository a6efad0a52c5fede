/**
 * The progress of the backup or restore running now, as the `backup.progress` channel reports it
 * to the Backups screen and the restore wizard (their bars show MB/s and the time left). One
 * operation at a time; each phase (write, verify, restore) starts its own count. Within a phase
 * `bytesDone` never goes back and never passes `bytesTotal`, whatever the callers report.
 * Only byte counts and times: no file names, nothing about the vault's content.
 */
import type { BackupTransferPhase, BackupTransferProgress } from '../../src-shared/ipc/backup';

/** Keeps the running operation's progress. */
export interface ProgressTracker {
  /** A new phase starts (the previous one, if any, is over). */
  start(phase: BackupTransferPhase, bytesTotal: number): void;
  /** Bytes done so far in the current phase (and the total, when it became known later). */
  report(bytesDone: number, bytesTotal?: number): void;
  /** Nothing runs any more. */
  end(): void;
  /** The current phase with the time since it started, or null when nothing runs. */
  current(): BackupTransferProgress | null;
  /** Runs `step` as `phase`, ending the phase when it settles. */
  track<T>(
    phase: BackupTransferPhase,
    step: (onBytes: (done: number, total: number) => void) => Promise<T>,
  ): Promise<T>;
}

/** Creates a tracker; `clock` gives milliseconds (tests pass their own). */
export function createProgressTracker(clock: () => number = Date.now): ProgressTracker {
  let state: Omit<BackupTransferProgress, 'elapsedMs'> | null = null;
  const tracker: ProgressTracker = {
    start(phase, bytesTotal) {
      state = { phase, bytesDone: 0, bytesTotal: Math.max(0, bytesTotal), startedAt: clock() };
    },
    report(bytesDone, bytesTotal) {
      if (!state) return;
      const total = Math.max(state.bytesTotal, bytesTotal ?? 0);
      state = {
        ...state,
        bytesTotal: total,
        bytesDone: Math.min(total, Math.max(state.bytesDone, bytesDone)),
      };
    },
    end() {
      state = null;
    },
    current() {
      return state ? { ...state, elapsedMs: Math.max(0, clock() - state.startedAt) } : null;
    },
    async track(phase, step) {
      tracker.start(phase, 0);
      try {
        return await step((done, total) => tracker.report(done, total));
      } finally {
        tracker.end();
      }
    },
  };
  return tracker;
}
