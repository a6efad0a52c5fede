/**
 * The frame of a record's create/edit form: the title, the conflict notice with its reload, the
 * call's error, the record type's sections, "fix the marked fields", and Cancel / Save with their
 * keyboard hints. Words: `<ns>.form.*`. State comes from {@link useRecordForm}.
 */
import { Alert, Button, Group, Paper, Stack, Textarea, Title, Tooltip } from '@mantine/core';
import { useEffect, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { BusyButton } from '../BusyButton';
import { ErrorAlert } from '../ErrorAlert';
import type { RecordFormState, TextFieldProps } from './use-record-form';

/** The form element and everything around the sections. */
export function RecordForm(props: {
  ns: string;
  form: RecordFormState;
  children: ReactNode;
  /** The heading instead of `<ns>.form.newTitle` / `editTitle` (a deal shows its own title). */
  title?: string;
}) {
  const { ns, form } = props;
  const { t } = useTranslation();
  const formRef = useRef<HTMLFormElement>(null);
  // A refused save brings the first marked field into view and puts the cursor there.
  useEffect(() => {
    if (form.refusals === 0) return;
    const field = formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]');
    field?.scrollIntoView({ block: 'center' });
    field?.focus();
  }, [form.refusals]);
  return (
    <form
      ref={formRef}
      onSubmit={event => {
        event.preventDefault();
        void form.save();
      }}
      onKeyDown={form.onKeyDown}
      noValidate
    >
      <Stack gap="lg" maw={960}>
        <Title order={1}>
          {props.title ?? t(form.base ? `${ns}.form.editTitle` : `${ns}.form.newTitle`)}
        </Title>
        {form.conflict ? (
          <Alert color="orange" variant="light" role="alert">
            <Group justify="space-between">
              <span>{t(`${ns}.form.conflict`)}</span>
              <Button size="xs" variant="white" onClick={() => void form.reload()}>
                {t(`${ns}.form.reload`)}
              </Button>
            </Group>
          </Alert>
        ) : null}
        {form.restored ? (
          <Alert color="blue" variant="light" data-testid="draft-restored">
            <Group justify="space-between">
              <span>{t(`${ns}.form.draftRestored`)}</span>
              <Button size="xs" variant="default" onClick={form.discardDraft}>
                {t(`${ns}.form.discardDraft`)}
              </Button>
            </Group>
          </Alert>
        ) : null}
        <ErrorAlert error={form.error} />
        {props.children}
        {form.tried && !form.check.ok ? (
          <Alert color="red" variant="light">
            {t(`${ns}.form.fixErrors`)}
          </Alert>
        ) : null}
        <Group justify="flex-end">
          <Tooltip label={t(`${ns}.form.cancelHint`)} withArrow>
            <Button variant="default" onClick={form.cancel}>
              {t(`${ns}.form.cancel`)}
            </Button>
          </Tooltip>
          <Tooltip label={t(`${ns}.form.saveHint`)} withArrow>
            <BusyButton type="submit" busy={form.saving} busyLabel={t(`${ns}.form.saving`)}>
              {t(`${ns}.form.save`)}
            </BusyButton>
          </Tooltip>
        </Group>
      </Stack>
    </form>
  );
}

/** One titled group of fields (a fieldset with its legend). */
export function FormSection({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Paper withBorder radius="md" p="md" component="fieldset" style={{ margin: 0 }}>
      <Title order={2} size="h4" mb="sm" component="legend">
        {title}
      </Title>
      <Stack gap="sm">{children}</Stack>
    </Paper>
  );
}

/** A record's free-text notes: a textarea that grows from 3 to 12 rows. */
export function NotesField(props: TextFieldProps) {
  return <Textarea {...props} autosize minRows={3} maxRows={12} />;
}
