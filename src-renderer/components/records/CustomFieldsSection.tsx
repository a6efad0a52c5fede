/**
 * The «Додаткові поля» section of a record form: one input per live custom field of the record
 * type, by kind (text, number, date, a list of choices, yes/no). Nothing when the office has none.
 */
import { NativeSelect, SimpleGrid, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { CUSTOM_FIELD_LIMITS, type CustomField } from '../../../src-shared/custom-fields';
import { DateField } from '../dates/DateFields';
import { FormSection } from './RecordForm';
import type { CustomFieldsState } from './use-custom-fields';

/** The section; `tried` shows every message (a save was tried). */
export function CustomFieldsSection(props: { custom: CustomFieldsState; tried: boolean }) {
  const { t } = useTranslation();
  const { custom } = props;
  if (custom.fields.length === 0) return null;
  return (
    <FormSection title={t('customFields.section')}>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        {custom.fields.map(field => (
          <CustomInput key={field.id} field={field} custom={custom} tried={props.tried} />
        ))}
      </SimpleGrid>
    </FormSection>
  );
}

function CustomInput(props: { field: CustomField; custom: CustomFieldsState; tried: boolean }) {
  const { t } = useTranslation();
  const { field, custom } = props;
  const code = custom.codeOf(field.id, props.tried);
  const common = {
    label: field.label,
    error: code ? t(code) : undefined,
    onBlur: () => custom.touch(field.id),
  };
  const value = custom.draft[field.id] ?? null;
  switch (field.kind) {
    case 'choice':
      return (
        <NativeSelect
          {...common}
          data={[{ value: '', label: t('customFields.none') }, ...field.options]}
          value={typeof value === 'string' ? value : ''}
          onChange={e => custom.set(field.id, e.currentTarget.value)}
        />
      );
    case 'yesno':
      return (
        <NativeSelect
          {...common}
          data={[
            { value: '', label: t('customFields.none') },
            { value: 'yes', label: t('customFields.yes') },
            { value: 'no', label: t('customFields.no') },
          ]}
          value={value === true ? 'yes' : value === false ? 'no' : ''}
          onChange={e => {
            const v = e.currentTarget.value;
            custom.set(field.id, v === 'yes' ? true : v === 'no' ? false : null);
          }}
        />
      );
    case 'date':
      return (
        <DateField
          {...common}
          value={typeof value === 'string' ? value : ''}
          onChange={day => custom.set(field.id, day)}
        />
      );
    default:
      return (
        <TextInput
          {...common}
          inputMode={field.kind === 'number' ? 'decimal' : undefined}
          maxLength={CUSTOM_FIELD_LIMITS.text * 2}
          value={typeof value === 'string' ? value : ''}
          onChange={e => custom.set(field.id, e.currentTarget.value)}
        />
      );
  }
}
