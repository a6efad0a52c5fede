/**
 * The head's dashboard (owner and head: `analytics.read`). The figures come from main, computed in
 * SQL over the records the caller may read; a period selector (3/6/12 months, Alt+3/6/1) and a
 * refresh. Each chart has a title and a hidden table of its numbers for screen readers.
 */
import { Group, SimpleGrid, Stack } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ANALYTICS_PERIODS, type AnalyticsPeriod } from '../../../src-shared/ipc/analytics';
import { useApi } from '../../app/api';
import { BusyButton } from '../../components/BusyButton';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useLoader } from '../../components/useLoader';
import { openDealList } from '../deals/store';
import { openActivitiesOf, openContactsCreatedIn, openDealsClosedIn } from './click-through';
import { DueRequestsCard } from '../privacy/DueRequestsCard';
import { ActivitiesChart, NewContactsChart, PipelineChart, WonLostChart } from './charts';
import { PageHeader } from '../../components/PageHeader';
import { LabelledSegments } from '../../components/LabelledSegments';
import { useShortcuts } from '../../app/shortcuts';

/** The section screen. */
export function DashboardScreen() {
  const { t } = useTranslation();
  const api = useApi();
  const [months, setMonths] = useState<AnalyticsPeriod>(12);
  const {
    value: dashboard,
    error,
    loading,
    load,
  } = useLoader((period: AnalyticsPeriod) => api.analytics.dashboard({ months: period }));

  useEffect(() => {
    void load(months);
  }, [load, months]);

  useShortcuts([
    ['dashboardMonths3', () => setMonths(3)],
    ['dashboardMonths6', () => setMonths(6)],
    ['dashboardMonths12', () => setMonths(12)],
  ]);

  return (
    <Stack p="md" gap="md" maw={1400}>
      <PageHeader title={t('dashboard.title')} intro={t('dashboard.intro')} align="flex-end">
        <Group gap="sm" align="flex-end">
          <LabelledSegments
            id="dashboard-period"
            label={t('dashboard.period')}
            title={t('dashboard.periodHint')}
            value={String(months)}
            onChange={v => setMonths(Number(v) as AnalyticsPeriod)}
            data={ANALYTICS_PERIODS.map(p => ({
              value: String(p),
              label: t(`dashboard.periods.${p}`),
            }))}
          />
          <BusyButton
            variant="default"
            busy={loading}
            busyLabel={t('dashboard.loading')}
            onClick={() => void load(months)}
          >
            {t('dashboard.refresh')}
          </BusyButton>
        </Group>
      </PageHeader>
      <ErrorAlert error={error} />
      <DueRequestsCard />
      {dashboard ? (
        <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md" aria-busy={loading}>
          <PipelineChart
            data={dashboard.pipeline}
            onStage={(pipelineId, stageId) => openDealList(pipelineId, { stageId })}
          />
          <WonLostChart data={dashboard.wonLost} onMonth={openDealsClosedIn} />
          <ActivitiesChart
            data={dashboard.activities}
            since={dashboard.activitiesSince}
            onPerson={(userId, name) => openActivitiesOf(userId, name, dashboard.activitiesSince)}
          />
          <NewContactsChart data={dashboard.newContacts} onMonth={openContactsCreatedIn} />
        </SimpleGrid>
      ) : null}
    </Stack>
  );
}
