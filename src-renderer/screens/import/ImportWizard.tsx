/**
 * The import wizard (contacts, companies or deals): file → first rows and column mapping → dry run with
 * fixes → owner and confirm → progress with stop → summary with undo and the error report. Main
 * decides everything (permissions, mapping, validation, duplicates); the page holds the choices.
 */
import { Alert, Anchor, Button, Group, Stack, Stepper, Title } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { importMessages, type ImportKind } from '../../../src-shared/import';
import type { CallError } from '../../../src-shared/ipc/contract';
import type {
  ImportPreview,
  ImportRunResult,
  ImportUndoResult,
} from '../../../src-shared/ipc/imports';
import { useApi } from '../../app/api';
import { errorText } from '../../app/errors';
import { saveBlob } from '../documents/transfer';
import { CheckStep } from './CheckStep';
import { ConfirmStep } from './ConfirmStep';
import { FileStep } from './FileStep';
import { MappingStep, type MappingChoice } from './MappingStep';
import { SummaryStep } from './SummaryStep';
import type { UploadedFile } from './upload';
import { editsInput, fieldsOf, WIZARD_STEPS, type RowEdit, type WizardStep } from './wizard-model';

/** How often the progress bar asks main (only while an import runs). */
const PROGRESS_POLL_MS = 300;

