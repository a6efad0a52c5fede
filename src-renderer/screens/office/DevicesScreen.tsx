/**
 * Computers waiting for approval (`#/office/devices`): an owner device sees every request, a head's
 * device only its team's (the office server filters and decides). Each row: the colleague's name,
 * the device id (short), when it asked; a role and team to give (a head: manager of its own team,
 * fixed), Approve (`office.approve`: this laptop signs the device and wraps the partition keys it
 * holds to it) or Refuse (`office.refuse`).
 */
import { Alert, Button, Group, Select, Stack, Table, Text, Title } from '@mantine/core';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { WaitingDeviceView } from '../../../src-shared/ipc/office';
import type { TeamSummary } from '../../../src-shared/ipc/teams';
import { useApi } from '../../app/api';
import { useOfficeView } from './store';

type ApprovedRole = Exclude<WaitingDeviceView['roles'][number], 'owner'>;
/** The order roles are offered in (the first one this device may give is chosen). */
const ROLES: readonly ApprovedRole[] = ['manager', 'head', 'administrator', 'auditor'];
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

  const rolesOf = (device: WaitingDeviceView) => ROLES.filter(role => device.roles.includes(role));
  const chosen = (device: WaitingDeviceView) =>
    choice[device.deviceId] ?? { role: rolesOf(device)[0] ?? 'manager', team: device.teamId ?? '' };
  const choose = (
    device: WaitingDeviceView,
    change: Partial<{ role: ApprovedRole; team: string }>,
  ) => setChoice(all => ({ ...all, [device.deviceId]: { ...chosen(device), ...change } }));
  const teamOptions = (device: WaitingDeviceView) => {
    const known = teams.map(team => ({ value: team.id, label: team.name }));
    if (device.asHead && device.teamId) {
      const own = known.find(team => team.value === device.teamId);
      return [own ?? { value: device.teamId, label: device.teamId }];
    }
    return [{ value: '', label: t('office.devices.noTeam') }, ...known];
  };
  const asHead = waiting?.some(device => device.asHead) ?? false;

  const decide = async (device: WaitingDeviceView, approve: boolean) => {
    setBusy(device.deviceId);
    setMessage(null);
    const { role, team } = chosen(device);
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
      {asHead ? <Text data-testid="office-head-note">{t('office.devices.headNote')}</Text> : null}
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
                    data={rolesOf(device).map(role => ({
                      value: role,
                      label: t(`office.devices.roles.${role}`),
                    }))}
                    value={chosen(device).role}
                    onChange={value => {
                      const role = rolesOf(device).find(r => r === value);
                      if (role) choose(device, { role });
                    }}
                    disabled={rolesOf(device).length < 2}
                    allowDeselect={false}
                  />
                </Table.Td>
                <Table.Td>
                  <Select
                    aria-label={t('office.devices.team')}
                    data={teamOptions(device)}
                    value={chosen(device).team}
                    onChange={value => choose(device, { team: value ?? '' })}
                    disabled={device.asHead}
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
