/** An alert's details as the values its sentence fills in, codes in words. */
import type { TFunction } from 'i18next';
import type { AlertView } from '../../../src-shared/ipc/alerts';
import { detailCodeText } from '../admin/audit-format';
import { detailValues } from './FindingCard';

/**
 * The `{{placeholders}}` of an alert's title and body: lists joined, and codes (the action that
 * raised it, a role, an error code) in the interface language instead of raw ids.
 */
export function alertValues(
  t: TFunction,
  details: AlertView['details'],
): Record<string, string | number> {
  const values = detailValues(details);
  for (const [key, value] of Object.entries(details)) {
    const text = detailCodeText(t, key, value);
    if (text !== null) values[key] = text;
  }
  return values;
}
