/**
 * The lists' "date created" filter (issue 18, point 6): a period relative to today, or custom days
 * (from / to, inclusive) when "custom" is chosen. Words: `views.*`; the period becomes instants in
 * ./created-range.ts when the list asks main.
 */
import { Select, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { CREATED_PERIODS, type CreatedFilter } from './created-range';

/** The period select and, for a custom period, its two day fields. */
export function CreatedPeriodFilter(props: {
  value: CreatedFilter;
  onChange: (next: CreatedFilter) => void;
}) {
  const { value, onChange } = props;
  const { t } = useTranslation();
  const setPeriod = (picked: string | null) => {
    const period = CREATED_PERIODS.find(p => p === picked);
    if (period) onChange({ ...value, period });
  };
  const setDay = (key: 'from' | 'to', day: string) => onChange({ ...value, [key]: day });
  return (
    <>
      <Select
        label={t('views.created')}
        data={CREATED_PERIODS.map(period => ({
          value: period,
          label: t(`views.periods.${period}`),
        }))}
        value={value.period}
        onChange={setPeriod}
        allowDeselect={false}
        w={170}
      />
      {value.period === 'custom' ? (
        <>
          <TextInput
            type="date"
            label={t('views.createdFrom')}
            value={value.from}
            onChange={event => setDay('from', event.currentTarget.value)}
            w={160}
          />
          <TextInput
            type="date"
            label={t('views.createdTo')}
            value={value.to}
            onChange={event => setDay('to', event.currentTarget.value)}
            w={160}
          />
        </>
      ) : null}
    </>
  );
}
