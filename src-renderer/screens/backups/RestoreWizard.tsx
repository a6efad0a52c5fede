/**
 * The owner's restore wizard (a modal): file + secret → preview → verify → confirm → restore (the
 * current vault is kept as a safety copy by the main process) → sign in again. Every failure shows
 * one sentence and leaves the current vault as it was.
 */
import { Alert, Button, Checkbox, Group, Modal, Stack, Stepper, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type {
  BackupPreview,
  BackupRestoreResult,
  BackupVerifyResult,
} from '../../../src-shared/ipc/backup';
import { useApi } from '../../app/api';
import { loadStatus } from '../../app/session-actions';
import { BusyButton } from '../../components/BusyButton';
import { FormActions } from '../../components/FormActions';
import { SubmitForm } from '../../components/SubmitForm';
import { useActions } from '../../components/useAction';
import { resetAllStores } from '../../stores/registry';
import { type BackupApi, formatWhen } from './backup-api';
import { TransferProgress } from './TransferProgress';
import { BackupErrorAlert } from './BackupErrorAlert';
import { PreviewDetails } from './PreviewDetails';
import { isSecretFormReady, SecretFields, secretInput, type SecretForm } from './SecretFields';

interface RestoreWizardProps {
  backup: BackupApi;
  opened: boolean;
  initialFile: string;
  onClose: () => void;
}

/** The modal wizard; mount it with a `key` per opening so each starts empty. */
export function RestoreWizard({ backup, opened, initialFile, onClose }: RestoreWizardProps) {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const [form, setForm] = useState<SecretForm>({
    file: initialFile,
    kind: 'recovery_key',
    secret: '',
  });
  const [step, setStep] = useState(0);
  const { busy, error, setError, run } = useActions<'open' | 'verify' | 'restore'>();
  const [preview, setPreview] = useState<BackupPreview | null>(null);
  const [verified, setVerified] = useState<BackupVerifyResult | null>(null);
  const [confirmed, setConfirmed] = useState(false);
  const [done, setDone] = useState<BackupRestoreResult | null>(null);

  const update = (patch: Partial<SecretForm>) => {
    setError(null);
    setForm(f => ({ ...f, ...patch }));
  };

  // Each step calls main with the file and secret; a failure stays on the step with its reason.
  const open = async () => {
    if (!isSecretFormReady(form)) return;
    await run(
      'open',
      () => backup.preview(secretInput(form)),
      value => {
        setPreview(value);
        setVerified(null);
        setConfirmed(false);
        setStep(1);
      },
    );
  };

  const verify = () => run('verify', () => backup.verify(secretInput(form)), setVerified);

  const restore = () =>
    run(
      'restore',
      () => backup.restore(secretInput(form)),
      value => {
        setForm(f => ({ ...f, secret: '' }));
        setDone(value);
        setStep(2);
      },
    );

  const goSignIn = () => {
    // The main process signed out after the restore: wipe everything and show sign-in.
    resetAllStores();
    void loadStatus(api);
  };

  return (
    <Modal
      opened={opened}
      onClose={done ? goSignIn : busy === 'restore' ? () => undefined : onClose}
      title={t('backups.wizard.title')}
      size="lg"
      closeButtonProps={{ 'aria-label': t('backups.wizard.cancel') }}
      closeOnClickOutside={false}
    >
      <Stack gap="md">
        <Stepper active={step} size="sm" allowNextStepsSelect={false}>
          <Stepper.Step label={t('backups.wizard.steps.file')} />
          <Stepper.Step label={t('backups.wizard.steps.preview')} />
          <Stepper.Step label={t('backups.wizard.steps.restore')} />
        </Stepper>
        <BackupErrorAlert error={error} />
        {step === 0 ? (
          <SubmitForm onSubmit={open}>
            <Stack gap="md">
              <SecretFields form={form} update={update} />
              <FormActions
                cancelLabel={t('backups.wizard.cancel')}
                onCancel={onClose}
                busy={busy === 'open'}
                busyLabel={t('backups.wizard.opening')}
                disabled={!isSecretFormReady(form)}
                confirmLabel={t('backups.wizard.open')}
              />
            </Stack>
          </SubmitForm>
        ) : null}
        {step === 1 && preview ? (
          <Stack gap="md">
            <PreviewDetails preview={preview} />
            {preview.schemaNewer ? (
              <Alert color="red" variant="light" role="alert">
                {t('backups.wizard.schemaNewer')}
              </Alert>
            ) : (
              <>
                {verified ? (
                  <Alert color="green" variant="light" role="status">
                    {t('backups.wizard.verified')}
                  </Alert>
                ) : (
                  <BusyButton
                    variant="default"
                    busy={busy === 'verify'}
                    busyLabel={t('backups.wizard.verifying')}
                    onClick={() => void verify()}
                    style={{ alignSelf: 'flex-start' }}
                  >
                    {t('backups.wizard.verify')}
                  </BusyButton>
                )}
                <Text size="sm">{t('backups.wizard.keepsSafetyCopy')}</Text>
                <Checkbox
                  checked={confirmed}
                  onChange={event => setConfirmed(event.currentTarget.checked)}
                  label={t('backups.wizard.confirm', {
                    date: formatWhen(t, i18n.language, preview.createdAt),
                  })}
                />
              </>
            )}
            {busy === 'restore' ? (
              <TransferProgress
                backup={backup}
                label={t('backups.wizard.restoring')}
                fallback={t('backups.wizard.restoring')}
              />
            ) : null}
            <Group justify="space-between">
              <Button
                variant="default"
                disabled={busy !== null}
                onClick={() => {
                  setError(null);
                  setStep(0);
                }}
              >
                {t('backups.wizard.back')}
              </Button>
              <BusyButton
                color="red"
                busy={busy === 'restore'}
                busyLabel={t('backups.wizard.restoring')}
                disabled={preview.schemaNewer || !confirmed || busy === 'verify'}
                onClick={() => void restore()}
              >
                {t('backups.wizard.restore')}
              </BusyButton>
            </Group>
          </Stack>
        ) : null}
        {step === 2 && done ? <RestoreDone result={done} onSignIn={goSignIn} /> : null}
      </Stack>
    </Modal>
  );
}

/** The result of a restore: where the old vault went, and the way back to sign-in. */
export function RestoreDone({
  result,
  onSignIn,
}: {
  result: BackupRestoreResult;
  onSignIn: () => void;
}) {
  const { t, i18n } = useTranslation();
  return (
    <Stack gap="md">
      <Alert
        color="green"
        variant="light"
        role="status"
        title={t('backups.wizard.doneTitle')}
        // Mantine's green title on the light green fill is below 4.5:1: the title takes the text colour.
        styles={{ title: { color: 'var(--mantine-color-text)' } }}
      >
        {t('backups.wizard.doneText', { date: formatWhen(t, i18n.language, result.createdAt) })}
      </Alert>
      {result.safetyCopy ? (
        <Text size="sm" style={{ wordBreak: 'break-all' }}>
          {t('backups.wizard.safetyCopy', { path: result.safetyCopy })}
        </Text>
      ) : null}
      <Group justify="flex-end">
        <Button onClick={onSignIn} data-autofocus>
          {t('backups.wizard.signIn')}
        </Button>
      </Group>
    </Stack>
  );
}
