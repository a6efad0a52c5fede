/**
 * Step 4: the recovery kit, shown once. Save as a .txt file or print (the print stylesheet shows
 * only the kit); "Open Zamok" unlocks after the user confirms the kit is stored.
 */
import { Alert, Code, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SetupResult } from '../../../src-shared/ipc/auth';
import { KeepItActions } from '../../components/KeepItActions';
import { StepHeading } from '../../components/StepHeading';
import { RecoveryCodesList } from '../../components/RecoveryCodesList';
import { downloadTextFile, recoveryKitText } from './recovery-kit';

interface RecoveryKitStepProps {
  kit: SetupResult;
  busy: boolean;
  onOpen: () => void;
}

/** The key and ten codes in a monospace block, save/print buttons, the "stored" confirmation. */
export function RecoveryKitStep({ kit, busy, onOpen }: RecoveryKitStepProps) {
  const { t, i18n } = useTranslation();
  const [createdAt] = useState(() => new Date());
  const text = () =>
    recoveryKitText(t, { ...kit, login: kit.user.login }, createdAt, i18n.resolvedLanguage ?? 'uk');
  return (
    <Stack gap="md">
      <StepHeading
        title={t('setup.kit.heading')}
        intro={t('setup.kit.intro')}
        className="zamok-no-print"
      />
      <Alert color="yellow" variant="light" className="zamok-no-print">
        {t('setup.kit.warning')}
      </Alert>
      <Stack gap="sm" className="zamok-print-kit" data-testid="recovery-kit">
        <Stack gap={2} className="zamok-print-only">
          <Title order={2} size="h3">
            {t('setup.kit.fileTitle')}
          </Title>
          <Text size="sm">
            {t('setup.kit.fileCreated', { date: createdAt.toLocaleString(i18n.resolvedLanguage) })}
          </Text>
          <Text size="sm">{t('setup.kit.fileVault', { vaultId: kit.vaultId })}</Text>
          <Text size="sm">{t('setup.kit.fileLogin', { login: kit.user.login })}</Text>
        </Stack>
        <Text size="sm" fw={600} id="zamok-recovery-key-label">
          {t('setup.kit.keyLabel')}
        </Text>
        <Code
          block
          fz="md"
          aria-labelledby="zamok-recovery-key-label"
          data-testid="recovery-key"
          style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-all' }}
        >
          {kit.recoveryKey}
        </Code>
        <Text size="sm" fw={600} id="zamok-recovery-codes-label">
          {t('setup.kit.codesLabel')}
        </Text>
        <Text size="xs" c="dimmed">
          {t('setup.kit.codesHint')}
        </Text>
        <RecoveryCodesList codes={kit.recoveryCodes} labelledBy="zamok-recovery-codes-label" />
        <Text size="sm" className="zamok-print-only">
          {t('setup.kit.fileAdvice')}
        </Text>
      </Stack>
      <KeepItActions
        onSave={() => downloadTextFile(t('setup.kit.fileName'), text())}
        storedLabel={t('setup.kit.stored')}
        continueLabel={t('setup.kit.open')}
        busy={busy}
        onContinue={onOpen}
      />
    </Stack>
  );
}
