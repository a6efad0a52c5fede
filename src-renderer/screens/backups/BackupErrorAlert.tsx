/** A backup call's error in one sentence (role="alert"); nothing when there is none. */
import { Alert } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CallError } from '../../../src-shared/ipc/contract';
import { backupErrorText } from './backup-api';

/** The error as `backupErrorText` words it (reasons such as a wrong key or a damaged file). */
export function BackupErrorAlert({ error }: { error: CallError | null }) {
  const { t } = useTranslation();
  if (!error) return null;
  return (
    <Alert color="red" variant="light" role="alert">
      {backupErrorText(t, error)}
    </Alert>
  );
}
