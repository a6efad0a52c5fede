/** Turns a call's error into a sentence the user can act on, in the current language. */
import type { TFunction } from 'i18next';
import type { CallError } from '../../src-shared/ipc/contract';

/** Seconds to wait before the next attempt, when the error says so (`locked_out`). */
export function retryAfterSeconds(error: CallError | null | undefined): number | null {
  const value = error?.details?.['retryAfterSeconds'];
  return typeof value === 'number' && Number.isFinite(value) && value > 0 ? Math.ceil(value) : null;
}

/** A wait time as "4 хв 05 с" / "4 min 05 s" (no plural forms needed in either language). */
export function formatWait(t: TFunction, totalSeconds: number): string {
  const seconds = Math.max(0, Math.ceil(totalSeconds));
  if (seconds < 60) return t('duration.seconds', { seconds });
  if (seconds < 3600) {
    return t('duration.minutesSeconds', {
      minutes: Math.floor(seconds / 60),
      seconds: String(seconds % 60).padStart(2, '0'),
    });
  }
  return t('duration.hoursMinutes', {
    hours: Math.floor(seconds / 3600),
    minutes: String(Math.floor((seconds % 3600) / 60)).padStart(2, '0'),
  });
}

/**
 * `errors.<code>` from the shared catalogue, interpolated with the error's details plus `minutes`
 * and `wait` for lockouts. Unknown codes fall back to a generic sentence, never to the raw key.
 */
export function errorText(t: TFunction, error: CallError): string {
  const retry = retryAfterSeconds(error);
  const values: Record<string, unknown> = { ...error.details };
  if (retry !== null) {
    values['minutes'] = Math.max(1, Math.ceil(retry / 60));
    values['seconds'] = retry;
    values['wait'] = formatWait(t, retry);
  }
  return t([`errors.${error.code}`, 'common.unexpectedError'], values);
}

/** The password issues listed in a `weak_password` error, if any. */
export function weakPasswordIssues(error: CallError | null | undefined): string[] {
  const issues = error?.code === 'weak_password' ? error.details?.['issues'] : undefined;
  return Array.isArray(issues) ? issues.filter((i): i is string => typeof i === 'string') : [];
}
