/**
 * "Forget this office" on the sync panel (`office.forget`): for a computer whose request was
 * refused, or that leaves the office. A confirm dialog says what goes (the office membership, this
 * computer's keys, changes not yet sent) and what stays (the records); then the panel shows the
 * join form again.
 */
import { Button, Modal, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallError } from '../../../src-shared/ipc/contract';
import { useApi } from '../../app/api';
import { FormActions } from '../../components/FormActions';

/** The button and its confirm dialog; `onForgotten` after the office was forgotten. */
export function ForgetOffice({ onForgotten }: { onForgotten: () => void }) {
  const { t } = useTranslation();
  const api = useApi();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<CallError | null>(null);

  const forget = async () => {
    setBusy(true);
    setError(null);
    const result = await api.office.forget({});
    setBusy(false);
    if (!result.ok) {
      setError(result.error);
      return;
    }
    setOpen(false);
    onForgotten();
  };

  return (
    <>
      <div>
        <Button variant="default" color="red" onClick={() => setOpen(true)}>
          {t('office.forget.button')}
        </Button>
      </div>
      <Modal opened={open} onClose={() => setOpen(false)} title={t('office.forget.title')}>
        <Stack gap="md">
          <Text size="sm">{t('office.forget.text')}</Text>
          <FormActions
            error={error}
            cancelLabel={t('office.forget.cancel')}
            onCancel={() => setOpen(false)}
            focusCancel
            color="red"
            busy={busy}
            busyLabel={t('office.forget.busy')}
            onConfirm={() => void forget()}
            confirmLabel={t('office.forget.confirm')}
          />
        </Stack>
      </Modal>
    </>
  );
}
