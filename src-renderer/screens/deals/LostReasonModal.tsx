/** Asks why a deal was lost before it moves to a lost stage (the main process requires a reason). */
import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

/** Open while `title` is not null; `onConfirm` gets the typed reason. */
export function LostReasonModal({
  title,
  error,
  busy,
  onConfirm,
  onCancel,
}: {
  title: string | null;
  error?: string | undefined;
  busy?: boolean;
  onConfirm: (reason: string) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [touched, setTouched] = useState(false);
  const empty = reason.trim().length === 0;
  return (
    <Modal
      opened={title !== null}
      onClose={onCancel}
      title={t('deals.lostTitle')}
      centered
      closeButtonProps={{ 'aria-label': t('deals.close') }}
    >
      <form
        onSubmit={event => {
          event.preventDefault();
          setTouched(true);
          if (!empty) onConfirm(reason.trim());
        }}
      >
        <Stack>
          <Text size="sm" fw={600}>
            {title}
          </Text>
          <Textarea
            label={t('deals.field.lostReason')}
            description={t('deals.lostHint')}
            value={reason}
            onChange={e => setReason(e.currentTarget.value)}
            autosize
            minRows={2}
            data-autofocus
            withAsterisk
            error={(touched && empty ? t('deal.lost_reason_required') : undefined) ?? error}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onCancel}>
              {t('deals.cancel')}
            </Button>
            <Button type="submit" color="red" loading={busy === true}>
              {t('deals.lostConfirm')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
