/** Small display helpers of the documents panel. */
import type { TFunction } from 'i18next';
import type { CallError } from '../../../src-shared/ipc/contract';
import { errorText } from '../../app/errors';

/** "512 Б", "1,4 МБ": a size in the user's language. */
export function formatSize(t: TFunction, bytes: number, locale: string): string {
  const number = (n: number) => n.toLocaleString(locale, { maximumFractionDigits: 1 });
  if (bytes < 1024) return t('documents.sizes.b', { n: number(bytes) });
  if (bytes < 1024 * 1024) return t('documents.sizes.kb', { n: number(bytes / 1024) });
  return t('documents.sizes.mb', { n: number(bytes / (1024 * 1024)) });
}

/** A document failure as a sentence that says what to do next (by `details.reason` first). */
export function documentErrorText(t: TFunction, error: CallError): string {
  // A name main refused (bidi formatting characters): the file must be renamed before it is added.
  const codes = error.details?.['codes'];
  if (
    error.code === 'invalid_input' &&
    Array.isArray(codes) &&
    codes.some(c => (c as { code?: unknown } | null)?.code === 'document.name_bidi')
  ) {
    return t('documents.errors.bad_name');
  }
  const reason = error.details?.['reason'];
  if (typeof reason === 'string') {
    const key = `documents.errors.${reason}`;
    const text = t(key);
    if (text !== key) return text;
  }
  return errorText(t, error);
}
