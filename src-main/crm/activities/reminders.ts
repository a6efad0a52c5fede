/**
 * The reminder loop of the main process: every minute (and once at start) it claims the signed-in
 * user's reminders that fell due and hands each to `notify` (Electron: an OS notification, see
 * src-main/electron/reminders.ts). Plain TypeScript with an injectable clock and timer, so tests run
 * it with fake time. Only the signed-in user's own reminders are claimed: another person's task never
 * pops up on this screen.
 */
import type { Database } from '../../vault/schema';
import type { Kysely } from 'kysely';
import type { DueReminder } from '../../../src-shared/activities';
import { claimDueReminders } from './tasks';

/** Where the loop reads from: the open vault and the signed-in user, or null while locked. */
export type ReminderSource = () => { db: Kysely<Database>; userId: string } | null;

/** What `startReminders` needs. */
export interface ReminderOptions {
  source: ReminderSource;
  notify: (reminder: DueReminder) => void;
  now?: () => Date;
  intervalMs?: number;
  /** Called when a check fails (locked mid-check, disk error); the loop keeps going. No data in it. */
  onError?: (error: unknown) => void;
}

/** A running loop. `check()` runs one check now (e.g. right after sign-in). */
export interface ReminderLoop {
  check(): Promise<number>;
  stop(): void;
}

/** Starts the loop; checks once at once and then every `intervalMs` (default one minute). */
export function startReminders(options: ReminderOptions): ReminderLoop {
  const now = options.now ?? (() => new Date());
  let running: Promise<number> | null = null;

  async function runOnce(): Promise<number> {
    const open = options.source();
    if (!open) return 0;
    const due = await claimDueReminders(open.db, open.userId, now());
    for (const reminder of due) options.notify(reminder);
    return due.length;
  }

  function check(): Promise<number> {
    // One check at a time: a slow disk must not make two checks claim in parallel.
    running ??= runOnce()
      .catch((error: unknown) => {
        options.onError?.(error);
        return 0;
      })
      .finally(() => {
        running = null;
      });
    return running;
  }

  const timer = setInterval(() => void check(), options.intervalMs ?? 60_000);
  void check();
  return {
    check,
    stop: () => clearInterval(timer),
  };
}
