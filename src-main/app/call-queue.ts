/**
 * One queue per app instance for everything that writes through the vault's one connection: the
 * audited calls (audit-wrapper.ts, each inside its own BEGIN IMMEDIATE … COMMIT) and the office
 * sync rounds (office-sync.ts). Work runs one at a time in the order it asked, so a round never
 * writes inside a call's transaction and a call never begins while a round's is open.
 */

/** The queue: `run` waits its turn, runs `work`, and gives the next one its turn when it ends. */
export interface CallQueue {
  run<T>(work: () => Promise<T>): Promise<T>;
  /** How many works wait for their turn now (not counting the one running). */
  waiting(): number;
}

/** A new, empty queue. */
export function createCallQueue(): CallQueue {
  let tail: Promise<unknown> = Promise.resolve();
  let queued = 0;
  return {
    run<T>(work: () => Promise<T>): Promise<T> {
      queued += 1;
      const start = () => ((queued -= 1), work());
      const run = tail.then(start, start);
      tail = run.catch(() => undefined);
      return run;
    },
    waiting: () => queued,
  };
}
