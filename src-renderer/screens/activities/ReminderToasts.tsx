/**
 * In-app reminders: while signed in with activities.read, asks the main process every 30 s (and
 * after each activity change) for reminders that fell due and shows each once as a Mantine
 * notification. Main stamps each reminder when it hands it out, so it never shows twice (in Electron
 * the OS notification may take it first).
 */
import { CloseButton, Group, Notification, Portal, Stack, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DueReminder } from '../../../src-shared/activities';
import { useApi } from '../../app/api';
import { formatDateTime } from '../contacts/format';
import { useActivitiesStore } from './store';
import { useGranted } from '../../app/grants';

const POLL_MS = 30_000;

/** Mount once in the signed-in shell. */
export function ReminderToasts() {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const version = useActivitiesStore(state => state.version);
  const [shown, setShown] = useState<DueReminder[]>([]);
  const allowed = useGranted('activities.read');

  useEffect(() => {
    if (!allowed) return;
    let stopped = false;
    const poll = async () => {
      const result = await api.activities.dueReminders({});
      if (stopped || !result.ok || result.value.length === 0) return;
      setShown(old => [...old, ...result.value]);
    };
    void poll();
    const timer = setInterval(() => void poll(), POLL_MS);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, [api, allowed, version]);

  if (shown.length === 0) return null;
  return (
    <Portal>
      <Stack
        gap="sm"
        style={{ position: 'fixed', right: 16, bottom: 16, width: 360, zIndex: 400 }}
        aria-live="polite"
      >
        {shown.map(reminder => (
          <Notification
            key={reminder.id}
            color="orange"
            withCloseButton={false}
            title={t('activities.reminder.title', { subject: reminder.subject })}
            role="status"
          >
            <Group justify="space-between" wrap="nowrap">
              <Text size="sm" c="dark.7">
                {t('activities.reminder.text', {
                  when: formatDateTime(reminder.dueAt, i18n.language),
                })}
              </Text>
              <CloseButton
                aria-label={t('activities.reminder.close')}
                onClick={() => setShown(old => old.filter(r => r.id !== reminder.id))}
              />
            </Group>
          </Notification>
        ))}
      </Stack>
    </Portal>
  );
}
