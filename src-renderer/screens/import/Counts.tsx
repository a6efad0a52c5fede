/** The counts of a dry run or an import, as a row of labelled numbers. */
import { Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ImportCountsResult } from '../../../src-shared/ipc/imports';

const KEYS = ['rows', 'create', 'update', 'unchanged', 'duplicate', 'error'] as const;

/** `counts` as labelled figures (a definition list for screen readers). */
export function Counts({ counts }: { counts: ImportCountsResult }) {
  const { t } = useTranslation();
  return (
    <Group component="dl" gap="xl" m={0} aria-label={t('importer.steps.check')}>
      {KEYS.map(key => (
        <Stack key={key} gap={0}>
          <Text component="dt" size="sm" c="dimmed">
            {t(`importer.counts.${key}`)}
          </Text>
          <Text component="dd" m={0} fw={700} size="xl" data-count={key}>
            {counts[key]}
          </Text>
        </Stack>
      ))}
    </Group>
  );
}
