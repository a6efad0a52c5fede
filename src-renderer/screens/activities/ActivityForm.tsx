/**
 * The activity form. On a record's timeline it logs a new entry (kind, subject, details, when; a
 * task also gets a due time and a reminder; a call or meeting its facts and a next step). Without a
 * record it logs a standalone task. The input is checked with the channel's own schema first. Given a saved `activity` it edits it: pre-filled, the kind fixed
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
import type { LoggedActivity } from '../../../src-shared/ipc/activities';
import { useApi } from '../../app/api';
import { DateTimeField } from '../../components/dates/DateFields';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDateTime } from '../contacts/format';
import { ActivityErrorAlert } from './ActivityErrorAlert';
import { CallFactsFields, NextStepFields } from './CallFactsFields';
import {
  draftOf,
  patchOf,
  REMINDERS,
  type ActivityDraft,
  type DraftProblem,
  type ReminderChoice,
} from './edit';
import { localInputValue } from './format';
import { logInput, newFacts, newNextStep, type FactsDraft, type NextStepDraft } from './log-input';

/**
 * A new entry on the timeline of record `id` (no record: a standalone task); `onSaved` runs after
 * the save with what was logged (the timeline reloads).
 */
interface CreateProps {
  entity?: TimelineEntity;
  id?: string;
  onSaved: (logged: LoggedActivity) => void;
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

function newDraft(now: Date): ActivityDraft {
  const due = localInputValue(new Date(now.getTime() + 24 * 3600_000));
  return { subject: '', body: '', occurred: localInputValue(now), due, reminder: 'm15' };
}

/** Problems shown from the plan's words (the rest are under `activities.form`). */
const PLAN_PROBLEMS = new Set<DraftProblem>([
  'durationInvalid',
  'nextSubjectRequired',
  'nextDueRequired',
  'nextRemindLate',
  'invalid',
]);

/** The form: logs a new entry (`entity` + `id`) or edits a saved `activity`. */
export function ActivityForm(props: CreateProps | EditProps) {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const editing = 'activity' in props ? props : null;
  const creating = 'activity' in props ? null : props;
  const standalone = creating !== null && (creating.entity === undefined || !creating.id);
  const [kind, setKind] = useState<ActivityKind>(
    editing?.activity.kind ?? (standalone ? 'task' : 'call'),
  );
  const [draft, setDraft] = useState<ActivityDraft>(() =>
    editing ? draftOf(editing.activity) : newDraft(new Date()),
  );
  const [facts, setFacts] = useState<FactsDraft>(newFacts);
  const [next, setNext] = useState<NextStepDraft>(() => newNextStep(new Date()));
  const [problem, setProblem] = useState<DraftProblem | null>(null);
  const [error, setError] = useState<CallError | null>(null);
  const [busy, setBusy] = useState(false);
  const change = (part: Partial<ActivityDraft>) => setDraft(old => ({ ...old, ...part }));

  async function create(created: CreateProps) {
    const link =
      created.entity !== undefined && created.id
        ? { entity: created.entity, id: created.id }
        : null;
    const outcome = logInput({ kind, draft, facts, next, link });
    if ('problem' in outcome) return setProblem(outcome.problem);
    setProblem(null);
    setBusy(true);
    const result = await api.activities.create({ activity: outcome.input });
    setBusy(false);
    if (!result.ok) return setError(result.error);
    setError(null);
    change({ subject: '', body: '', occurred: localInputValue(new Date()) });
    setFacts(newFacts());
    setNext(newNextStep(new Date()));
    created.onSaved(result.value);
  }

  function chooseOutcome(outcome: FactsDraft['outcome']) {
    setFacts(old => ({ ...old, outcome }));
    if (outcome === 'call_back' && !next.on) {
      setNext(old => ({
        ...old,
        on: true,
        subject: old.subject || t('activities.plan.next.callBack'),
      }));
    }
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
    if (creating) return create(creating);
  }

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      void save();
    }
  };
  const fieldProblem = (...keys: DraftProblem[]) =>
    problem !== null && keys.includes(problem)
      ? t(
          PLAN_PROBLEMS.has(problem)
            ? `activities.plan.problems.${problem}`
            : `activities.form.${problem}`,
        )
      : null;
  const withFacts = !editing && (kind === 'call' || kind === 'meeting');
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
        {editing || standalone ? (
          <Input.Wrapper
            label={t('activities.form.kind')}
            description={editing ? t('activities.edit.kindFixed') : undefined}
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
        {editing || kind !== 'task' ? (
          <DateTimeField
            label={t(editing ? 'activities.edit.occurredAt' : 'activities.plan.facts.occurredAt')}
            value={draft.occurred}
            error={fieldProblem('occurredRequired')}
            onChange={occurred => change({ occurred })}
          />
        ) : null}
        {withFacts ? (
          <>
            <CallFactsFields
              kind={kind}
              facts={facts}
              onChange={part => setFacts(old => ({ ...old, ...part }))}
              onOutcome={chooseOutcome}
              durationError={fieldProblem('durationInvalid')}
            />
            <NextStepFields
              next={next}
              onChange={part => setNext(old => ({ ...old, ...part }))}
              errors={{
                subject: fieldProblem('nextSubjectRequired'),
                due: fieldProblem('nextDueRequired'),
                reminder: fieldProblem('nextRemindLate'),
              }}
            />
          </>
        ) : null}
        {kind === 'task' ? (
          <Group grow align="flex-start">
            <DateTimeField
              label={t('activities.form.dueAt')}
              value={draft.due}
              error={fieldProblem('dueRequired')}
              onChange={due => change({ due })}
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
          <>
            <ErrorAlert error={error} />
            {problem === 'invalid' ? (
              <Text c="red.8" size="sm" role="alert">
                {t('activities.plan.problems.invalid')}
              </Text>
            ) : null}
          </>
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
