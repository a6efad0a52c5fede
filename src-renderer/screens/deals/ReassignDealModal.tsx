/**
 * "Give to another manager": picks an active colleague (users.colleagues: names only, any signed-in
 * user may list them) and hands the deal over (deals.reassign). A failure stays in the dialog with
 * its reason; the main process checks the permission, the scope and that the colleague is active.
 */
import { Button, Group, Loader, Modal, Select, Stack, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Deal } from '../../../src-shared/deals';
import type { CallError } from '../../../src-shared/ipc/contract';
import type { Colleague } from '../../../src-shared/ipc/users';
import { useApi } from '../../app/api';
import { BusyButton } from '../../components/BusyButton';
import { ErrorAlert } from '../../components/ErrorAlert';

/** The dialog; mount it only while open (it loads the colleagues when it mounts). */
export function ReassignDealModal({
  deal,
  onClose,
  onReassigned,
}: {
  deal: Deal;
  onClose: () => void;
  /** Gets the deal as saved and the new owner's name. */
  onReassigned: (deal: Deal, ownerName: string) => void;
}) {
  const { t } = useTranslation();
  const api = useApi();
  const [colleagues, setColleagues] = useState<Colleague[] | null>(null);
  const [userId, setUserId] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<CallError | null>(null);

  useEffect(() => {
    let live = true;
    void api.users.colleagues({}).then(result => {
      if (!live) return;
      if (result.ok) setColleagues(result.value);
      else {
        setColleagues([]);
        setError(result.error);
      }
    });
    return () => {
      live = false;
    };
  }, [api]);

  const choices = (colleagues ?? []).filter(user => user.id !== deal.ownerId);

  async function confirm(ownerId: string) {
    setBusy(true);
    setError(null);
    const result = await api.deals.reassign({ id: deal.id, ownerId });
    setBusy(false);
    if (!result.ok) return setError(result.error);
    const name = choices.find(user => user.id === ownerId)?.displayName ?? result.value.ownerName;
    onReassigned(result.value, name);
  }

  return (
    <Modal
      opened
      onClose={onClose}
      title={t('deals.reassign.title')}
      closeButtonProps={{ 'aria-label': t('deals.close') }}
      centered
    >
      <Stack>
        <Text>{t('deals.reassign.body', { title: deal.title })}</Text>
        {colleagues === null ? (
          <Group gap="sm" role="status">
            <Loader size="sm" />
            <Text c="dimmed">{t('deals.reassign.loading')}</Text>
          </Group>
        ) : choices.length === 0 && !error ? (
          <Text c="dimmed">{t('deals.reassign.noUsers')}</Text>
        ) : choices.length > 0 ? (
          <Select
            label={t('deals.reassign.user')}
            placeholder={t('deals.reassign.placeholder')}
            data={choices.map(user => ({ value: user.id, label: user.displayName }))}
            value={userId}
            onChange={setUserId}
            searchable
            data-autofocus
          />
        ) : null}
        <ErrorAlert error={error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('deals.cancel')}
          </Button>
          <BusyButton
            busy={busy}
            busyLabel={t('deals.reassign.busy')}
            disabled={userId === null}
            onClick={() => userId && void confirm(userId)}
          >
            {t('deals.reassign.confirm')}
          </BusyButton>
        </Group>
      </Stack>
    </Modal>
  );
}
