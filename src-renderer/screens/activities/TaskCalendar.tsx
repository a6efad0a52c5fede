/**
 * A month calendar of the user's tasks (by due time) and meetings (by when): weeks start on the
 * office's first day (Monday unless it chose Sunday),
 * month and weekday names come from Intl in the app's language, days are the user's time zone.
 * Each entry opens its record; a day with more entries than fit says how many more.
 */
import { Alert, Anchor, Button, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  dayKey,
  gridRange,
  monthGrid,
  type CalendarPage,
  type PlannedActivity,
} from '../../../src-shared/activities';
import type { CallError } from '../../../src-shared/ipc/contract';
import { firstDayIndex } from '../../../src-shared/settings/office';
import { useApi } from '../../app/api';
import { useOfficeSettings } from '../../app/office';
import { ErrorAlert } from '../../components/ErrorAlert';
import { activityRecord, openRecord } from '../search/open';
import { itemLook } from './format';
import { useActivitiesStore } from './store';
import { localTimeZone } from './TaskList';

/** Entries shown per day before "N more". */
const PER_DAY = 3;

/** When an entry sits on the calendar: a task by its due time, a meeting by when it is. */
function entryTime(item: PlannedActivity): string {
  return item.kind === 'task' ? (item.dueAt ?? item.occurredAt) : item.occurredAt;
}

/** "грудень 2026" / "December 2026": the month's standalone name and the year. */
export function monthTitle(year: number, month: number, language: string): string {
  const date = new Date(Date.UTC(year, month - 1, 15));
  const name = new Intl.DateTimeFormat(language, { month: 'long', timeZone: 'UTC' }).format(date);
  return `${name} ${year}`;
}

/** Short weekday names, Monday first (`firstDay` 1) or Sunday first (0). */
export function weekdayNames(language: string, firstDay: 0 | 1 = 1): string[] {
  const format = new Intl.DateTimeFormat(language, { weekday: 'short', timeZone: 'UTC' });
  // 2026-11-30 is a Monday, 2026-11-29 a Sunday.
  const start = 30 - (firstDay === 0 ? 1 : 0);
  return Array.from({ length: 7 }, (_, i) =>
    format.format(new Date(Date.UTC(2026, 10, start + i))),
  );
}

/** The calendar; `today` (tests) fixes the month it opens on. */
export function TaskCalendar({ today = new Date() }: { today?: Date }) {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const version = useActivitiesStore(state => state.version);
  const zone = localTimeZone();
  const todayKey = dayKey(today, zone);
  const [shown, setShown] = useState(() => {
    const [year, month] = todayKey.split('-').map(Number);
    return { year: year ?? 2026, month: month ?? 1 };
  });
  const firstDay = firstDayIndex(useOfficeSettings().weekStart);
  const weeks = useMemo(() => monthGrid(shown.year, shown.month, firstDay), [shown, firstDay]);
  const [page, setPage] = useState<CalendarPage | null>(null);
  const [error, setError] = useState<CallError | null>(null);

  useEffect(() => {
    let stale = false;
    const range = gridRange(weeks, zone);
    void api.activities.calendar({ from: range.from, before: range.before }).then(result => {
      if (stale) return;
      if (!result.ok) return setError(result.error);
      setError(null);
      setPage(result.value);
    });
    return () => {
      stale = true;
    };
  }, [api, weeks, zone, version]);

  const byDay = useMemo(() => {
    const map = new Map<string, PlannedActivity[]>();
    for (const item of page?.items ?? []) {
      const key = dayKey(entryTime(item), zone);
      map.set(key, [...(map.get(key) ?? []), item]);
    }
    return map;
  }, [page, zone]);

  const move = (delta: number) =>
    setShown(({ year, month }) => {
      const index = year * 12 + (month - 1) + delta;
      return { year: Math.floor(index / 12), month: (index % 12) + 1 };
    });
  const time = new Intl.DateTimeFormat(i18n.language, { hour: '2-digit', minute: '2-digit' });
  const longDate = new Intl.DateTimeFormat(i18n.language, {
    day: 'numeric',
    month: 'long',
    timeZone: 'UTC',
  });
  const title = monthTitle(shown.year, shown.month, i18n.language);

  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Title order={2} size="h3">
          {title}
        </Title>
        <Group gap="xs">
          <Button variant="default" size="xs" onClick={() => move(-1)}>
            {t('activities.plan.calendar.previous')}
          </Button>
          <Button
            variant="default"
            size="xs"
            onClick={() => {
              const [year, month] = todayKey.split('-').map(Number);
              setShown({ year: year ?? shown.year, month: month ?? shown.month });
            }}
          >
            {t('activities.plan.calendar.today')}
          </Button>
          <Button variant="default" size="xs" onClick={() => move(1)}>
            {t('activities.plan.calendar.next')}
          </Button>
        </Group>
      </Group>
      <ErrorAlert error={error} />
      {page?.truncated ? (
        <Alert variant="light" color="yellow">
          {t('activities.plan.calendar.truncated')}
        </Alert>
      ) : null}
      <Table
        withTableBorder
        withColumnBorders
        layout="fixed"
        aria-label={t('activities.plan.calendar.label')}
      >
        <Table.Thead>
          <Table.Tr>
            {weekdayNames(i18n.language, firstDay).map(name => (
              <Table.Th key={name} scope="col">
                {name}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {weeks.map(week => (
            <Table.Tr key={`${week[0]?.year}-${week[0]?.month}-${week[0]?.day}`}>
              {week.map(day => {
                const key = `${day.year}-${String(day.month).padStart(2, '0')}-${String(day.day).padStart(2, '0')}`;
                const entries = byDay.get(key) ?? [];
                const label = longDate.format(new Date(Date.UTC(day.year, day.month - 1, day.day)));
                return (
                  <Table.Td
                    key={key}
                    data-day={key}
                    aria-current={key === todayKey ? 'date' : undefined}
                    style={{
                      verticalAlign: 'top',
                      height: 96,
                      background: key === todayKey ? 'var(--mantine-color-blue-0)' : undefined,
                    }}
                  >
                    <Text
                      size="sm"
                      fw={key === todayKey ? 700 : 400}
                      c={day.inMonth ? undefined : 'dimmed'}
                      aria-label={label}
                    >
                      {day.day}
                    </Text>
                    <Stack gap={2}>
                      {entries.slice(0, PER_DAY).map(item => {
                        const record = activityRecord(item);
                        const text = `${itemLook({ source: 'activity', kind: item.kind }).symbol} ${time.format(new Date(entryTime(item)))} ${item.subject}`;
                        return record ? (
                          <Anchor
                            key={item.id}
                            component="button"
                            type="button"
                            size="xs"
                            ta="start"
                            td={item.doneAt ? 'line-through' : undefined}
                            onClick={() => openRecord(record)}
                          >
                            {text}
                          </Anchor>
                        ) : (
                          <Text
                            key={item.id}
                            size="xs"
                            td={item.doneAt ? 'line-through' : undefined}
                          >
                            {text}
                          </Text>
                        );
                      })}
                      {entries.length > PER_DAY ? (
                        <Text size="xs" c="dimmed">
                          {t('activities.plan.calendar.more', { count: entries.length - PER_DAY })}
                        </Text>
                      ) : null}
                    </Stack>
                  </Table.Td>
                );
              })}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}
