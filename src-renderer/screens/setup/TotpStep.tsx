/** Step 3: scan the QR code (or type the key), confirm with a code, and create the vault. */
import {
  Box,
  Button,
  Code,
  Group,
  Image,
  Loader,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import QRCode from 'qrcode';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TotpEnrollment } from '../../../src-shared/ipc/auth';
import type { CallError } from '../../../src-shared/ipc/contract';
import { BusyButton } from '../../components/BusyButton';
import { ErrorAlert } from '../../components/ErrorAlert';
import { groupInFours } from './recovery-kit';

interface TotpStepProps {
  enrollment: TotpEnrollment | null;
  busy: boolean;
  error: CallError | null;
  onBack: () => void;
  onCreate: (totpCode: string) => void;
}

/** QR + manual key + 6-digit confirmation; "Create the vault" shows progress while it runs. */
export function TotpStep({ enrollment, busy, error, onBack, onCreate }: TotpStepProps) {
  const { t } = useTranslation();
  const [code, setCode] = useState('');
  const [tried, setTried] = useState(false);
  const qr = useQrDataUrl(enrollment?.uri ?? null);
  const codeOk = /^\d{6}$/.test(code);
  return (
    <form
      noValidate
      onSubmit={event => {
        event.preventDefault();
        setTried(true);
        if (codeOk && enrollment && !busy) onCreate(code);
      }}
    >
      <Stack gap="md">
        <Title order={2} size="h4">
          {t('setup.totp.heading')}
        </Title>
        <Text size="sm">{t('setup.totp.intro')}</Text>
        <ErrorAlert error={error} />
        {enrollment && qr ? (
          <Group align="flex-start" gap="xl" wrap="wrap">
            <Box
              p={4}
              bg="white"
              bd="1px solid var(--mantine-color-gray-3)"
              style={{ borderRadius: 8 }}
            >
              <Image src={qr} alt={t('setup.totp.qrAlt')} w={200} h={200} />
            </Box>
            <Stack gap={6} style={{ flex: 1, minWidth: 220 }}>
              <Text size="sm" fw={500} id="zamok-manual-key-label">
                {t('setup.totp.manualKeyLabel')}
              </Text>
              <Code
                block
                aria-labelledby="zamok-manual-key-label"
                data-testid="totp-manual-key"
                fz="md"
                style={{ letterSpacing: '0.08em', wordBreak: 'break-word', whiteSpace: 'normal' }}
              >
                {groupInFours(enrollment.secret)}
              </Code>
            </Stack>
          </Group>
        ) : error ? null : (
          <Group gap="sm" role="status">
            <Loader size="sm" />
            <Text size="sm">{t('setup.totp.preparing')}</Text>
          </Group>
        )}
        <TextInput
          label={t('setup.totp.codeLabel')}
          description={t('setup.totp.codeDescription')}
          value={code}
          onChange={event => setCode(event.currentTarget.value.replace(/\D/g, '').slice(0, 6))}
          inputMode="numeric"
          autoComplete="one-time-code"
          maxLength={6}
          required
          autoFocus
          w={{ base: '100%', xs: 260 }}
          error={tried && !codeOk ? t('setup.totp.codeInvalid') : undefined}
          styles={{ input: { letterSpacing: '0.3em', fontVariantNumeric: 'tabular-nums' } }}
        />
        {busy ? (
          <Text size="xs" c="dimmed" role="status">
            {t('setup.totp.creatingHint')}
          </Text>
        ) : null}
        <Group justify="space-between">
          <Button variant="default" onClick={onBack} disabled={busy}>
            {t('common.back')}
          </Button>
          <BusyButton
            type="submit"
            busy={busy}
            busyLabel={t('setup.totp.creating')}
            disabled={!enrollment}
          >
            {t('setup.totp.create')}
          </BusyButton>
        </Group>
      </Stack>
    </form>
  );
}

/** Renders an otpauth URI as a PNG data URL (null while drawing or when there is no URI). */
function useQrDataUrl(uri: string | null): string | null {
  const [drawn, setDrawn] = useState<{ uri: string; url: string } | null>(null);
  useEffect(() => {
    if (!uri) return;
    let cancelled = false;
    QRCode.toDataURL(uri, { margin: 1, width: 400, errorCorrectionLevel: 'M' })
      .then(url => {
        if (!cancelled) setDrawn({ uri, url });
      })
      .catch(() => {
        // The manual key below the QR code still works; nothing to log (the URI holds the secret).
      });
    return () => {
      cancelled = true;
    };
  }, [uri]);
  return drawn && drawn.uri === uri ? drawn.url : null;
}
