/**
 * The activity form. On a record's timeline it logs a new entry (kind, subject, details; a task also
 * gets a due time and a reminder). Given a saved `activity` it edits it: pre-filled, the kind fixed
 * (the contract does not change it), "When" editable, and only changed fields sent with the
 * `updatedAt` it was opened at. Ctrl+Enter (Cmd+Enter) saves from any field. Main checks it all again.
 */
import {
  Button,
  Group,
  Input,
  Paper,
  SegmentedControl,
  Select,
  Stack,
  Text,
  Textarea,
  TextInput,
  Tooltip,
} from '@mantine/core';
import { useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  ACTIVITY_KINDS,
  type Activity,
  type ActivityKind,
  type TimelineEntity,
} from '../../../src-shared/activities';
import type { CallError } from '../../../src-shared/ipc/contract';
import { useApi } from '../../app/api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDateTime } from '../contacts/format';
import { ActivityErrorAlert } from './ActivityErrorAlert';
import {
  draftOf,
  patchOf,
  REMINDERS,
  remindAtFor,
  type ActivityDraft,
  type DraftProblem,
  type ReminderChoice,
} from './edit';
import { localInputToIso, localInputValue } from './format';

/** A new entry on the timeline of record `id`; `onSaved` runs after the save (the timeline reloads). */
interface CreateProps {
  entity: TimelineEntity;
  id: string;
  onSaved: () => void;
}

/** An edit of `activity`; `onGone` when main answers that it no longer reaches it. */
interface EditProps {
  activity: Activity;
  onSaved: (activity: Activity) => void;
  onCancel: () => void;
  /** Opens the fresh version after a `conflict`. */
  onReload: () => void;
  onGone: () => void;
}

/** The input field naming the record the activity belongs to. */
function recordLink(entity: TimelineEntity, id: string) {
  if (entity === 'contact') return { contactId: id };
  if (entity === 'company') return { companyId: id };
  return { dealId: id };
}

function newDraft(): ActivityDraft {
  const due = localInputValue(new Date(Date.now() + 24 * 3600_000));
  return { subject: '', body: '', occurred: '', due, reminder: 'm15' };
}

