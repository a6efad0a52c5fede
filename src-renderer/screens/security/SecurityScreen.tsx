/**
 * The security check screen (owner and administrator): runs the check on request (each run is
 * audited by the main process), then lists the findings, most serious first, each with why it
 * matters and the one step that fixes it.
 */
import { Alert, Stack, Tabs, Text, Title, Tooltip } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallError } from '../../../src-shared/ipc/contract';
import { FINDING_SEVERITIES, type SecurityReport } from '../../../src-shared/ipc/security';
import { useApi } from '../../app/api';
import { BusyButton } from '../../components/BusyButton';
import { ErrorAlert } from '../../components/ErrorAlert';
import { visibleSections } from '../../shell/section-access';
import { useNavigationStore } from '../../stores/navigation';
import { useSessionStore } from '../../stores/session';
import { formatWhen } from '../backups/backup-api';
import { DevicesPanel } from './DevicesPanel';
import { OfficeSettingsPanel } from '../settings/OfficeSettingsPanel';
import { OfficeSyncLink } from '../office/OfficeSyncLink';
import { FindingCard } from './FindingCard';
import { PageHeader } from '../../components/PageHeader';
import { useGranted } from '../../app/grants';
import { ariaKeys, useShortcuts } from '../../app/shortcuts';

/** The findings ordered high → info (stable within a severity). */
export function sortFindings(report: SecurityReport): SecurityReport['findings'] {
  const rank = (s: string) => FINDING_SEVERITIES.indexOf(s as (typeof FINDING_SEVERITIES)[number]);
  return [...report.findings].sort((a, b) => rank(a.severity) - rank(b.severity));
}

/**
 * The section screen: the security check, and for holders of `settings.manage` (owner,
 * administrator) a second tab with the allowed devices and networks.
 */
export function SecurityScreen() {
  const { t } = useTranslation();
  if (!useGranted('settings.manage')) return <CheckPanel />;
  return (
    <Tabs defaultValue="check" keepMounted={false}>
      <Tabs.List px="md" pt="md">
        <Tabs.Tab value="check">{t('security.devices.tabCheck')}</Tabs.Tab>
        <Tabs.Tab value="devices">{t('security.devices.tab')}</Tabs.Tab>
        <Tabs.Tab value="office">{t('office.tab')}</Tabs.Tab>
      </Tabs.List>
      <Tabs.Panel value="check">
        <CheckPanel />
      </Tabs.Panel>
      <Tabs.Panel value="devices">
        <Stack p="md" gap="lg" maw={900}>
          <Title order={1} size="h3">
            {t('security.devices.tab')}
          </Title>
          <DevicesPanel />
        </Stack>
      </Tabs.Panel>
      <Tabs.Panel value="office">
        <Stack p="md">
          <OfficeSettingsPanel />
          <OfficeSyncLink />
        </Stack>
      </Tabs.Panel>
    </Tabs>
  );
}

/** The security check: run on request, findings most serious first. */
function CheckPanel() {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const grants = useSessionStore(s => s.user?.grants);
  const select = useNavigationStore(s => s.select);
  const [report, setReport] = useState<SecurityReport | null>(null);
  const [error, setError] = useState<CallError | null>(null);
  const [busy, setBusy] = useState(false);
  const sections = grants ? visibleSections(grants) : [];

  const run = async () => {
    if (busy) return;
    setBusy(true);
    setError(null);
    const result = await api.security.check({});
    setBusy(false);
    if (result.ok) setReport(result.value);
    else setError(result.error);
  };

  useShortcuts([['securityCheck', () => void run()]]);

  return (
    <Stack p="md" gap="lg" maw={900}>
      <PageHeader
        title={t('security.screen.title')}
        intro={t('security.screen.intro')}
        wrap="nowrap"
      >
        <Tooltip label={t('security.screen.runHint')} withArrow>
          <BusyButton
            busy={busy}
            busyLabel={t('security.screen.running')}
            aria-keyshortcuts={ariaKeys('securityCheck')}
            onClick={() => void run()}
            style={{ flexShrink: 0 }}
          >
            {t('security.screen.run')}
          </BusyButton>
        </Tooltip>
      </PageHeader>
      <ErrorAlert error={error} />
      {!report && !error ? (
        <Text size="sm" c="dimmed">
          {t('security.screen.never')}
        </Text>
      ) : null}
      {report ? (
        <Stack gap="md">
          <Text size="sm" c="dimmed">
            {t('security.screen.checkedAt', {
              date: formatWhen(t, i18n.language, report.checkedAt),
              version: report.appVersion,
            })}
          </Text>
          <Alert
            color={report.high > 0 ? 'red' : 'green'}
            variant="light"
            role={report.high > 0 ? 'alert' : 'status'}
          >
            {report.high > 0
              ? t('security.screen.failed', { count: report.high })
              : report.findings.length === 0
                ? t('security.screen.noFindings')
                : t('security.screen.passed')}
          </Alert>
          {sortFindings(report).map(finding => (
            <FindingCard
              key={finding.id}
              finding={finding}
              canOpen={section => sections.includes(section)}
              onOpen={select}
            />
          ))}
        </Stack>
      ) : null}
    </Stack>
  );
}
