/**
 * Date and date-time fields: Mantine's DateInput with its calendar in the app's language (the `uk`
 * dayjs locale: «грудень 2026») and the office's first day of the week (./DatesSettings.tsx). The
 * text can also be typed (`07.12.2026 09:30` or ISO), so the keyboard is as fast as a native field.
 * Values stay in the wire formats the forms already use (./date-text.ts).
 */
import { DateInput, type DateInputProps } from '@mantine/dates';
import { useTranslation } from 'react-i18next';
import { fromLocalInput, parseTypedDate, toLocalInput } from './date-text';
import './dates.css';

type Shared = Omit<DateInputProps, 'value' | 'onChange' | 'valueFormat' | 'dateParser'>;

/** Shown day first with the month in words («7 грудня 2026», "7 December 2026"), 24-hour time. */
const DATE_FORMAT = 'D MMMM YYYY';
const DATE_TIME_FORMAT = 'D MMMM YYYY, HH:mm';

/** What both fields share: named month arrows and clear button, readable day colours. */
function useCalendarProps() {
  const { t } = useTranslation();
  return {
    previousLabel: t('office.dates.previous'),
    nextLabel: t('office.dates.next'),
    classNames: { day: 'zamok-date-day' },
    clearButtonProps: { 'aria-label': t('office.dates.clear') },
  } as const;
}

/** A date (`YYYY-MM-DD`, '' when empty). */
export function DateField({
  value,
  onChange,
  ...props
}: Shared & { value: string; onChange: (value: string) => void }) {
  return (
    <DateInput
      {...useCalendarProps()}
      {...props}
      value={value || null}
      onChange={next => onChange(next ? String(next).slice(0, 10) : '')}
      valueFormat={DATE_FORMAT}
      dateParser={text => parseTypedDate(text, false)}
      clearable
    />
  );
}

/** A date and time (`datetime-local` value `YYYY-MM-DDTHH:mm`, '' when empty). */
export function DateTimeField({
  value,
  onChange,
  ...props
}: Shared & { value: string; onChange: (value: string) => void }) {
  return (
    <DateInput
      {...useCalendarProps()}
      {...props}
      withTime
      value={fromLocalInput(value)}
      onChange={next => onChange(toLocalInput(next === null ? null : String(next)))}
      valueFormat={DATE_TIME_FORMAT}
      dateParser={text => parseTypedDate(text, true)}
      clearable
    />
  );
}
