/**
 * "Restore from a backup" on the first-run screen (a new computer, no vault yet): a link that opens a
 * full-screen dialog asking for the backup file, its recovery key or passphrase and the vault folder,
 * then calls the one public backup call (`restoreFirstRun`, refused by the main process whenever a
 * vault already exists) and moves on to sign-in. The secret lives in this component's state only.
 */
import { Button, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackupRestoreResult } from '../../../src-shared/ipc/backup';
import { useApi } from '../../app/api';
import { loadStatus } from '../../app/session-actions';
import { MONOSPACE_INPUT } from '../../components/input-styles';
import { SubmitForm } from '../../components/SubmitForm';
import { useAction } from '../../components/useAction';
import { WorkingNote } from '../../components/WorkingNote';
import { resetAllStores } from '../../stores/registry';
import { useSessionStore } from '../../stores/session';
import { backupApi } from '../backups/backup-api';
import { BackupErrorAlert } from '../backups/BackupErrorAlert';
import { RestoreDone } from '../backups/RestoreWizard';
import {
  isSecretFormReady,
  SecretFields,
  secretInput,
  type SecretForm,
} from '../backups/SecretFields';
import { FormActions } from '../../components/FormActions';

/** The link for the setup wizard's first step; hidden when this build has no backup channels. */
export function RestoreFromBackupLink() {
  const { t } = useTranslation();
  const api = useApi();
  const [opened, setOpened] = useState(false);
  const [n, setN] = useState(0);
  if (!backupApi(api)) return null;
  return (
    <>
      <Button
        variant="subtle"
        mr="auto"
        onClick={() => {
          setN(k => k + 1);
          setOpened(true);
        }}
      >
        {t('backups.wizard.firstRunLink')}
      </Button>
      {opened ? <FirstRunRestore key={n} onClose={() => setOpened(false)} /> : null}
    </>
  );
}

/** The full-screen restore dialog of the first run. */
export function FirstRunRestore({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const api = useApi();
  const backup = backupApi(api);
  const defaultDir = useSessionStore(s => s.status?.vaultDir ?? '');
  const [form, setForm] = useState<SecretForm>({ file: '', kind: 'recovery_key', secret: '' });
  const [vaultDir, setVaultDir] = useState(defaultDir);
  const { busy, error, run } = useAction();
  const [done, setDone] = useState<BackupRestoreResult | null>(null);

  const restore = async () => {
    if (!backup || !isSecretFormReady(form)) return;
    const dir = vaultDir.trim();
    await run(
      () => backup.restoreFirstRun({ ...secretInput(form), ...(dir ? { vaultDir: dir } : {}) }),
      result => {
        setForm(f => ({ ...f, secret: '' }));
        setDone(result);
      },
    );
  };

  const signIn = () => {
    resetAllStores();
    void loadStatus(api);
  };

  return (
    <Modal
      opened
      fullScreen
      onClose={done ? signIn : busy ? () => undefined : onClose}
      title={t('backups.wizard.title')}
      closeButtonProps={{ 'aria-label': t('backups.wizard.cancel') }}
    >
      <Stack gap="md" maw={560} mx="auto">
        {done ? (
          <RestoreDone result={done} onSignIn={signIn} />
        ) : (
          <SubmitForm onSubmit={restore}>
            <Stack gap="md">
              <Text size="sm">{t('backups.wizard.firstRunIntro')}</Text>
              <BackupErrorAlert error={error} />
              <SecretFields form={form} update={patch => setForm(f => ({ ...f, ...patch }))} />
              <TextInput
                label={t('backups.wizard.vaultDir')}
                description={t('backups.wizard.vaultDirHint')}
                value={vaultDir}
                onChange={event => setVaultDir(event.currentTarget.value)}
                spellCheck={false}
                styles={MONOSPACE_INPUT}
              />
              {busy ? (
                <WorkingNote
                  label={t('backups.wizard.restoring')}
                  text={t('backups.wizard.restoring')}
                />
              ) : null}
              <FormActions
                spread
                cancelLabel={t('backups.wizard.firstRunBack')}
                onCancel={onClose}
                lockCancel
                busy={busy}
                busyLabel={t('backups.wizard.restoring')}
                disabled={!isSecretFormReady(form)}
                confirmLabel={t('backups.wizard.restore')}
              />
            </Stack>
          </SubmitForm>
        )}
      </Stack>
    </Modal>
  );
}
