/** Step 3: scan the QR code (or type the key), confirm with a code, and create the vault. */
import { Button, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TotpEnrollment } from '../../../src-shared/ipc/auth';
import type { CallError } from '../../../src-shared/ipc/contract';
import { BusyButton } from '../../components/BusyButton';
import { ErrorAlert } from '../../components/ErrorAlert';
import { TotpEnrollmentView } from '../../components/TotpEnrollmentView';

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
        {enrollment || !error ? <TotpEnrollmentView enrollment={enrollment} /> : null}
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
