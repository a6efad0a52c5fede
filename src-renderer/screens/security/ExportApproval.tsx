/**
 * The export approval in the alert centre: Approve / Deny on an unread `export_approval` alert (for
 * holders of exports.approve: the owner), and the "exports above N wait for approval" setting (for
 * holders of exports.control: the owner, not the administrator). The main process checks both;
 * this only hides what cannot work.
 */
import { Alert, Button, Card, Group, NumberInput, Stack, Switch, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AlertView } from '../../../src-shared/ipc/alerts';
import type { CallError } from '../../../src-shared/ipc/contract';
import { useApi } from '../../app/api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useGranted } from '../../app/grants';

const DEFAULT_LIMIT = 200;

/** The two answers to a waiting export, as buttons (Approve filled, Deny light). */
const DECISIONS = [
  { kind: 'approve', color: 'green', variant: undefined },
  { kind: 'deny', color: 'red', variant: 'light' },
] as const;

/** Approve / Deny under an unread export_approval alert; calls `onDecided` after a decision. */
export function ExportDecision({ alert, onDecided }: { alert: AlertView; onDecided: () => void }) {
  const { t } = useTranslation();
  const api = useApi();
  const mayApprove = useGranted('exports.approve');
  const [busy, setBusy] = useState<'approve' | 'deny' | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<CallError | null>(null);
  const requestId = alert.details.requestId;
  if (alert.rule !== 'export_approval' || typeof requestId !== 'string') return null;
  if (!mayApprove) return null;
  if (alert.acknowledgedAt && !message) return null;

  const decide = async (kind: 'approve' | 'deny') => {
    setBusy(kind);
    const call = kind === 'approve' ? api.alerts.approveExport : api.alerts.denyExport;
    const result = await call({ requestId });
    setBusy(null);
    if (result.ok) {
      setError(null);
      setMessage(t(`security.exportApproval.${kind === 'approve' ? 'approved' : 'denied'}`));
      onDecided();
      return;
    }
    const reason = result.error.details?.reason;
    if (result.error.code === 'conflict' && typeof reason === 'string') {
      setMessage(t(`security.exportApproval.conflict.${reason}`));
      onDecided();
    } else setError(result.error);
  };

  if (message) {
    return (
      <Text size="sm" role="status">
        {message}
      </Text>
    );
  }
  return (
    <Stack gap="xs">
      <ErrorAlert error={error} />
      <Group gap="xs">
        {DECISIONS.map(({ kind, color, variant }) => (
          <Button
            key={kind}
            size="xs"
            color={color}
            variant={variant}
            loading={busy === kind}
            disabled={busy !== null}
            onClick={() => void decide(kind)}
          >
            {t(`security.exportApproval.${kind}`)}
          </Button>
        ))}
      </Group>
    </Stack>
  );
}

/** The approval threshold setting (exports.control); renders nothing for other roles. */
export function ExportApprovalSetting() {
  return useGranted('exports.control') ? <ApprovalSettingCard /> : null;
}

function ApprovalSettingCard() {
  const { t } = useTranslation();
  const api = useApi();
  const [loaded, setLoaded] = useState(false);
  const [on, setOn] = useState(false);
  const [limit, setLimit] = useState<number>(DEFAULT_LIMIT);
  const [saved, setSaved] = useState(false);
  const [error, setError] = useState<CallError | null>(null);

  useEffect(() => {
    let live = true;
    void api.alerts.settings({}).then(result => {
      if (!live) return;
      if (!result.ok) {
        setError(result.error);
        return;
      }
      const above = result.value.exportApprovalAbove;
      setOn(above !== null);
      if (above !== null) setLimit(above);
      setLoaded(true);
    });
    return () => {
      live = false;
    };
  }, [api]);

  const save = async () => {
    const result = await api.alerts.updateSettings({ exportApprovalAbove: on ? limit : null });
    if (result.ok) {
      setError(null);
      setSaved(true);
    } else setError(result.error);
  };

  return (
    <Card withBorder padding="sm">
      <Stack gap="xs">
        <Text fw={600} size="sm">
          {t('security.exportApproval.settingTitle')}
        </Text>
        <Text size="xs" c="dimmed">
          {t('security.exportApproval.settingHint')}
        </Text>
        <Switch
          label={t('security.exportApproval.settingSwitch')}
          checked={on}
          disabled={!loaded}
          onChange={event => {
            setOn(event.currentTarget.checked);
            setSaved(false);
          }}
        />
        {on ? (
          <NumberInput
            label={t('security.exportApproval.settingLimit')}
            value={limit}
            min={1}
            max={1_000_000}
            allowDecimal={false}
            allowNegative={false}
            onChange={value => {
              setLimit(typeof value === 'number' && value >= 1 ? value : DEFAULT_LIMIT);
              setSaved(false);
            }}
            w={180}
          />
        ) : null}
        <ErrorAlert error={error} />
        <Group gap="sm">
          <Button size="xs" disabled={!loaded} onClick={() => void save()}>
            {t('security.exportApproval.save')}
          </Button>
          {saved ? (
            <Alert color="green" variant="light" p={4} role="status">
              <Text size="xs">{t('security.exportApproval.saved')}</Text>
            </Alert>
          ) : null}
        </Group>
      </Stack>
    </Card>
  );
}
