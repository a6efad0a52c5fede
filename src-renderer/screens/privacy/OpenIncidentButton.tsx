/**
 * "Open incident" on a security alert (privacy.manage holders): records a breach from the alert in
 * one click (titled by the alert's rule, detected at its first time); renders nothing for others.
 */
import { Button, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallError } from '../../../src-shared/ipc/contract';
import { useApi } from '../../app/api';
import { useGranted } from '../../app/grants';
import { ErrorAlert } from '../../components/ErrorAlert';

/** The button of alert `alertId`. */
export function OpenIncidentButton({ alertId }: { alertId: string }) {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const manage = useGranted('privacy.manage');
  const [opened, setOpened] = useState(false);
  const [error, setError] = useState<CallError | null>(null);
  if (!manage) return null;
  if (opened) {
    return (
      <Text size="xs" role="status">
        {t('privacy.breaches.opened')}
      </Text>
    );
  }
  const open = async () => {
    const r = await api.privacy.openBreachFromAlert({
      alertId,
      lang: i18n.language === 'en' ? 'en' : 'uk',
    });
    if (r.ok) setOpened(true);
    else setError(r.error);
  };
  return (
    <>
      <ErrorAlert error={error} />
      <Button
        size="xs"
        variant="default"
        onClick={() => void open()}
        style={{ alignSelf: 'flex-start' }}
      >
        {t('privacy.breaches.fromAlert')}
      </Button>
    </>
  );
}