/** The form: logs a new entry (`entity` + `id`) or edits a saved `activity`. */
export function ActivityForm(props: CreateProps | EditProps) {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const editing = 'activity' in props ? props : null;
  const [kind, setKind] = useState<ActivityKind>(editing?.activity.kind ?? 'call');
  const [draft, setDraft] = useState<ActivityDraft>(() =>
    editing ? draftOf(editing.activity) : newDraft(),
  );
  const [problem, setProblem] = useState<DraftProblem | null>(null);
  const [error, setError] = useState<CallError | null>(null);
  const [busy, setBusy] = useState(false);
  const change = (part: Partial<ActivityDraft>) => setDraft(old => ({ ...old, ...part }));

  async function create(entity: TimelineEntity, id: string, onSaved: () => void) {
    const dueAt = kind === 'task' ? localInputToIso(draft.due) : null;
    if (kind === 'task' && dueAt === null) return setProblem('dueRequired');
    setProblem(null);
    const remindAt = remindAtFor(dueAt, draft.reminder, null);
    setBusy(true);
    const result = await api.activities.create({
      activity: {
        kind,
        subject: draft.subject.trim(),
        ...(draft.body.trim() ? { body: draft.body.trim() } : {}),
        ...(dueAt !== null ? { dueAt } : {}),
        ...(remindAt !== null ? { remindAt } : {}),
        ...recordLink(entity, id),
      },
    });
    setBusy(false);
    if (!result.ok) return setError(result.error);
    setError(null);
    change({ subject: '', body: '' });
    onSaved();
  }

  async function update(edit: EditProps) {
    const outcome = patchOf(edit.activity, draft);
    if ('problem' in outcome) return setProblem(outcome.problem);
    setProblem(null);
    if (outcome.patch === null) return edit.onSaved(edit.activity);
    setBusy(true);
    const result = await api.activities.update({
      id: edit.activity.id,
      patch: outcome.patch,
      expectedUpdatedAt: edit.activity.updatedAt,
    });
    setBusy(false);
    if (!result.ok) {
      setError(result.error);
      if (result.error.code === 'not_found') edit.onGone();
      return;
    }
    edit.onSaved(result.value);
  }

  async function save() {
    if (busy) return;
    if (draft.subject.trim() === '') return setProblem('subjectRequired');
    if (editing) return update(editing);
    const created = props as CreateProps;
    return create(created.entity, created.id, created.onSaved);
  }

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      void save();
    }
  };
  const fieldProblem = (...keys: DraftProblem[]) =>
    problem !== null && keys.includes(problem) ? t(`activities.form.${problem}`) : null;
  const reminders: ReminderChoice[] = [
    ...(draft.reminder === 'keep' ? (['keep'] as const) : []),
    ...(Object.keys(REMINDERS) as ReminderChoice[]),
  ];
  const savedRemindAt = editing?.activity.remindAt ?? null;

  return (
    <Paper
      withBorder={!editing}
      radius="md"
      p={editing ? 0 : 'md'}
      component="form"
      aria-label={editing ? t('activities.edit.title') : t('activities.form.label')}
      onSubmit={event => {
        event.preventDefault();
        void save();
      }}
      onKeyDown={onKeyDown}
    >
      <Stack gap="sm">
        {editing ? (
          <Input.Wrapper
            label={t('activities.form.kind')}
            description={t('activities.edit.kindFixed')}
          >
            <Text fw={500}>{t(`activities.kinds.${kind}`)}</Text>
          </Input.Wrapper>
        ) : (
          <SegmentedControl
            aria-label={t('activities.form.kind')}
            value={kind}
            onChange={value => setKind(value as ActivityKind)}
            data={ACTIVITY_KINDS.map(k => ({ value: k, label: t(`activities.kinds.${k}`) }))}
          />
        )}
        <TextInput
          label={t('activities.form.subject')}
          placeholder={t(
            kind === 'task'
              ? 'activities.form.taskSubjectPlaceholder'
              : 'activities.form.subjectPlaceholder',
          )}
          value={draft.subject}
          maxLength={200}
          error={fieldProblem('subjectRequired')}
          data-autofocus={editing ? true : undefined}
          onChange={event => change({ subject: event.currentTarget.value })}
        />
        <Textarea
          label={t('activities.form.body')}
          value={draft.body}
          autosize
          minRows={2}
          maxLength={10_000}
          onChange={event => change({ body: event.currentTarget.value })}
        />
        {editing ? (
          <TextInput
            type="datetime-local"
            label={t('activities.edit.occurredAt')}
            value={draft.occurred}
            error={fieldProblem('occurredRequired')}
            onChange={event => change({ occurred: event.currentTarget.value })}
          />
        ) : null}
        {kind === 'task' ? (
          <Group grow align="flex-start">
            <TextInput
              type="datetime-local"
              label={t('activities.form.dueAt')}
              value={draft.due}
              error={fieldProblem('dueRequired')}
              onChange={event => change({ due: event.currentTarget.value })}
            />
            <Select
              label={t('activities.form.remind')}
              value={draft.reminder}
              allowDeselect={false}
              error={fieldProblem('remindLate')}
              onChange={value => change({ reminder: (value ?? 'none') as ReminderChoice })}
              data={reminders.map(r => ({
                value: r,
                label:
                  r === 'keep'
                    ? t('activities.edit.keep', {
                        when: formatDateTime(savedRemindAt ?? '', i18n.language),
                      })
                    : t(`activities.form.reminders.${r}`),
              }))}
            />
          </Group>
        ) : null}
        {editing ? (
          <ActivityErrorAlert error={error}>
            {error?.code === 'conflict' ? (
              <Group mt="xs">
                <Button size="xs" variant="default" onClick={editing.onReload}>
                  {t('activities.edit.reload')}
                </Button>
              </Group>
            ) : null}
          </ActivityErrorAlert>
        ) : (
          <ErrorAlert error={error} />
        )}
        <Group justify="flex-end">
          {editing ? (
            <Tooltip label={t('activities.edit.cancelHint')} withArrow>
              <Button variant="default" onClick={editing.onCancel}>
                {t('activities.edit.cancel')}
              </Button>
            </Tooltip>
          ) : null}
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
