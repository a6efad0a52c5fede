/** The staff member's ten new recovery codes, shown once: save, print, confirm, continue. */
import { Alert, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AuthLayout } from '../../components/AuthLayout';
import { KeepItActions } from '../../components/KeepItActions';
import { RecoveryCodesList } from '../../components/RecoveryCodesList';
import { downloadTextFile, recoveryCodesText } from '../setup/recovery-kit';

interface NewRecoveryCodesProps {
  login: string;
  codes: string[];
  onContinue: () => Promise<void>;
}

/** Codes in a printable block; "Start working" unlocks after "stored". */
export function NewRecoveryCodes({ login, codes, onContinue }: NewRecoveryCodesProps) {
  const { t, i18n } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [createdAt] = useState(() => new Date());
  const locale = i18n.resolvedLanguage ?? 'uk';
  return (
    <AuthLayout title={t('firstSignIn.codesTitle')} intro={t('firstSignIn.codesIntro')} width={640}>
      <Stack gap="md">
        <Alert color="yellow" variant="light" className="zamok-no-print">
          {t('setup.kit.warning')}
        </Alert>
        <Stack gap="sm" className="zamok-print-kit">
          <Stack gap={2} className="zamok-print-only">
            <Text fw={700}>{t('firstSignIn.fileTitle')}</Text>
            <Text size="sm">{t('firstSignIn.fileLogin', { login })}</Text>
          </Stack>
          <Text size="sm" fw={600} id="zamok-new-codes-label">
            {t('setup.kit.codesLabel')}
          </Text>
          <RecoveryCodesList codes={codes} labelledBy="zamok-new-codes-label" />
          <Text size="sm" className="zamok-print-only">
            {t('firstSignIn.fileAdvice')}
          </Text>
        </Stack>
        <KeepItActions
          onSave={() =>
            downloadTextFile(
              t('firstSignIn.fileName'),
              recoveryCodesText(t, login, codes, createdAt, locale),
            )
          }
          storedLabel={t('firstSignIn.stored')}
          continueLabel={t('firstSignIn.continue')}
          busy={busy}
          onContinue={() => {
            setBusy(true);
            void onContinue();
          }}
        />
      </Stack>
    </AuthLayout>
  );
}
