/**
 * Dismissing a person: one action that disables the account, deletes its key slot, ends its session,
 * moves its records to the chosen colleague and writes an audit entry. The dialog says all of that,
 * asks who takes over, and asks for the person's name as confirmation.
 */
import { Alert, List, Modal, Select, Stack, Text, TextInput } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DismissResult, UserSummary } from '../../../src-shared/ipc/users';
import { useApi } from '../../app/api';
import { useGranted } from '../../app/grants';
import { FormActions } from '../../components/FormActions';
import { useAction } from '../../components/useAction';

/** True when the typed confirmation names the person (spaces around and letter case ignored). */
export function confirmsName(typed: string, displayName: string): boolean {
  const a = typed.trim().replace(/\s+/g, ' ').toLocaleLowerCase();
  return a !== '' && a === displayName.trim().replace(/\s+/g, ' ').toLocaleLowerCase();
}

interface DismissModalProps {
  /** The person to dismiss; null keeps the dialog closed. */
  user: UserSummary | null;
  /** Active colleagues who can take over the records (never the person themself). */
  candidates: readonly UserSummary[];
  onClose: () => void;
  onDismissed: (result: DismissResult) => void;
}

/** The dismiss dialog. */
export function DismissModal({ user, candidates, onClose, onDismissed }: DismissModalProps) {
  const { t } = useTranslation();
  const api = useApi();
  // Only the owner chooses who takes over (users.handover); otherwise the clients go to the owner.
  const choosesHeir = useGranted('users.handover');
  const [target, setTarget] = useState<string | null>(null);
  const [typed, setTyped] = useState('');
  const { busy, error, setError, run } = useAction();
  useEffect(() => {
    setTarget(null);
    setTyped('');
    setError(null);
  }, [user, setError]);

  const name = user?.displayName ?? '';
  const confirmed = confirmsName(typed, name);
  const options = candidates.map(c => ({ value: c.id, label: `${c.displayName} (${c.login})` }));

  const ready = confirmed && (!choosesHeir || target !== null);

  async function submit() {
    if (!user || !ready) return;
    const input =
      choosesHeir && target ? { userId: user.id, reassignToUserId: target } : { userId: user.id };
    await run(() => api.users.dismiss(input), onDismissed);
  }

  return (
    <Modal
      opened={user !== null}
      onClose={onClose}
      title={t('admin.dismiss.title', { name })}
      size="lg"
    >
      <Stack gap="md">
        <div>
          <Text size="sm" fw={500}>
            {t('admin.dismiss.what')}
          </Text>
          <List size="sm" mt={4} spacing={2}>
            <List.Item>{t('admin.dismiss.disabled')}</List.Item>
            <List.Item>{t('admin.dismiss.keyRemoved')}</List.Item>
            <List.Item>{t('admin.dismiss.sessionEnded')}</List.Item>
            <List.Item>
              {t(choosesHeir ? 'admin.dismiss.recordsMoved' : 'admin.dismiss.recordsToOwner')}
            </List.Item>
            <List.Item>{t('admin.dismiss.audited')}</List.Item>
          </List>
        </div>
        {!choosesHeir ? null : options.length === 0 ? (
          <Alert color="orange" variant="light">
            {t('admin.dismiss.noTarget')}
          </Alert>
        ) : (
          <Select
            label={t('admin.dismiss.target')}
            description={t('admin.dismiss.targetHint')}
            data={options}
            value={target}
            onChange={setTarget}
            searchable
            required
            withAsterisk={false}
            comboboxProps={{ withinPortal: true }}
          />
        )}
        <TextInput
          label={t('admin.dismiss.confirm', { name })}
          value={typed}
          onChange={e => setTyped(e.currentTarget.value)}
          autoComplete="off"
          spellCheck={false}
          error={typed.trim() !== '' && !confirmed ? t('admin.dismiss.confirmMismatch') : undefined}
        />
        <FormActions
          error={error}
          cancelLabel={t('admin.cancel')}
          onCancel={onClose}
          focusCancel
          color="red"
          busy={busy}
          busyLabel={t('admin.dismiss.busy')}
          disabled={!ready}
          onConfirm={() => void submit()}
          confirmLabel={t('admin.dismiss.submit')}
        />
      </Stack>
    </Modal>
  );
}
