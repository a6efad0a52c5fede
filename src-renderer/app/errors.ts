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
 * `errors.<code>` from the shared catalogue (or `fieldErrors.<field>` for a rejected field),
 * interpolated with the error's details plus `minutes` and `wait` for lockouts. Unknown codes fall
 * back to a generic sentence, never to the raw key.
 */
export function errorText(t: TFunction, error: CallError): string {
  const retry = retryAfterSeconds(error);
  const values: Record<string, unknown> = { ...error.details };
  if (retry !== null) {
    values['minutes'] = Math.max(1, Math.ceil(retry / 60));
    values['seconds'] = retry;
    values['wait'] = formatWait(t, retry);
  }
  // A rejected field gets its own sentence (e.g. a mismatching code) instead of the generic one.
  const field = error.details?.['field'];
  const keys = [`errors.${error.code}`, 'common.unexpectedError'];
  if (error.code === 'invalid_input' && typeof field === 'string')
    keys.unshift(`fieldErrors.${field}`);
  return t(keys, values);
}

/** The password issues listed in a `weak_password` error, if any. */
export function weakPasswordIssues(error: CallError | null | undefined): string[] {
  const issues = error?.code === 'weak_password' ? error.details?.['issues'] : undefined;
  return Array.isArray(issues) ? issues.filter((i): i is string => typeof i === 'string') : [];
}

/**
 * The fields an `invalid_input` error names: `details.field` (a service's check) or
 * `details.fields` (the router's schema check). Empty for other errors.
 */
export function errorFields(error: CallError | null | undefined): string[] {
  if (error?.code !== 'invalid_input') return [];
  const { field, fields } = error.details ?? {};
  if (typeof field === 'string') return [field];
  return Array.isArray(fields) ? fields.filter((f): f is string => typeof f === 'string') : [];
}

/**
 * An `invalid_input` naming no field: during 2FA enrolment this is the service saying the pending
 * secret expired, so a new one must be fetched.
 */
export function isEnrollmentExpired(error: CallError): boolean {
  return error.code === 'invalid_input' && errorFields(error).length === 0;
}
