/**
 * The alert centre in the header: a bell with the unread count (only for holders of `alerts.read`),
 * and a drawer listing the alerts, newest first, each with its details and "Acknowledge" (audited
 * by the main process). Alerts carry ids and counts only, never client data.
 */
import {
  ActionIcon,
  Alert,
  Button,
  Card,
  Drawer,
  Group,
  Indicator,
  Loader,
  Stack,
  Switch,
  Text,
  Tooltip,
} from '@mantine/core';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AlertList, AlertView } from '../../../src-shared/ipc/alerts';
import type { CallError } from '../../../src-shared/ipc/contract';
import { useApi } from '../../app/api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useNavigationStore } from '../../stores/navigation';
import { formatWhen } from '../backups/backup-api';
import { ExportApprovalSetting, ExportDecision } from './ExportApproval';
import { SeverityBadge } from './FindingCard';
import { alertValues } from './alert-values';
import { useGranted } from '../../app/grants';
import { OpenIncidentButton } from '../privacy/OpenIncidentButton';

/** How often the unread count is refreshed while the app is open. */
const REFRESH_MS = 60_000;

/** The bell and its drawer; renders nothing without `alerts.read`. */
export function AlertBell() {
  return useGranted('alerts.read') ? <AlertCentre /> : null;
}

function AlertCentre() {
  const { t } = useTranslation();
  const api = useApi();
  const select = useNavigationStore(s => s.select);
  const [opened, setOpened] = useState(false);
  const [unreadOnly, setUnreadOnly] = useState(false);
  const [list, setList] = useState<AlertList | null>(null);
  const [error, setError] = useState<CallError | null>(null);
  const [acking, setAcking] = useState<string | null>(null);

  const load = useCallback(async () => {
    const result = await api.alerts.list({ unreadOnly, limit: 50 });
    if (result.ok) {
      setList(result.value);
      setError(null);
    } else setError(result.error);
  }, [api, unreadOnly]);

  useEffect(() => {
    void load();
    const timer = window.setInterval(() => void load(), REFRESH_MS);
    return () => window.clearInterval(timer);
  }, [load]);

  const acknowledge = async (alert: AlertView) => {
    setAcking(alert.id);
    const result = await api.alerts.acknowledge({ id: alert.id });
    setAcking(null);
    if (!result.ok) {
      setError(result.error);
      return;
    }
    await load();
  };

  const unread = list?.unread ?? 0;
  const label =
    unread > 0
      ? t('security.alertCentre.bellUnread', { count: unread })
      : t('security.alertCentre.bell');

  return (
    <>
      <Tooltip label={label} withArrow>
        <Indicator label={unread} size={16} disabled={unread === 0} color="red" offset={4}>
          <ActionIcon
            variant="default"
            size="lg"
            aria-label={label}
            onClick={() => {
              setOpened(true);
              void load();
            }}
          >
            <BellIcon />
          </ActionIcon>
        </Indicator>
      </Tooltip>
      <Drawer
        opened={opened}
        onClose={() => setOpened(false)}
        position="right"
        title={t('security.alertCentre.title')}
        closeButtonProps={{ 'aria-label': t('security.alertCentre.close') }}
      >
        <Stack gap="md">
          <Switch
            label={t('security.alertCentre.unreadOnly')}
            checked={unreadOnly}
            onChange={event => setUnreadOnly(event.currentTarget.checked)}
          />
          {list?.securityCheckDue ? (
            <Alert color="blue" variant="light">
              <Stack gap="xs">
                <Text size="sm">{t('security.alertCentre.checkDue')}</Text>
                <Button
                  size="xs"
                  variant="light"
                  style={{ alignSelf: 'flex-start' }}
                  onClick={() => {
                    select('settings');
                    setOpened(false);
                  }}
                >
                  {t('security.alertCentre.openCheck')}
                </Button>
              </Stack>
            </Alert>
          ) : null}
          <ErrorAlert error={error} />
          {!list && !error ? (
            <Group gap="sm" role="status">
              <Loader size="sm" />
              <Text size="sm">{t('security.alertCentre.loading')}</Text>
            </Group>
          ) : null}
          {list && list.items.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('security.alertCentre.empty')}
            </Text>
          ) : null}
          {list?.items.map(alert => (
            <AlertCard
              key={alert.id}
              alert={alert}
              busy={acking === alert.id}
              onAcknowledge={() => void acknowledge(alert)}
              onDecided={() => void load()}
            />
          ))}
          <ExportApprovalSetting />
        </Stack>
      </Drawer>
    </>
  );
}

function AlertCard(props: {
  alert: AlertView;
  busy: boolean;
  onAcknowledge: () => void;
  onDecided: () => void;
}) {
  const { alert, busy, onAcknowledge, onDecided } = props;
  const { t, i18n } = useTranslation();
  const values = alertValues(t, alert.details);
  return (
    <Card withBorder padding="sm" component="article" aria-labelledby={`alert-${alert.id}`}>
      <Stack gap={4}>
        <Group gap="xs" wrap="nowrap" align="flex-start">
          <SeverityBadge severity={alert.severity} />
          <Text fw={alert.acknowledgedAt ? 400 : 600} size="sm" id={`alert-${alert.id}`}>
            {t(`alerts.${alert.rule}.title`, values)}
          </Text>
        </Group>
        <Text size="sm">{t(`alerts.${alert.rule}.body`, values)}</Text>
        <ExportDecision alert={alert} onDecided={onDecided} />
        <OpenIncidentButton alertId={alert.id} />
        <Text size="xs" c="dimmed">
          {t('security.alertCentre.at', { date: formatWhen(t, i18n.language, alert.lastAt) })}
          {alert.occurrences > 1
            ? ` · ${t('security.alertCentre.occurrences', { count: alert.occurrences })}`
            : ''}
        </Text>
        {alert.acknowledgedAt ? (
          <Text size="xs" c="dimmed">
            {t('security.alertCentre.acknowledged', {
              date: formatWhen(t, i18n.language, alert.acknowledgedAt),
            })}
          </Text>
        ) : (
          <Button
            size="xs"
            variant="default"
            loading={busy}
            onClick={onAcknowledge}
            style={{ alignSelf: 'flex-start' }}
          >
            {t('security.alertCentre.acknowledge')}
          </Button>
        )}
      </Stack>
    </Card>
  );
}

function BellIcon() {
  return (
    <svg
      width={18}
      height={18}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth={2}
      aria-hidden="true"
    >
      <path d="M6 8a6 6 0 1 1 12 0c0 7 3 9 3 9H3s3-2 3-9" />
      <path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" />
    </svg>
  );
}
