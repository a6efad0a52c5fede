/**
 * "Export" on a record list (holders of `contacts.export` and the type's read): a modal with the
 * format choice — CSV for Excel (default), plain CSV, XLSX, vCard for contacts — and, for
 * contacts, a slot for the processing purpose. Calls `records.export` for every record in scope
 * (or `ids`); over the owner's limit the main process stores an approval request and the modal
 * says so (the export is started again once the owner has approved).
 */
import type { ContactExportFilter } from '../../../src-shared/ipc/contacts';
import { Alert, Button, Group, Modal, Radio, Stack, Text, Tooltip } from '@mantine/core';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ExportRecordType } from '../../../src-shared/ipc/records';
import { useApi } from '../../app/api';
import { ErrorAlert } from '../ErrorAlert';
import {
  choicesFor,
  exportInputOf,
  runRecordExport,
  type ExportChoice,
  type RecordExportStep,
} from './record-export-flow';

/** Props: the type, optional ids, and (contacts) the purpose picker for the chosen purpose. */
export interface RecordExportButtonProps {
  type: ExportRecordType;
  ids?: readonly string[];
  /** Contacts: the list's filter, so the file holds what the list shows. */
  filter?: ContactExportFilter;
  /** Renders the purpose picker; its value goes into the export as `purposeId`. */
  purpose?: (value: string | null, onChange: (purposeId: string | null) => void) => ReactNode;
  /** Opens the modal from outside (a keyboard shortcut). */
  openRef?: (open: () => void) => void;
}

/** The button and its modal. */
export function RecordExportButton(props: RecordExportButtonProps) {
  const { t } = useTranslation();
  const [opened, setOpened] = useState(false);
  const { openRef } = props;
  useEffect(() => openRef?.(() => setOpened(true)), [openRef]);
  return (
    <>
      <Tooltip label={t(`recordExport.hint.${props.type}`)} withArrow>
        <Button variant="default" onClick={() => setOpened(true)}>
          {t('recordExport.button')}
        </Button>
      </Tooltip>
      {opened ? <ExportModal {...props} onClose={() => setOpened(false)} /> : null}
    </>
  );
}

function ExportModal(props: RecordExportButtonProps & { onClose: () => void }) {
  const { type, onClose } = props;
  const { t, i18n } = useTranslation();
  const api = useApi();
  const [choice, setChoice] = useState<ExportChoice>('excel');
  const [purposeId, setPurposeId] = useState<string | null>(null);
  const [step, setStep] = useState<RecordExportStep>({ kind: 'choose' });
  // The modal may close while a call is in flight: its answer must not touch a closed modal.
  const alive = useRef(true);
  useEffect(() => {
    alive.current = true;
    return () => {
      alive.current = false;
    };
  }, []);

  const start = async () => {
    setStep({ kind: 'running' });
    const locale = i18n.language.startsWith('en') ? 'en' : 'uk';
    const input = exportInputOf(type, choice, locale, {
      purposeId,
      ids: props.ids,
      filter: props.filter,
    });
    const next = await runRecordExport(api, input);
    if (alive.current) setStep(next);
  };

  const choices = choicesFor(type);
  return (
    <Modal
      opened
      onClose={onClose}
      title={t(`recordExport.title.${type}`)}
      size="md"
      closeButtonProps={{ 'aria-label': t('recordExport.close') }}
    >
      <Stack gap="md">
        {step.kind === 'choose' || step.kind === 'running' ? (
          <>
            <Text size="sm">{t('recordExport.scope')}</Text>
            <Radio.Group
              label={t('recordExport.format')}
              value={choice}
              onChange={value => setChoice(choices.find(c => c === value) ?? 'excel')}
            >
              <Stack gap="xs" mt="xs">
                {choices.map(c => (
                  <Radio key={c} value={c} label={t(`recordExport.formats.${c}`)} />
                ))}
              </Stack>
            </Radio.Group>
            {props.purpose ? props.purpose(purposeId, setPurposeId) : null}
            <Text size="xs" c="dimmed">
              {t('recordExport.privacy')}
            </Text>
            <Group justify="flex-end">
              <Button variant="default" onClick={onClose}>
                {t('recordExport.close')}
              </Button>
              <Button onClick={() => void start()} loading={step.kind === 'running'} data-autofocus>
                {t('recordExport.start')}
              </Button>
            </Group>
          </>
        ) : null}
        {step.kind === 'approval' ? (
          <Alert color="blue" variant="light" title={t('recordExport.waitingTitle')} role="status">
            <Text size="sm">{t('recordExport.waiting', { count: step.count })}</Text>
          </Alert>
        ) : null}
        {step.kind === 'done' ? (
          <Alert color="green" variant="light" role="status">
            {t('recordExport.done', { fileName: step.fileName, count: step.count })}
          </Alert>
        ) : null}
        {step.kind === 'error' ? <ErrorAlert error={step.error} /> : null}
        {step.kind === 'done' || step.kind === 'approval' || step.kind === 'error' ? (
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setStep({ kind: 'choose' })}>
              {t('recordExport.again')}
            </Button>
            <Button onClick={onClose}>{t('recordExport.close')}</Button>
          </Group>
        ) : null}
      </Stack>
    </Modal>
  );
}
