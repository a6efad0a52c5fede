/**
 * The office network editor: allowed networks (IPv4/IPv6 CIDR, one per line) and the router's MAC
 * address, with this computer's addresses as a hint and a button that fills in the current router.
 * Lines are checked as you type with the same parser the main process uses; the main process still
 * decides, and refuses a change that would shut out this computer.
 */
import {
  Alert,
  Button,
  Card,
  Group,
  Stack,
  Text,
  Textarea,
  Title,
  Tooltip,
  type TextareaProps,
} from '@mantine/core';
import { useState } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import {
  ACCESS_LIST_MAX,
  normalizeMac,
  parseCidr,
  type AccessSettings,
  type ThisMachine,
} from '../../../src-shared/ipc/devices';
import { BusyButton } from '../../components/BusyButton';
import { MONOSPACE_INPUT } from '../../components/input-styles';
import { ariaKeys, shortcutHandler } from '../../app/shortcuts';

/** The non-empty lines of a text area, trimmed. */
function lines(text: string): string[] {
  return text
    .split('\n')
    .map(line => line.trim())
    .filter(line => line.length > 0);
}

/** The first bad line as a translated sentence, or null. */
function firstError(
  t: TFunction,
  text: string,
  valid: (line: string) => boolean,
  key: 'badCidr' | 'badMac',
): string | null {
  const all = text.split('\n');
  for (const [i, raw] of all.entries()) {
    const value = raw.trim();
    if (value && !valid(value))
      return t(`security.devices.networks.${key}`, { line: i + 1, value });
  }
  if (lines(text).length > ACCESS_LIST_MAX) {
    return t('security.devices.networks.tooMany', { max: ACCESS_LIST_MAX });
  }
  return null;
}

/** A monospace text area for one address per line, without spell checking. */
function LinesInput({
  onChange,
  ...props
}: Omit<TextareaProps, 'onChange'> & { onChange: (value: string) => void }) {
  return (
    <Textarea
      {...props}
      onChange={event => onChange(event.currentTarget.value)}
      spellCheck={false}
      styles={MONOSPACE_INPUT}
    />
  );
}

interface NetworksCardProps {
  settings: AccessSettings;
  machine: ThisMachine;
  /** Saves; resolves true when saved. */
  onSave(patch: Pick<AccessSettings, 'allowedNetworks' | 'allowedGatewayMacs'>): Promise<boolean>;
}

/** The card. */
export function NetworksCard({ settings, machine, onSave }: NetworksCardProps) {
  const { t } = useTranslation();
  const [cidrs, setCidrs] = useState((settings.allowedNetworks ?? []).join('\n'));
  const [macs, setMacs] = useState((settings.allowedGatewayMacs ?? []).join('\n'));
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState(false);
  const cidrError = firstError(t, cidrs, v => parseCidr(v) !== null, 'badCidr');
  const macError = firstError(t, macs, v => normalizeMac(v) !== null, 'badMac');
  const unset = settings.allowedNetworks === null && settings.allowedGatewayMacs === null;

  const save = async () => {
    if (busy || cidrError || macError) return;
    setBusy(true);
    const networks = lines(cidrs);
    const routers = lines(macs);
    const done = await onSave({
      allowedNetworks: networks.length > 0 ? networks : null,
      allowedGatewayMacs: routers.length > 0 ? routers : null,
    });
    setBusy(false);
    setSaved(done);
  };
  const useGateway = () => {
    if (!machine.gatewayMac) return;
    const current = lines(macs);
    if (!current.includes(machine.gatewayMac)) setMacs([...current, machine.gatewayMac].join('\n'));
    setSaved(false);
  };
  const onKeyDown = shortcutHandler([['formSave', () => void save()]]);
  /** A list's value, its first bad line, Ctrl+Enter to save, and "saved" gone on any edit. */
  const linesOf = (value: string, set: (value: string) => void, error: string | null) => ({
    value,
    error,
    onKeyDown,
    onChange: (next: string) => {
      set(next);
      setSaved(false);
    },
  });

  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="office-network">
      <Stack gap="md">
        <Stack gap={4}>
          <Title order={2} size="h4" id="office-network">
            {t('security.devices.networks.heading')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('security.devices.networks.intro')}
          </Text>
        </Stack>
        <Text size="sm" role="status">
          {unset
            ? t('security.devices.networks.none')
            : machine.networkAllowed
              ? t('security.devices.networks.allowedHere')
              : t('security.devices.networks.notAllowedHere')}
        </Text>
        <LinesInput
          label={t('security.devices.networks.cidrs')}
          description={t('security.devices.networks.cidrsHint')}
          rows={3}
          {...linesOf(cidrs, setCidrs, cidrError)}
        />
        <Text size="xs" c="dimmed" data-testid="machine-addresses">
          {machine.addresses.length > 0
            ? t('security.devices.networks.current', { addresses: machine.addresses.join(', ') })
            : t('security.devices.networks.noAddresses')}
        </Text>
        <LinesInput
          label={t('security.devices.networks.macs')}
          description={t('security.devices.networks.macsHint')}
          rows={2}
          {...linesOf(macs, setMacs, macError)}
        />
        {machine.gatewayMac ? null : (
          <Text size="xs" c="dimmed">
            {t('security.devices.networks.gatewayUnknown')}
          </Text>
        )}
        <Group justify="space-between">
          <Button variant="default" disabled={!machine.gatewayMac} onClick={useGateway}>
            {t('security.devices.networks.useGateway')}
          </Button>
          <Tooltip label={t('security.devices.networks.saveHint')} withArrow>
            <BusyButton
              busy={busy}
              busyLabel={t('security.devices.networks.saving')}
              aria-keyshortcuts={ariaKeys('formSave')}
              disabled={cidrError !== null || macError !== null}
              onClick={() => void save()}
            >
              {t('security.devices.networks.save')}
            </BusyButton>
          </Tooltip>
        </Group>
        {saved ? (
          <Alert color="green" variant="light" role="status">
            {t('security.devices.networks.saved')}
          </Alert>
        ) : null}
      </Stack>
    </Card>
  );
}
