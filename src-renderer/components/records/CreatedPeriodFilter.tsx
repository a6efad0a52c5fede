/**
 * The lists' "date created" filter (issue 18, point 6): a period relative to today, or custom days
 * (from / to, inclusive) when "custom" is chosen. The deal list's "date closed" uses it too.
 * Words: `views.*`; the days are the app's date fields (calendar in the app's language, not the
 * browser's native picker); the period becomes instants in ./created-range.ts when the list asks main.
 */
import { Select } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { DateField } from '../dates/DateFields';
import { CREATED_PERIODS, type CreatedFilter } from './created-range';

/** The field labels of a date filter other than "date created" (the deal list's "date closed"). */
export interface PeriodFilterLabels {
  period: string;
  from: string;
  to: string;
}

/** The period select and, for a custom period, its two day fields. */
export function CreatedPeriodFilter(props: {
  value: CreatedFilter;
  onChange: (next: CreatedFilter) => void;
  /** Another date than creation (default: «Дата створення», «Створено з», «Створено по»). */
  labels?: PeriodFilterLabels | undefined;
}) {
  const { value, onChange } = props;
  const { t } = useTranslation();
  const labels = props.labels ?? {
    period: t('views.created'),
    from: t('views.createdFrom'),
    to: t('views.createdTo'),
  };
  const setPeriod = (picked: string | null) => {
    const period = CREATED_PERIODS.find(p => p === picked);
    if (period) onChange({ ...value, period });
  };
  const setDay = (key: 'from' | 'to', day: string) => onChange({ ...value, [key]: day });
  return (
    <>
      <Select
        label={labels.period}
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
          <DateField
            label={labels.from}
            value={value.from}
            onChange={day => setDay('from', day)}
            w={170}
          />
          <DateField
            label={labels.to}
            value={value.to}
            onChange={day => setDay('to', day)}
            w={170}
          />
        </>
      ) : null}
    </>
  );
}
