/**
 * The reports section: the access regulation (owner, administrator) and the monthly review (owner,
 * head for their team), each in a tab shown only to those whose role grants it. The main process
 * enforces the same permissions on every call.
 */
import { Stack, Tabs, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { grantOf } from '../../../src-shared/roles';
import { useSessionStore } from '../../stores/session';
import { RegulationPanel } from './RegulationPanel';
import { ReviewPanel } from './ReviewPanel';

/** The section screen. */
export function ReportsScreen() {
  const { t } = useTranslation();
  const grants = useSessionStore(s => s.user?.grants);
  const tabs = [
    ...(grants && grantOf(grants, 'reports.regulation') !== undefined
      ? (['regulation'] as const)
      : []),
    ...(grants && grantOf(grants, 'reports.review') !== undefined ? (['review'] as const) : []),
  ];
  const first = tabs[0];
  if (!first) return null;
  return (
    <Stack p="md" gap="md" maw={1200}>
      <Title order={1} size="h3" className="zamok-no-print">
        {t('reports.title')}
      </Title>
      <Tabs defaultValue={first} keepMounted={false}>
        <Tabs.List className="zamok-no-print">
          {tabs.map(tab => (
            <Tabs.Tab key={tab} value={tab}>
              {t(`reports.tabs.${tab}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        {tabs.map(tab => (
          <Tabs.Panel key={tab} value={tab} pt="md">
            {tab === 'regulation' ? <RegulationPanel /> : <ReviewPanel />}
          </Tabs.Panel>
        ))}
      </Tabs>
    </Stack>
  );
}
