/**
 * The facts of a call or meeting in the activity form (when it happened, direction — calls only —,
 * duration, outcome) and its next step: a task created with the entry in the same save. Choosing
 * "Call back" turns the next step on with a ready subject.
 */
import {
  Checkbox,
  Group,
  NumberInput,
  SegmentedControl,
  Select,
  Stack,
  TextInput,
  Input,
} from '@mantine/core';
import { useTranslation } from 'react-i18next';
import {
  CALL_DIRECTIONS,
  CALL_OUTCOMES,
  MAX_DURATION_MINUTES,
  type ActivityKind,
  type CallDirection,
  type CallOutcome,
} from '../../../src-shared/activities';
import { DateTimeField } from '../../components/dates/DateFields';
import { REMINDERS, type Reminder } from './edit';
import type { FactsDraft, NextStepDraft } from './log-input';

const NONE = '';

/** Direction, duration and outcome of `kind` (call or meeting). */
export function CallFactsFields(props: {
  kind: ActivityKind;
  facts: FactsDraft;
  onChange: (facts: Partial<FactsDraft>) => void;
  onOutcome: (outcome: CallOutcome | null) => void;
  durationError: string | null;
}) {
  const { t } = useTranslation();
  const { facts } = props;
  return (
    <Group grow align="flex-start">
      {props.kind === 'call' ? (
        <Input.Wrapper label={t('activities.plan.facts.direction')}>
          <SegmentedControl
            fullWidth
            aria-label={t('activities.plan.facts.direction')}
            value={facts.direction ?? NONE}
            onChange={value =>
              props.onChange({ direction: value === NONE ? null : (value as CallDirection) })
            }
            data={[
              { value: NONE, label: '—' },
              ...CALL_DIRECTIONS.map(d => ({
                value: d,
                label: t(`activities.plan.facts.directions.${d}`),
              })),
            ]}
          />
        </Input.Wrapper>
      ) : null}
      <NumberInput
        label={t('activities.plan.facts.duration')}
        description={t('activities.plan.facts.durationHint')}
        min={0}
        max={MAX_DURATION_MINUTES}
        allowDecimal={false}
        allowNegative={false}
        value={facts.duration}
        error={props.durationError}
        onChange={value => props.onChange({ duration: String(value) })}
      />
      <Select
        label={t('activities.plan.facts.outcome')}
        placeholder={t('activities.plan.facts.outcomePlaceholder')}
        clearable
        value={facts.outcome}
        onChange={value => props.onOutcome(value === null ? null : (value as CallOutcome))}
        data={CALL_OUTCOMES.map(o => ({
          value: o,
          label: t(`activities.plan.facts.outcomes.${o}`),
        }))}
      />
    </Group>
  );
}

/** The next step: off, or a task's subject, due time and reminder. */
export function NextStepFields(props: {
  next: NextStepDraft;
  onChange: (next: Partial<NextStepDraft>) => void;
  errors: { subject: string | null; due: string | null; reminder: string | null };
}) {
  const { t } = useTranslation();
  const { next } = props;
  return (
    <Stack gap="xs">
      <Checkbox
        label={t('activities.plan.next.on')}
        checked={next.on}
        onChange={event => props.onChange({ on: event.currentTarget.checked })}
      />
      {next.on ? (
        <Group grow align="flex-start">
          <TextInput
            label={t('activities.plan.next.subject')}
            placeholder={t('activities.plan.next.subjectPlaceholder')}
            value={next.subject}
            maxLength={200}
            error={props.errors.subject}
            onChange={event => props.onChange({ subject: event.currentTarget.value })}
          />
          <DateTimeField
            label={t('activities.plan.next.dueAt')}
            value={next.due}
            error={props.errors.due}
            onChange={due => props.onChange({ due })}
          />
          <Select
            label={t('activities.form.remind')}
            value={next.reminder}
            allowDeselect={false}
            error={props.errors.reminder}
            onChange={value => props.onChange({ reminder: (value ?? 'none') as Reminder })}
            data={(Object.keys(REMINDERS) as Reminder[]).map(r => ({
              value: r,
              label: t(`activities.form.reminders.${r}`),
            }))}
          />
        </Group>
      ) : null}
    </Stack>
  );
}
