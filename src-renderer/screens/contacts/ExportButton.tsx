/**
 * "Export" on the contact list (holders of contacts.export): a modal with the format choice that
 * exports the current filter; when the export needs the owner's approval it waits, asking every
 * few seconds (with "Stop waiting"), and downloads the file once approved — or says it was refused.
 */
import { Alert, Button, Group, Loader, Modal, Radio, Stack, Text, Tooltip } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ExportFormat } from '../../../src-shared/ipc/contacts';
import { useApi } from '../../app/api';
import { ErrorAlert } from '../../components/ErrorAlert';
import {
  checkWaiting,
  EXPORT_POLL_MS,
  exportFilterOf,
  runExport,
  type ExportStep,
} from './export-flow';
import { ExportPurposePicker } from './ExportPurposePicker';
import { useContactsStore } from './store';
import { useShortcuts } from '../../app/shortcuts';

/** The button and its modal. */
export function ExportButton() {
  const { t } = useTranslation();
  const [opened, setOpened] = useState(false);
  useShortcuts([['contactsExport', () => setOpened(true)]]);
  return (
    <>
      <Tooltip label={`${t('contacts.export.buttonHint')} (Ctrl+Shift+E)`} withArrow>
        <Button variant="default" onClick={() => setOpened(true)}>
          {t('contacts.export.button')}
        </Button>
      </Tooltip>
      {opened ? <ExportModal onClose={() => setOpened(false)} /> : null}
    </>
  );
}

function ExportModal({ onClose }: { onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const query = useContactsStore(state => state.query);
  const [format, setFormat] = useState<ExportFormat>('csv');
  const [purposeId, setPurposeId] = useState<string | null>(null);
  const [step, setStep] = useState<ExportStep>({ kind: 'choose' });
  // The modal may close while a call is in flight: its answer must not touch a closed modal.
  const alive = useRef(true);
  useEffect(() => {
    alive.current = true;
    return () => {
      alive.current = false;
    };
  }, []);

  const waiting = step.kind === 'waiting' ? step : null;
  useEffect(() => {
    if (!waiting) return;
    const timer = window.setTimeout(() => {
      void checkWaiting(api, waiting).then(next => {
        // A still-pending answer is a new object: the timer runs again.
        if (alive.current) setStep(next === waiting ? { ...waiting } : next);
      });
    }, EXPORT_POLL_MS);
    return () => window.clearTimeout(timer);
  }, [api, waiting]);

  const start = async () => {
    setStep({ kind: 'running' });
    const locale = i18n.language.startsWith('uk') ? 'uk' : 'en';
    const next = await runExport(api, query, format, locale, purposeId);
    if (alive.current) setStep(next);
  };

  const filtered = Object.keys(exportFilterOf(query)).length > 0;
  return (
    <Modal
      opened
      onClose={onClose}
      title={t('contacts.export.title')}
      size="md"
      closeButtonProps={{ 'aria-label': t('contacts.export.close') }}
    >
      <Stack gap="md">
        {step.kind === 'choose' || step.kind === 'running' ? (
          <>
            <Text size="sm">
              {filtered ? t('contacts.export.scopeFiltered') : t('contacts.export.scopeAll')}
            </Text>
            <Radio.Group
              label={t('contacts.export.format')}
              value={format}
              onChange={value => setFormat(value === 'vcard' ? 'vcard' : 'csv')}
            >
              <Stack gap="xs" mt="xs">
                <Radio value="csv" label={t('contacts.export.csv')} />
                <Radio value="vcard" label={t('contacts.export.vcard')} />
              </Stack>
            </Radio.Group>
            <ExportPurposePicker
              filter={exportFilterOf(query)}
              value={purposeId}
              onChange={setPurposeId}
            />
            <Text size="xs" c="dimmed">
              {t('contacts.export.privacy')}
            </Text>
            <Group justify="flex-end">
              <Button variant="default" onClick={onClose}>
                {t('contacts.export.close')}
              </Button>
              <Button onClick={() => void start()} loading={step.kind === 'running'} data-autofocus>
                {t('contacts.export.start')}
              </Button>
            </Group>
          </>
        ) : null}
        {step.kind === 'waiting' ? (
          <>
            <Alert color="blue" variant="light" title={t('contacts.export.waitingTitle')}>
              <Text size="sm">{t('contacts.export.waiting', { count: step.count })}</Text>
            </Alert>
            <Group gap="sm" role="status">
              <Loader size="sm" />
              <Text size="sm">{t('contacts.export.waitingCheck')}</Text>
            </Group>
            <Group justify="flex-end">
              <Button variant="default" onClick={onClose}>
                {t('contacts.export.stopWaiting')}
              </Button>
            </Group>
          </>
        ) : null}
        {step.kind === 'done' ? (
          <Alert color="green" variant="light" role="status">
            {t('contacts.export.done', { fileName: step.fileName, count: step.count })}
          </Alert>
        ) : null}
        {step.kind === 'refused' ? (
          <Alert color="red" variant="light" role="alert">
            {t(`contacts.export.refused.${step.reason}`)}
          </Alert>
        ) : null}
        {step.kind === 'error' ? <ErrorAlert error={step.error} /> : null}
        {step.kind === 'done' || step.kind === 'refused' || step.kind === 'error' ? (
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setStep({ kind: 'choose' })}>
              {t('contacts.export.again')}
            </Button>
            <Button onClick={onClose}>{t('contacts.export.close')}</Button>
          </Group>
        ) : null}
      </Stack>
    </Modal>
  );
}
