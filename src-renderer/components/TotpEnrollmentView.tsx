/** The QR code of a new TOTP secret and the same secret as a manual key grouped in fours. */
import { Box, Code, Group, Image, Loader, Stack, Text } from '@mantine/core';
import QRCode from 'qrcode';
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TotpEnrollment } from '../../src-shared/ipc/auth';

/** A key or secret in groups of 4 characters, for reading aloud and typing by hand. */
export function groupInFours(value: string): string {
  return (value.replace(/\s+/g, '').match(/.{1,4}/g) ?? []).join(' ');
}

/** QR + manual key; a "preparing" line while the enrollment or the QR image is not ready. */
export function TotpEnrollmentView({ enrollment }: { enrollment: TotpEnrollment | null }) {
  const { t } = useTranslation();
  const qr = useQrDataUrl(enrollment?.uri ?? null);
  const labelId = useId();
  if (!enrollment || !qr) {
    return (
      <Group gap="sm" role="status">
        <Loader size="sm" />
        <Text size="sm">{t('setup.totp.preparing')}</Text>
      </Group>
    );
  }
  return (
    <Group align="flex-start" gap="xl" wrap="wrap">
      <Box p={4} bg="white" bd="1px solid var(--mantine-color-gray-3)" style={{ borderRadius: 8 }}>
        <Image src={qr} alt={t('setup.totp.qrAlt')} w={200} h={200} />
      </Box>
      <Stack gap={6} style={{ flex: 1, minWidth: 220 }}>
        <Text size="sm" fw={500} id={labelId}>
          {t('setup.totp.manualKeyLabel')}
        </Text>
        <Code
          block
          aria-labelledby={labelId}
          data-testid="totp-manual-key"
          fz="md"
          style={{ letterSpacing: '0.08em', wordBreak: 'break-word', whiteSpace: 'normal' }}
        >
          {groupInFours(enrollment.secret)}
        </Code>
      </Stack>
    </Group>
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
        // The manual key still works; nothing to log (the URI holds the secret).
      });
    return () => {
      cancelled = true;
    };
  }, [uri]);
  return drawn && drawn.uri === uri ? drawn.url : null;
}
