/**
 * Computers waiting for approval (`#/office/devices`, owner only: the office server lets only
 * owner devices approve; heads cannot yet). Each row: the colleague's name, the device id (short),
 * when it asked; a role and team to give, Approve (`office.approve`: the owner's laptop signs the
 * device and wraps the partition keys to it) or Refuse (`office.refuse`).
 */
import { Alert, Button, Group, Select, Stack, Table, Text, Title } from '@mantine/core';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { WaitingDeviceView } from '../../../src-shared/ipc/office';
import type { TeamSummary } from '../../../src-shared/ipc/teams';
import { useApi } from '../../app/api';
import { useOfficeView } from './store';

const ROLES = ['manager', 'head', 'administrator', 'auditor'] as const;
type ApprovedRole = (typeof ROLES)[number];
/** Team ids the office protocol can carry (opaque ids: `team-<uuid>`). */
const OFFICE_TEAM_ID = /^[A-Za-z0-9_-]{1,64}$/;

/** The approval screen. */
export function DevicesScreen() {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const [waiting, setWaiting] = useState<WaitingDeviceView[] | null>(null);
  const [teams, setTeams] = useState<TeamSummary[]>([]);
  const [choice, setChoice] = useState<Record<string, { role: ApprovedRole; team: string }>>({});
  const [busy, setBusy] = useState<string | null>(null);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);

  const load = useCallback(async () => {
    const result = await api.office.waiting({});
    if (result.ok) setWaiting(result.value);
    else setMessage({ ok: false, text: t(`errors.${result.error.code}`) });
  }, [api, t]);

  useEffect(() => {
    void load();
    void api.teams.list({}).then(result => {
      if (result.ok) setTeams(result.value.filter(team => OFFICE_TEAM_ID.test(team.id)));
    });
  }, [api, load]);

  const chosen = (deviceId: string) => choice[deviceId] ?? { role: 'manager', team: '' };
  const choose = (deviceId: string, change: Partial<{ role: ApprovedRole; team: string }>) =>
    setChoice(all => ({ ...all, [deviceId]: { ...chosen(deviceId), ...change } }));

  const decide = async (device: WaitingDeviceView, approve: boolean) => {
    setBusy(device.deviceId);
    setMessage(null);
    const { role, team } = chosen(device.deviceId);
    const result = approve
      ? await api.office.approve({
          deviceId: device.deviceId,
          role,
          ...(team ? { teamId: team } : {}),
        })
      : await api.office.refuse({ deviceId: device.deviceId });
    setBusy(null);
    if (!result.ok) {
      setMessage({ ok: false, text: t(`errors.${result.error.code}`) });
      return;
    }
    setMessage({
      ok: true,
      text:
        'partitions' in result.value
          ? t('office.devices.approved', { partitions: result.value.partitions })
          : t('office.devices.refused'),
    });
    await load();
  };

  const when = (iso: string) =>
    new Intl.DateTimeFormat(i18n.language === 'uk' ? 'uk-UA' : 'en-GB', {
      dateStyle: 'short',
      timeStyle: 'short',
    }).format(new Date(iso));

  return (
    <Stack gap="md">
      <Title order={2}>{t('office.devices.title')}</Title>
      <Text>{t('office.devices.intro')}</Text>
      {waiting && waiting.length === 0 ? <Text>{t('office.devices.none')}</Text> : null}
      {waiting && waiting.length > 0 ? (
        <Table data-testid="office-waiting">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('office.devices.name')}</Table.Th>
              <Table.Th>{t('office.devices.device')}</Table.Th>
              <Table.Th>{t('office.devices.asked')}</Table.Th>
              <Table.Th>{t('office.devices.role')}</Table.Th>
              <Table.Th>{t('office.devices.team')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {waiting.map(device => (
              <Table.Tr key={device.deviceId}>
                <Table.Td>{device.name ?? t('office.devices.unknownName')}</Table.Td>
                <Table.Td style={{ fontFamily: 'monospace' }} title={device.deviceId}>
                  {device.deviceId.slice(0, 8)}
                </Table.Td>
                <Table.Td>{when(device.requestedAt)}</Table.Td>
                <Table.Td>
                  <Select
                    aria-label={t('office.devices.role')}
                    data={ROLES.map(role => ({
                      value: role,
                      label: t(`office.devices.roles.${role}`),
                    }))}
                    value={chosen(device.deviceId).role}
                    onChange={value =>
                      value && choose(device.deviceId, { role: value as ApprovedRole })
                    }
                    allowDeselect={false}
                  />
                </Table.Td>
                <Table.Td>
                  <Select
                    aria-label={t('office.devices.team')}
                    data={[
                      { value: '', label: t('office.devices.noTeam') },
                      ...teams.map(team => ({ value: team.id, label: team.name })),
                    ]}
                    value={chosen(device.deviceId).team}
                    onChange={value => choose(device.deviceId, { team: value ?? '' })}
                    allowDeselect={false}
                  />
                </Table.Td>
                <Table.Td>
                  <Group gap="xs" wrap="nowrap">
                    <Button
                      onClick={() => void decide(device, true)}
                      loading={busy === device.deviceId}
                    >
                      {t('office.devices.approve')}
                    </Button>
                    <Button
                      variant="default"
                      color="red"
                      onClick={() => void decide(device, false)}
                      disabled={busy === device.deviceId}
                    >
                      {t('office.devices.refuse')}
                    </Button>
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      ) : null}
      {message ? (
        <Alert color={message.ok ? 'teal' : 'red'} role={message.ok ? 'status' : 'alert'}>
          {message.text}
        </Alert>
      ) : null}
      <div>
        <Button variant="default" onClick={() => useOfficeView.getState().show('settings')}>
          {t('office.devices.back')}
        </Button>
      </div>
    </Stack>
  );
}
