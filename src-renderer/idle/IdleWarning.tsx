/**
 * The calm warning before an idle lock: a countdown and «Продовжити роботу». Any input anywhere cancels it
 * (the idle timer listens to the whole window), so the button is for those who read it first.
 */
import { Button, Group, Modal, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { IdleCountdown } from './useIdleLock';

/** Shows while `countdown.secondsLeft` is a number. */
export function IdleWarning({ countdown }: { countdown: IdleCountdown }) {
  const { t } = useTranslation();
  const { secondsLeft } = countdown;
  return (
    <Modal
      opened={secondsLeft !== null}
      onClose={countdown.stay}
      title={t('office.idle.title')}
      centered
      withCloseButton={false}
    >
      <Text role="timer" aria-live="polite" data-testid="idle-countdown">
        {t('office.idle.body', { seconds: secondsLeft ?? 0 })}
      </Text>
      <Group justify="flex-end" mt="md">
        <Button onClick={countdown.stay} data-autofocus>
          {t('office.idle.stay')}
        </Button>
      </Group>
    </Modal>
  );
}
