/**
 * A refused change to one timeline entry as a sentence about that entry: gone or out of reach,
 * someone else's, or changed meanwhile. Other errors read as everywhere else.
 */
import { Alert } from '@mantine/core';
import type { TFunction } from 'i18next';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallError } from '../../../src-shared/ipc/contract';
import { errorText } from '../../app/errors';

const OWN_WORDS = ['not_found', 'forbidden', 'conflict'] as const;

/** The sentence for `error` (keys `activities.errors.*` for the codes above). */
export function activityErrorText(t: TFunction, error: CallError): string {
  return (OWN_WORDS as readonly string[]).includes(error.code)
    ? t(`activities.errors.${error.code}`)
    : errorText(t, error);
}

/** Nothing when `error` is null; `children` (e.g. a "load the fresh version" button) below. */
export function ActivityErrorAlert({
  error,
  children,
}: {
  error: CallError | null;
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  if (!error) return null;
  return (
    <Alert color="red" variant="light" role="alert">
      {activityErrorText(t, error)}
      {children}
    </Alert>
  );
}
