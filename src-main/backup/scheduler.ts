/**
 * When backups run. `dueRuns` is a pure function of (state, settings, now): a destination is due
 * when no backup succeeded since the latest scheduled time (so a run missed while the laptop was off
 * happens at the next start), and a failed attempt (drive unplugged) is retried after an hour. It
 * also says which destinations need a warning: no good backup for 24 h past a due run, last attempt
 * failed, newest backup not verified. The runner ticks on an injectable clock and timer.
 */
import type { BackupSchedule, BackupSettings, BackupWarning } from '../../src-shared/ipc/backup';
import type { BackupLocalState } from './state';

/** A failed attempt is retried after this long. */
export const RETRY_AFTER_MS = 60 * 60 * 1000;
/** How long past a due run without a good backup before the "overdue" warning. */
export const OVERDUE_AFTER_MS = 24 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

function at(day: Date, time: string): Date {
  const [h, m] = time.split(':').map(Number);
  const d = new Date(day);
  d.setHours(h ?? 0, m ?? 0, 0, 0);
  return d;
}

/** The latest scheduled time at or before `now` (local time of this computer). */
export function lastSlot(schedule: BackupSchedule, now: Date): Date {
  let slot = at(now, schedule.time);
  if (schedule.kind === 'daily') {
    if (slot > now) {
      slot = at(new Date(now.getFullYear(), now.getMonth(), now.getDate() - 1, 12), schedule.time);
    }
    return slot;
  }
  for (let i = 0; i < 8; i++) {
    const day = new Date(now.getFullYear(), now.getMonth(), now.getDate() - i, 12);
    const candidate = at(day, schedule.time);
    if (day.getDay() === schedule.weekday && candidate <= now) return candidate;
  }
  return slot; // unreachable: one of the last 8 days is the weekday
}

/** The first scheduled time after `now`. */
export function nextSlot(schedule: BackupSchedule, now: Date): Date {
  for (let i = 0; i < 9; i++) {
    const day = new Date(now.getFullYear(), now.getMonth(), now.getDate() + i, 12);
    const candidate = at(day, schedule.time);
    if (candidate > now && (schedule.kind === 'daily' || day.getDay() === schedule.weekday)) {
      return candidate;
    }
  }
  return new Date(now.getTime() + DAY_MS);
}

function time(value: string | null | undefined): number | null {
  if (!value) return null;
  const t = Date.parse(value);
  return Number.isNaN(t) ? null : t;
}

/** What is due now, the warnings per destination, and when the next scheduled run is. */
export interface DuePlan {
  due: string[];
  warnings: Record<string, BackupWarning[]>;
  nextRunAt: Date;
}

/** See the file comment. Destinations without state count as never backed up since `state.since`. */
export function dueRuns(
  state: BackupLocalState | null,
  settings: BackupSettings,
  now: Date,
): DuePlan {
  const slot = lastSlot(settings.schedule, now).getTime();
  const period = settings.schedule.kind === 'daily' ? DAY_MS : 7 * DAY_MS;
  const since = time(state?.since) ?? now.getTime();
  const due: string[] = [];
  const warnings: Record<string, BackupWarning[]> = {};
  for (const d of settings.destinations) {
    const st = state?.destinations[d.id];
    const success = time(st?.lastSuccessAt);
    const attempt = time(st?.lastAttemptAt);
    const list: BackupWarning[] = [];
    const satisfied = success !== null && success >= slot;
    const recentFailure =
      attempt !== null && attempt >= slot && now.getTime() - attempt < RETRY_AFTER_MS;
    if (!satisfied && !recentFailure) due.push(d.id);
    // Overdue: a good backup should exist from at most one period ago; 24 h of grace past that.
    const reference = success ?? since;
    if (now.getTime() - reference >= period + OVERDUE_AFTER_MS) list.push('overdue');
    if (st?.lastError) list.push('last_failed');
    if (st?.lastFile && st.lastVerifiedFile !== st.lastFile) list.push('unverified');
    warnings[d.id] = list;
  }
  return { due, warnings, nextRunAt: nextSlot(settings.schedule, now) };
}

/** Timer functions, injectable for tests. */
export interface SchedulerTimers {
  setInterval(fn: () => void, ms: number): unknown;
  clearInterval(handle: unknown): void;
}

/** A running scheduler. */
export interface BackupScheduler {
  /** Runs one check now (also done at start); resolves when the runs it started are done. */
  tick(): Promise<void>;
  stop(): void;
}

/**
 * Starts the runner: a check at once (missed runs at start) and then every `intervalMs` (default
 * 5 min). `runDue` does the work (reads settings/state, runs what `dueRuns` says); ticks never
 * overlap, and an error in one never stops the next.
 */
export function startScheduler(o: {
  runDue: () => Promise<void>;
  timers?: SchedulerTimers;
  intervalMs?: number;
  onError?: (error: unknown) => void;
}): BackupScheduler {
  const timers: SchedulerTimers = o.timers ?? {
    setInterval: (fn, ms) => {
      const handle = setInterval(fn, ms);
      handle.unref();
      return handle;
    },
    clearInterval: handle => clearInterval(handle as NodeJS.Timeout),
  };
  let running: Promise<void> | null = null;
  const tick = (): Promise<void> => {
    running ??= o
      .runDue()
      .catch(error => o.onError?.(error))
      .finally(() => {
        running = null;
      });
    return running;
  };
  const handle = timers.setInterval(() => void tick(), o.intervalMs ?? 5 * 60 * 1000);
  void tick();
  return { tick, stop: () => timers.clearInterval(handle) };
}
