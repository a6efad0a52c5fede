/** A document failure as one clear sentence (role="alert"). */
import { Alert } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CallError } from '../../../src-shared/ipc/contract';
import { documentErrorText } from './format';

/** Shows nothing when `error` is null. */
export function ErrorText({ error }: { error: CallError | null }) {
  const { t } = useTranslation();
  if (!error) return null;
  return (
    <Alert color="red" variant="light" role="alert">
      {documentErrorText(t, error)}
    </Alert>
  );
}
