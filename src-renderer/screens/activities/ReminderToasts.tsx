/**
 * In-app reminders: while signed in with activities.read, asks the main process every 30 s (and
 * after each activity change) for reminders that fell due and shows each once as a Mantine
 * notification with its actions: open the task's record (or the task list), snooze (10 minutes,
 * an hour, tomorrow at 9:00) or mark it done. Main stamps each reminder when it hands it out, so it
 * never shows twice (in Electron the OS notification may take it first); a snoozed one is due again.
 */
import { Button, CloseButton, Group, Menu, Notification, Portal, Stack, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DueReminder } from '../../../src-shared/activities';
import type { CallError } from '../../../src-shared/ipc/contract';
import { useApi } from '../../app/api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useNavigationStore } from '../../stores/navigation';
import { formatDateTime } from '../contacts/format';
import { activityRecord, openRecord } from '../search/open';
import { SNOOZES, snoozeUntil, type Snooze } from './reminder-actions';
import { useActivitiesStore } from './store';
import { useGranted } from '../../app/grants';

const POLL_MS = 30_000;

/** Mount once in the signed-in shell; `now` is the clock snoozes count from (tests fix it). */
export function ReminderToasts({ now = () => new Date() }: { now?: () => Date }) {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const version = useActivitiesStore(state => state.version);
  const bump = useActivitiesStore(state => state.bump);
  const [shown, setShown] = useState<DueReminder[]>([]);
  const [error, setError] = useState<CallError | null>(null);
  const allowed = useGranted('activities.read');
  const canUpdate = useGranted('activities.update');

  useEffect(() => {
    if (!allowed) return;
    let stopped = false;
    const poll = async () => {
      const result = await api.activities.dueReminders({});
      if (stopped || !result.ok || result.value.length === 0) return;
      setShown(old => [...old, ...result.value.filter(r => !old.some(o => o.id === r.id))]);
    };
    void poll();
    const timer = setInterval(() => void poll(), POLL_MS);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, [api, allowed, version]);

  const dismiss = (id: string) => setShown(old => old.filter(r => r.id !== id));

  function open(reminder: DueReminder) {
    const record = activityRecord(reminder);
    if (record) openRecord(record);
    else useNavigationStore.getState().select('activities');
    dismiss(reminder.id);
  }

  async function act(reminder: DueReminder, snooze: Snooze | null) {
    const result =
      snooze === null
        ? await api.activities.complete({ id: reminder.id, done: true })
        : await api.activities.snooze({
            id: reminder.id,
            until: snoozeUntil(snooze, now()).toISOString(),
          });
    if (!result.ok) return setError(result.error);
    setError(null);
    dismiss(reminder.id);
    bump();
  }

  if (shown.length === 0) return null;
  return (
    <Portal>
      <Stack
        gap="sm"
        style={{ position: 'fixed', right: 16, bottom: 16, width: 380, zIndex: 400 }}
        aria-live="polite"
      >
        <ErrorAlert error={error} />
        {shown.map(reminder => (
          <Notification
            key={reminder.id}
            color="orange"
            withCloseButton={false}
            title={t('activities.reminder.title', { subject: reminder.subject })}
            role="status"
          >
            <Stack gap="xs">
              <Group justify="space-between" wrap="nowrap">
                <Text size="sm" c="dark.7">
                  {t('activities.reminder.text', {
                    when: formatDateTime(reminder.dueAt, i18n.language),
                  })}
                </Text>
                <CloseButton
                  aria-label={t('activities.reminder.close')}
                  onClick={() => dismiss(reminder.id)}
                />
              </Group>
              <Group gap="xs">
                <Button size="xs" variant="light" onClick={() => open(reminder)}>
                  {t('activities.plan.reminder.open')}
                </Button>
                {canUpdate ? (
                  <>
                    <Menu position="top-start" zIndex={410}>
                      <Menu.Target>
                        <Button
                          size="xs"
                          variant="default"
                          aria-label={t('activities.plan.reminder.snoozeLabel', {
                            subject: reminder.subject,
                          })}
                        >
                          {t('activities.plan.reminder.snooze')}
                        </Button>
                      </Menu.Target>
                      <Menu.Dropdown>
                        {SNOOZES.map(choice => (
                          <Menu.Item key={choice} onClick={() => void act(reminder, choice)}>
                            {t(`activities.plan.reminder.snoozes.${choice}`)}
                          </Menu.Item>
                        ))}
                      </Menu.Dropdown>
                    </Menu>
                    <Button size="xs" color="green" onClick={() => void act(reminder, null)}>
                      {t('activities.plan.reminder.done')}
                    </Button>
                  </>
                ) : null}
              </Group>
            </Stack>
          </Notification>
        ))}
      </Stack>
    </Portal>
  );
}
