/** Step 3: scan the QR code (or type the key), confirm with a code, and create the vault. */
import { Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TotpEnrollment } from '../../../src-shared/ipc/auth';
import type { CallError } from '../../../src-shared/ipc/contract';
import { ErrorAlert } from '../../components/ErrorAlert';
import { isOneTimeCode, OneTimeCodeInput } from '../../components/OneTimeCodeInput';
import { StepHeading } from '../../components/StepHeading';
import { SubmitForm } from '../../components/SubmitForm';
import { TotpEnrollmentView } from '../../components/TotpEnrollmentView';
import { FormActions } from '../../components/FormActions';

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
  return (
    <SubmitForm
      onSubmit={() => {
        setTried(true);
        if (isOneTimeCode(code) && enrollment && !busy) onCreate(code);
      }}
    >
      <Stack gap="md">
        <StepHeading title={t('setup.totp.heading')} intro={t('setup.totp.intro')} />
        <ErrorAlert error={error} />
        {enrollment || !error ? <TotpEnrollmentView enrollment={enrollment} /> : null}
        <OneTimeCodeInput
          label={t('setup.totp.codeLabel')}
          value={code}
          onChange={setCode}
          showError={tried}
          autoFocus
        />
        {busy ? (
          <Text size="xs" c="dimmed" role="status">
            {t('setup.totp.creatingHint')}
          </Text>
        ) : null}
        <FormActions
          spread
          cancelLabel={t('common.back')}
          onCancel={onBack}
          lockCancel
          busy={busy}
          busyLabel={t('setup.totp.creating')}
          disabled={!enrollment}
          confirmLabel={t('setup.totp.create')}
        />
      </Stack>
    </SubmitForm>
  );
}
