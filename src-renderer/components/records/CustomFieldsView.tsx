/**
 * A record's custom field values on its detail page: label and value for each field that has one
 * (an archived field's kept value too), nothing when none has. Reloads when the record changes.
 */
import { Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CustomField, CustomRecordType, CustomValue } from '../../../src-shared/custom-fields';
import { useApi } from '../../app/api';
import { useLoaded } from '../useLoaded';
import { useEffect } from 'react';

/** The value as the reader's language writes it. */
export function customValueText(
  field: CustomField,
  value: CustomValue,
  t: (key: string) => string,
  language: string,
): string {
  if (typeof value === 'boolean') return t(value ? 'customFields.yes' : 'customFields.no');
  if (field.kind === 'number' && typeof value === 'number') {
    return formatters(language).number.format(value);
  }
  if (field.kind === 'date' && typeof value === 'string') {
    return formatters(language).date.format(new Date(`${value}T00:00:00Z`));
  }
  return String(value);
}

const FORMATTERS = new Map<string, { number: Intl.NumberFormat; date: Intl.DateTimeFormat }>();

/** One pair of Intl formatters per language: making one costs far more than formatting with it. */
function formatters(language: string) {
  let pair = FORMATTERS.get(language);
  if (!pair) {
    const locale = language === 'uk' ? 'uk-UA' : 'en-GB';
    pair = {
      number: new Intl.NumberFormat(locale),
      date: new Intl.DateTimeFormat(locale, {
        timeZone: 'UTC',
        day: 'numeric',
        month: 'long',
        year: 'numeric',
      }),
    };
    FORMATTERS.set(language, pair);
  }
  return pair;
}

/** The block; `updatedAt` reloads it after an edit. */
export function CustomFieldsView(props: {
  recordType: CustomRecordType;
  id: string;
  updatedAt: string;
}) {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const { recordType, id } = props;
  const loaded = useLoaded(() => api.fields.values({ recordType, id }));
  const { reload } = loaded;
  useEffect(() => reload(), [reload, props.updatedAt]);
  const data = loaded.value;
  if (!data) return null;
  const shown = data.fields.filter(f => data.values[f.id] !== undefined);
  if (shown.length === 0) return null;
  return (
    <Paper withBorder radius="md" p="md" data-testid="custom-fields">
      <Title order={2} size="h4" mb="sm">
        {t('customFields.section')}
      </Title>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        {shown.map(field => {
          const value = data.values[field.id];
          return (
            <Stack gap={0} key={field.id}>
              <Text size="sm" c="dimmed">
                {field.label}
              </Text>
              <Text>
                {value === undefined ? '' : customValueText(field, value, t, i18n.language)}
              </Text>
            </Stack>
          );
        })}
      </SimpleGrid>
    </Paper>
  );
}
