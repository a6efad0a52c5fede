/**
 * Quick-add form for a record's timeline: kind, subject, details; a task also gets a due time and a
 * reminder. Ctrl+Enter (Cmd+Enter) saves from any field. The main process checks everything again.
 */
import {
  Button,
  Group,
  Paper,
  SegmentedControl,
  Select,
  Stack,
  Textarea,
  TextInput,
  Tooltip,
} from '@mantine/core';
import { useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  ACTIVITY_KINDS,
  type ActivityKind,
  type TimelineEntity,
} from '../../../src-shared/activities';
import type { CallError } from '../../../src-shared/ipc/contract';
import { useApi } from '../../app/api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { localInputToIso, localInputValue } from './format';

/** Minutes before the due time for each reminder choice (null: none). */
const REMINDERS = { none: null, at: 0, m15: 15, h1: 60, d1: 24 * 60 } as const;
type Reminder = keyof typeof REMINDERS;

/** The input field naming the record the activity belongs to. */
function recordLink(entity: TimelineEntity, id: string) {
  if (entity === 'contact') return { contactId: id };
  if (entity === 'company') return { companyId: id };
  return { dealId: id };
}

/** The form; `onSaved` runs after a successful save (the timeline reloads). */
export function ActivityForm(props: { entity: TimelineEntity; id: string; onSaved: () => void }) {
  const { t } = useTranslation();
  const api = useApi();
  const [kind, setKind] = useState<ActivityKind>('call');
  const [subject, setSubject] = useState('');
  const [body, setBody] = useState('');
  const [due, setDue] = useState(() => localInputValue(new Date(Date.now() + 24 * 3600_000)));
  const [reminder, setReminder] = useState<Reminder>('m15');
  const [problem, setProblem] = useState<string | null>(null);
  const [error, setError] = useState<CallError | null>(null);
  const [busy, setBusy] = useState(false);

  async function save() {
    if (busy) return;
    if (subject.trim() === '') return setProblem(t('activities.form.subjectRequired'));
    const dueAt = kind === 'task' ? localInputToIso(due) : null;
    if (kind === 'task' && dueAt === null) return setProblem(t('activities.form.dueRequired'));
    setProblem(null);
    const before = REMINDERS[reminder];
    const remindAt =
      dueAt !== null && before !== null
        ? new Date(Date.parse(dueAt) - before * 60_000).toISOString()
        : undefined;
    setBusy(true);
    const result = await api.activities.create({
      activity: {
        kind,
        subject: subject.trim(),
        ...(body.trim() ? { body: body.trim() } : {}),
        ...(dueAt !== null ? { dueAt } : {}),
        ...(remindAt !== undefined ? { remindAt } : {}),
        ...recordLink(props.entity, props.id),
      },
    });
    setBusy(false);
    if (!result.ok) return setError(result.error);
    setError(null);
    setSubject('');
    setBody('');
    props.onSaved();
  }

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      void save();
    }
  };

  return (
    <Paper
      withBorder
      radius="md"
      p="md"
      component="form"
      aria-label={t('activities.form.label')}
      onSubmit={event => {
        event.preventDefault();
        void save();
      }}
      onKeyDown={onKeyDown}
    >
      <Stack gap="sm">
        <SegmentedControl
          aria-label={t('activities.form.kind')}
          value={kind}
          onChange={value => setKind(value as ActivityKind)}
          data={ACTIVITY_KINDS.map(k => ({ value: k, label: t(`activities.kinds.${k}`) }))}
        />
        <TextInput
          label={t('activities.form.subject')}
          placeholder={t('activities.form.subjectPlaceholder')}
          value={subject}
          maxLength={200}
          error={problem}
          onChange={event => setSubject(event.currentTarget.value)}
        />
        <Textarea
          label={t('activities.form.body')}
          value={body}
          autosize
          minRows={2}
          maxLength={10_000}
          onChange={event => setBody(event.currentTarget.value)}
        />
        {kind === 'task' ? (
          <Group grow align="flex-start">
            <TextInput
              type="datetime-local"
              label={t('activities.form.dueAt')}
              value={due}
              onChange={event => setDue(event.currentTarget.value)}
            />
            <Select
              label={t('activities.form.remind')}
              value={reminder}
              allowDeselect={false}
              onChange={value => setReminder((value ?? 'none') as Reminder)}
              data={(Object.keys(REMINDERS) as Reminder[]).map(r => ({
                value: r,
                label: t(`activities.form.reminders.${r}`),
              }))}
            />
          </Group>
        ) : null}
        <ErrorAlert error={error} />
        <Group justify="flex-end">
          <Tooltip label={t('activities.form.saveHint')} withArrow>
            <Button type="submit" loading={busy}>
              {t('activities.form.save')}
            </Button>
          </Tooltip>
        </Group>
      </Stack>
    </Paper>
  );
}
