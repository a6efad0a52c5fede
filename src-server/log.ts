/**
 * Structured logs: one JSON object per line on a writable stream (stderr for `office serve`). Only
 * routing facts go in — route, status, duration, device id, counts — never bodies, tokens, codes,
 * keys or anything a laptop sealed.
 */

/** The fields a log line may carry: plain values only. */
export type LogFields = Record<string, string | number | boolean | null>;

/** Writes one log line. */
export type Logger = (event: string, fields?: LogFields) => void;

/** A logger writing JSON lines to `write` (the time first, then the event, then the fields). */
export function jsonLogger(write: (line: string) => void, now: () => number = Date.now): Logger {
  return (event, fields = {}) => {
    write(`${JSON.stringify({ time: new Date(now()).toISOString(), event, ...fields })}\n`);
  };
}

/** A logger that drops everything (tests that do not look at logs). */
export function silentLogger(): Logger {
  return () => undefined;
}