/** The wizard page; `onClose` goes back to the list. */
export function ImportWizard(props: {
  type: ImportKind;
  canReassign: boolean;
  onClose: () => void;
}) {
  const { type } = props;
  const { t, i18n } = useTranslation();
  const api = useApi();
  const locale = i18n.language === 'en' ? 'en' : 'uk';
  const [step, setStep] = useState<WizardStep>('file');
  const [error, setError] = useState<CallError | null>(null);
  const [busy, setBusy] = useState(false);
  const [file, setFile] = useState<UploadedFile | null>(null);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [choice, setChoice] = useState<MappingChoice>({
    columns: [],
    nameOrder: 'surname-first',
    saveAs: '',
  });
  const [dry, setDry] = useState<ImportRunResult | null>(null);
  const [edits, setEdits] = useState<Map<number, RowEdit>>(new Map());
  const [ownerId, setOwnerId] = useState<string | null>(null);
  // Deals: import a deal already there (same title and client) all the same.
  const [duplicates, setDuplicates] = useState(false);
  const duplicatesInput = () =>
    type === 'deals' ? { duplicates: duplicates ? ('import' as const) : ('skip' as const) } : {};
  const [running, setRunning] = useState<{
    done: number;
    total: number;
    cancelling: boolean;
  } | null>(null);
  const [result, setResult] = useState<ImportRunResult | null>(null);
  const [undone, setUndone] = useState<ImportUndoResult | null>(null);
  const poll = useRef<ReturnType<typeof setInterval> | null>(null);
  useEffect(() => () => void (poll.current && clearInterval(poll.current)), []);

  const mapping = () => ({
    columns: choice.columns,
    nameOrder: choice.nameOrder,
  });

  async function opened(uploaded: UploadedFile) {
    setError(null);
    const answer = await api.imports.preview({ upload: uploaded.upload, type });
    if (!answer.ok) return setError(answer.error);
    setFile(uploaded);
    setPreview(answer.value);
    setChoice({
      columns: fieldsOf(
        type,
        answer.value.mapping.columns,
        answer.value.customFields.map(f => f.id),
      ),
      nameOrder: answer.value.mapping.nameOrder === 'given-first' ? 'given-first' : 'surname-first',
      saveAs: '',
    });
    setStep('mapping');
  }

  async function check(withEdits: Map<number, RowEdit>, withDuplicates = duplicates) {
    if (!file) return;
    setBusy(true);
    setError(null);
    const edited = editsInput(withEdits);
    const answer = await api.imports.run({
      upload: file.upload,
      type,
      mapping: mapping(),
      dryRun: true,
      fixable: true,
      ...(type === 'deals' ? { duplicates: withDuplicates ? 'import' : 'skip' } : {}),
      ...(edited ? { edits: edited } : {}),
    });
    setBusy(false);
    if (!answer.ok) return setError(answer.error);
    setDry(answer.value);
    setStep('check');
  }

  async function start() {
    if (!file || !dry) return;
    setError(null);
    setRunning({ done: 0, total: dry.counts.rows, cancelling: false });
    poll.current = setInterval(() => {
      void api.imports.progress({ upload: file.upload }).then(answer => {
        if (answer.ok)
          setRunning(now => (now ? { ...now, done: Math.max(now.done, answer.value.done) } : now));
      });
    }, PROGRESS_POLL_MS);
    const edited = editsInput(edits);
    const saveAs = choice.saveAs.trim();
    const answer = await api.imports.run({
      upload: file.upload,
      type,
      mapping: mapping(),
      dryRun: false,
      errorReport: locale,
      ...duplicatesInput(),
      ...(edited ? { edits: edited } : {}),
      ...(saveAs ? { saveMappingAs: saveAs } : {}),
      ...(ownerId ? { ownerId } : {}),
    });
    if (poll.current) clearInterval(poll.current);
    poll.current = null;
    setRunning(null);
    if (!answer.ok) return setError(answer.error);
    setResult(answer.value);
    setStep('done');
  }

  async function cancel() {
    if (!file) return;
    setRunning(now => (now ? { ...now, cancelling: true } : now));
    await api.imports.cancel({ upload: file.upload });
  }

  async function undo() {
    if (!result?.batchId) return;
    setBusy(true);
    const answer = await api.imports.undo({ batchId: result.batchId, type });
    setBusy(false);
    if (!answer.ok) return setError(answer.error);
    setUndone(answer.value);
  }

  function report() {
    if (!result?.errorReport) return;
    const blob = new Blob([result.errorReport], { type: 'text/csv;charset=utf-8' });
    saveBlob(blob, locale === 'uk' ? 'помилки-імпорту.csv' : 'import-errors.csv');
  }

  function edit(row: number, value: RowEdit | undefined) {
    setEdits(now => {
      const next = new Map(now);
      if (value === undefined) next.delete(row);
      else next.set(row, value);
      return next;
    });
  }

  return (
    <Stack gap="lg" maw={1100}>
      <Group justify="space-between">
        <Title order={1}>{t(`importer.title.${type}`)}</Title>
        <Anchor component="button" type="button" onClick={props.onClose}>
          {t('importer.close')}
        </Anchor>
      </Group>
      <Stepper active={WIZARD_STEPS.indexOf(step)} size="sm" allowNextStepsSelect={false}>
        {WIZARD_STEPS.map(s => (
          <Stepper.Step key={s} label={t(`importer.steps.${s}`)} />
        ))}
      </Stepper>
      {error ? (
        <Alert color="red" variant="light" role="alert">
          {failureText(error)}
        </Alert>
      ) : null}
      {step === 'file' ? <FileStep type={type} onUploaded={opened} onError={setError} /> : null}
      {step === 'mapping' && preview ? (
        <MappingStep
          type={type}
          preview={preview}
          choice={choice}
          busy={busy}
          onChange={setChoice}
          onCheck={() => void check(edits)}
        />
      ) : null}
      {step === 'check' && dry && preview ? (
        <CheckStep
          result={dry}
          headers={preview.headers}
          columns={choice.columns}
          edits={edits}
          busy={busy}
          onEdit={edit}
          onRecheck={() => void check(edits)}
          onNext={() => setStep('confirm')}
          {...(type === 'deals'
            ? {
                duplicates: {
                  on: duplicates,
                  onChange: (on: boolean) => {
                    setDuplicates(on);
                    void check(edits, on);
                  },
                },
              }
            : {})}
        />
      ) : null}
      {step === 'confirm' && dry ? (
        <ConfirmStep
          create={dry.counts.create}
          update={dry.counts.update}
          canReassign={props.canReassign}
          ownerId={ownerId}
          running={running}
          onOwner={setOwnerId}
          onStart={() => void start()}
          onCancel={() => void cancel()}
        />
      ) : null}
      {step === 'done' && result ? (
        <SummaryStep
          result={result}
          undone={undone}
          busy={busy}
          onUndo={() => void undo()}
          onReport={report}
          onClose={props.onClose}
        />
      ) : null}
      {(step === 'mapping' || step === 'check' || step === 'confirm') && !running ? (
        <Button variant="subtle" w="fit-content" onClick={() => setStep(previous(step))}>
          {t('importer.back')}
        </Button>
      ) : null}
    </Stack>
  );

  function failureText(failure: CallError): string {
    const reason = failure.details?.['reason'];
    const known = importMessages[locale].failure;
    if (typeof reason === 'string' && reason in known) return known[reason as keyof typeof known];
    return errorText(t, failure);
  }
}

function previous(step: WizardStep): WizardStep {
  return WIZARD_STEPS[Math.max(0, WIZARD_STEPS.indexOf(step) - 1)] ?? 'file';
}
