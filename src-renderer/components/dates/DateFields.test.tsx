// @vitest-environment jsdom
/**
 * Date fields in the app's language: the calendar reads «грудень 2026» with Monday first in
 * Ukrainian (Sunday first when the office chose it), typed text in either form becomes the same wire
 * value, and the ISO `datetime-local` values of the forms go in and out unchanged.
 */
import { fireEvent, screen, within } from '@testing-library/react';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { DEFAULT_OFFICE_SETTINGS } from '../../../src-shared/settings/office';
import { OWNER, statusOf } from '../../app/test-support';
import { useSessionStore } from '../../stores/session';
import { renderWithApi } from '../../test-support/render';
import { scriptedApi } from '../../test-support/scripted-api';
import { setUpRecordScreenTests } from '../records/records-test-support';
import { parseTypedDate, toLocalInput } from './date-text';
import { DateField, DateTimeField } from './DateFields';

setUpRecordScreenTests(OWNER);

function Harness({ time, initial }: { time: boolean; initial: string }) {
  const [value, setValue] = useState(initial);
  const Field = time ? DateTimeField : DateField;
  return (
    <>
      <Field label="Дата" value={value} onChange={setValue} />
      <output data-testid="wire">{value}</output>
    </>
  );
}

function show(time: boolean, initial: string, language: 'uk' | 'en' = 'uk') {
  renderWithApi(<Harness time={time} initial={initial} />, scriptedApi().api, language);
  return screen.getByLabelText<HTMLInputElement>('Дата');
}

describe('typed dates', () => {
  it('reads ISO and the dotted Ukrainian form, refuses dates that do not exist', () => {
    expect(parseTypedDate('2026-12-07', false)).toBe('2026-12-07');
    expect(parseTypedDate('7.12.2026', false)).toBe('2026-12-07');
    expect(parseTypedDate('07.12.2026 09:30', true)).toBe('2026-12-07 09:30:00');
    expect(parseTypedDate('2026-12-07T09:30', true)).toBe('2026-12-07 09:30:00');
    expect(parseTypedDate('31.02.2026', false)).toBeNull();
    expect(parseTypedDate('2026-12-07T25:00', true)).toBeNull();
    expect(parseTypedDate('грудень', false)).toBeNull();
    expect(toLocalInput('2026-12-07 09:30:00')).toBe('2026-12-07T09:30');
  });
});

describe('the date fields', () => {
  it('a Ukrainian calendar: «грудень 2026», Monday first, the date shown in words', () => {
    useSessionStore.setState({
      status: statusOf('signed_in', { office: DEFAULT_OFFICE_SETTINGS }),
    });
    const input = show(false, '2026-12-07');
    expect(input.value).toBe('7 грудня 2026');
    fireEvent.click(input);
    expect(screen.getByText('грудень 2026')).toBeTruthy();
    const table = screen.getByRole('table');
    const days = within(table)
      .getAllByRole('columnheader')
      .map(h => h.textContent);
    expect(days[0]).toBe('пн');
    expect(days[6]).toBe('нд');
  });

  it('Sunday first when the office chose it; English months in English', () => {
    useSessionStore.setState({
      status: statusOf('signed_in', {
        office: { ...DEFAULT_OFFICE_SETTINGS, weekStart: 'sunday' },
      }),
    });
    const input = show(false, '2026-12-07', 'en');
    expect(input.value).toBe('7 December 2026');
    fireEvent.click(input);
    expect(screen.getByText('December 2026')).toBeTruthy();
    const days = within(screen.getByRole('table'))
      .getAllByRole('columnheader')
      .map(h => h.textContent);
    expect(days[0]).toBe('Su');
  });

  it('typing a date and time keeps the form’s datetime-local value', () => {
    const input = show(true, '2026-12-07T09:30');
    expect(input.value).toBe('7 грудня 2026, 09:30');
    fireEvent.change(input, { target: { value: '08.12.2026 14:05' } });
    expect(screen.getByTestId('wire').textContent).toBe('2026-12-08T14:05');
    fireEvent.change(input, { target: { value: '2026-12-09T08:00' } });
    expect(screen.getByTestId('wire').textContent).toBe('2026-12-09T08:00');
  });
});
