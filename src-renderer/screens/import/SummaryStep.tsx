/** Step 5: what the import did, "undo this import" and "download the error report". */
import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ImportRunResult, ImportUndoResult } from '../../../src-shared/ipc/imports';
import { Counts } from './Counts';

/** The summary of a finished or stopped import. */
export function SummaryStep(props: {
  result: ImportRunResult;
  undone: ImportUndoResult | null;
  busy: boolean;
  onUndo: () => void;
  onReport: () => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { result, undone } = props;
  const notImported = result.counts.error + result.counts.duplicate;
  return (
    <Stack gap="md">
      <Alert color={result.status === 'done' ? 'green' : 'yellow'} variant="light" role="status">
        {result.status === 'done' ? t('importer.summary.done') : t('importer.summary.cancelled')}
      </Alert>
      <Counts counts={result.counts} />
      {undone ? (
        <Alert color="blue" variant="light" role="status">
          <Text>
            {t('importer.summary.undone', { deleted: undone.deleted, restored: undone.restored })}
          </Text>
          {undone.kept.length > 0 ? (
            <Text>{t('importer.summary.kept', { count: undone.kept.length })}</Text>
          ) : null}
        </Alert>
      ) : null}
      <Group>
        {!undone && result.batchId ? (
          <Button variant="default" color="red" onClick={props.onUndo} loading={props.busy}>
            {t('importer.summary.undo')}
          </Button>
        ) : null}
        {notImported > 0 && result.errorReport ? (
          <Button variant="default" onClick={props.onReport}>
            {t('importer.summary.report')}
          </Button>
        ) : null}
        <Button onClick={props.onClose}>{t('importer.close')}</Button>
      </Group>
    </Stack>
  );
}
