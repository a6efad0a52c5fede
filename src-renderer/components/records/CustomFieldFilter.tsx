/**
 * One filter control per live custom field of a record type, for a list's toolbar: a choice or
 * yes/no picks one value, a text field "contains", a number or a date takes a from/to range. The
 * conditions go to the list channel as `filter.custom` (src-main/crm/custom-fields/filter.ts).
 * Text and numbers apply when the box is left (or Enter), choices and dates at once.
 */
import { NativeSelect, TextInput } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type {
  CustomField,
  CustomFilterCondition,
  CustomRecordType,
} from '../../../src-shared/custom-fields';
import { useApi } from '../../app/api';

type Conditions = readonly CustomFilterCondition[];

/** `conditions` with field `id`'s condition replaced (`next` null: removed). */
function withCondition(
  conditions: Conditions,
  id: string,
  next: CustomFilterCondition | null,
): CustomFilterCondition[] {
  const others = conditions.filter(c => c.fieldId !== id);
  return next ? [...others, next] : others;
}

/** The filter controls; nothing when the record type has no live fields. */
export function CustomFieldFilter(props: {
  recordType: CustomRecordType;
  value: Conditions;
  onChange: (next: CustomFilterCondition[]) => void;
}) {
  const api = useApi();
  const [fields, setFields] = useState<CustomField[]>([]);
  useEffect(() => {
    let live = true;
    void api.fields.list({ recordType: props.recordType }).then(result => {
      if (live && result.ok) setFields(result.value);
    });
    return () => {
      live = false;
    };
  }, [api, props.recordType]);
  return (
    <>
      {fields.map(field => (
        <FieldControl
          key={field.id}
          field={field}
          condition={props.value.find(c => c.fieldId === field.id)}
          set={next => props.onChange(withCondition(props.value, field.id, next))}
        />
      ))}
    </>
  );
}

function FieldControl(props: {
  field: CustomField;
  condition: CustomFilterCondition | undefined;
  set: (next: CustomFilterCondition | null) => void;
}) {
  const { t } = useTranslation();
  const { field, condition, set } = props;
  const fieldId = field.id;
  const label = { label: field.label };
  if (field.kind === 'choice' || field.kind === 'yesno') {
    const data =
      field.kind === 'choice'
        ? field.options
        : [
            { value: 'yes', label: t('customFields.yes') },
            { value: 'no', label: t('customFields.no') },
          ];
    const equals = condition?.equals;
    const value =
      equals === undefined ? '' : typeof equals === 'boolean' ? (equals ? 'yes' : 'no') : equals;
    return (
      <NativeSelect
        label={field.label}
        data={[{ value: '', label: t('customFields.any') }, ...data]}
        value={value}
        onChange={e => {
          const v = e.currentTarget.value;
          if (v === '') return set(null);
          set({ fieldId, equals: field.kind === 'yesno' ? v === 'yes' : v });
        }}
        w={180}
      />
    );
  }
  if (field.kind === 'text') {
    return (
      <CommitInput
        label={t('customFields.filter.contains', label)}
        stored={typeof condition?.equals === 'string' ? condition.equals : ''}
        commit={v => set(v.trim() === '' ? null : { fieldId, equals: v.trim() })}
      />
    );
  }
  const isDate = field.kind === 'date';
  const read = (v: string): number | string | undefined => {
    if (v.trim() === '') return undefined;
    if (isDate) return v;
    const n = Number(v.replace(',', '.'));
    return Number.isFinite(n) ? n : undefined;
  };
  const range = (min: number | string | undefined, max: number | string | undefined) =>
    set(
      min === undefined && max === undefined
        ? null
        : {
            fieldId,
            ...(min === undefined ? {} : { min }),
            ...(max === undefined ? {} : { max }),
          },
    );
  return (
    <>
      {(['min', 'max'] as const).map(end => (
        <CommitInput
          key={end}
          type={isDate ? 'date' : 'text'}
          label={t(end === 'min' ? 'customFields.filter.from' : 'customFields.filter.to', label)}
          stored={condition?.[end] === undefined ? '' : String(condition[end])}
          instant={isDate}
          commit={v =>
            end === 'min' ? range(read(v), condition?.max) : range(condition?.min, read(v))
          }
        />
      ))}
    </>
  );
}

/** A box whose value applies when left or on Enter (at once with `instant`: dates). */
function CommitInput(props: {
  label: string;
  stored: string;
  commit: (value: string) => void;
  type?: 'text' | 'date';
  instant?: boolean;
}) {
  const [text, setText] = useState(props.stored);
  useEffect(() => setText(props.stored), [props.stored]);
  const commit = (v: string) => {
    if (v !== props.stored) props.commit(v);
  };
  return (
    <TextInput
      label={props.label}
      type={props.type ?? 'text'}
      value={text}
      onChange={e => {
        const v = e.currentTarget.value;
        setText(v);
        if (props.instant) commit(v);
      }}
      onBlur={() => commit(text)}
      onKeyDown={e => {
        if (e.key === 'Enter') commit(text);
      }}
      w={props.type === 'date' ? 170 : 150}
    />
  );
}
