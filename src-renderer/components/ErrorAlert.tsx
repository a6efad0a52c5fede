/** A call's error as one clear sentence (role="alert", so screen readers announce it). */
import { Alert, List } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CallError } from '../../src-shared/ipc/contract';
import { errorText, weakPasswordIssues } from '../app/errors';

/** Shows nothing when `error` is null. Weak-password errors also list what to fix. */
export function ErrorAlert({ error }: { error: CallError | null }) {
  const { t } = useTranslation();
  if (!error) return null;
  const issues = weakPasswordIssues(error);
  return (
    <Alert color="red" variant="light" role="alert">
      {errorText(t, error)}
      {issues.length > 0 ? (
        <List size="sm" mt="xs">
          {issues.map(issue => (
            <List.Item key={issue}>{t(`password.${issue}`)}</List.Item>
          ))}
        </List>
      ) : null}
    </Alert>
  );
}
