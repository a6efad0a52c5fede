/**
 * The first sync's progress (`sync.status` → `progress`): a bar with "N of M changes received"
 * when the server reported the total, else the count so far (an animated full bar).
 */
import { Progress, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { SyncStatusView } from '../../../src-shared/ipc/sync';

type Counts = NonNullable<SyncStatusView['progress']>;

/** The words of a count, for the bar and the header badge (`badge`: the short form). */
export function progressText(
  t: (key: string, values: Record<string, number>) => string,
  progress: Counts,
  badge = false,
): string {
  const values = { applied: progress.applied, total: progress.total ?? 0 };
  if (progress.total === null) {
    return t(badge ? 'office.progress.badgeApplied' : 'office.progress.applied', values);
  }
  return t(badge ? 'office.progress.badge' : 'office.progress.counts', values);
}

/** The bar and its counts. */
export function SyncProgressBar({ progress }: { progress: Counts }) {
  const { t } = useTranslation();
  const known = progress.total !== null && progress.total > 0;
  const percent = known ? Math.min(100, (progress.applied / (progress.total ?? 1)) * 100) : 100;
  const text = progressText(t, progress);
  return (
    <Stack gap={4} data-testid="sync-progress">
      <Text size="sm" fw={500}>
        {t('office.progress.label')}
      </Text>
      <Progress value={percent} animated={!known} striped={!known} aria-label={text} size="lg" />
      <Text size="sm">{text}</Text>
    </Stack>
  );
}
