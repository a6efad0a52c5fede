/**
 * The task list: open tasks in a view (all, today, this week, overdue — days in the user's time
 * zone, weeks from Monday), overdue ones marked, each naming its client, company and deal (links to
 * their pages) or "No client". Tasks can be selected and marked done together: one
 * `activities.completeMany` call, which main checks and audits task by task.
 */
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Checkbox,
  Group,
  Loader,
  Paper,
  SegmentedControl,
  Stack,
  Text,
} from '@mantine/core';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TASK_VIEWS, type PlannedActivity, type TaskView } from '../../../src-shared/activities';
import type { SearchRecordRef } from '../../../src-shared/ipc/search';
import type { CallError } from '../../../src-shared/ipc/contract';
import { useApi } from '../../app/api';
import { grantOf } from '../../../src-shared/roles';
import { ErrorAlert } from '../../components/ErrorAlert';
import { OwnerFilter } from '../../components/OwnerFilter';
import { useSessionStore } from '../../stores/session';
import { formatDateTime } from '../contacts/format';
import { openRecord } from '../search/open';
import { useActivitiesStore } from './store';

/** The user's IANA time zone (the app's clock, not the vault's). */
export function localTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

/** Link text per record type, with the name or, when the reader may not see it, "Open …". */
const LINKS = [
  ['contact', 'contactId', 'contactName', 'activities.plan.list.client', 'activities.tasks.open'],
  [
    'company',
    'companyId',
    'companyName',
    'activities.plan.list.company',
    'activities.tasks.openCompany',
  ],
  ['deal', 'dealId', 'dealTitle', 'activities.plan.list.deal', 'activities.tasks.openDeal'],
] as const;

/** The links of a task (or any activity) to its records (none: a standalone task). */
export function TaskLinks({ task }: { task: PlannedActivity }) {
  const { t } = useTranslation();
  const links = LINKS.flatMap(([type, idKey, nameKey, named, unnamed]) => {
    const id = task[idKey];
    if (!id) return [];
    const name = task[nameKey];
    const ref: SearchRecordRef = { type, id };
    const text = name ? t(named, { name }) : `${t(unnamed)}: ${task.subject}`;
    return [{ ref, text }];
  });
  if (links.length === 0) {
    return (
      <Badge variant="light" color="gray" size="sm">
        {t('activities.plan.list.standalone')}
      </Badge>
    );
  }
  return (
    <Group gap="sm">
      {links.map(({ ref, text }) => (
        <Anchor
          key={ref.type}
          component="button"
          type="button"
          size="sm"
          onClick={() => openRecord(ref)}
        >
          {text}
        </Anchor>
      ))}
    </Group>
  );
}

/** The list with its view switch and bulk completion. */
export function TaskList() {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const version = useActivitiesStore(state => state.version);
  const bump = useActivitiesStore(state => state.bump);
  const [view, setView] = useState<TaskView>('open');
  const [items, setItems] = useState<PlannedActivity[] | null>(null);
  const [now, setNow] = useState(() => new Date().toISOString());
  const [cursor, setCursor] = useState<string | null>(null);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [error, setError] = useState<CallError | null>(null);
  const [done, setDone] = useState<number | null>(null);
  const [busy, setBusy] = useState(false);
  // A team or office scope (a head, the owner) sees everyone's tasks it reaches, by "Відповідальний".
  const scope = useSessionStore(state => grantOf(state.user?.grants ?? {}, 'activities.read'));
  const wide = scope === 'team' || scope === 'all';
  const [ownerId, setOwnerId] = useState<string | null>(null);

  const load = useCallback(
    async (after: string | null) => {
      const result = await api.activities.tasks({
        view,
        timeZone: localTimeZone(),
        ...(wide ? { mine: false } : {}),
        ...(wide && ownerId ? { ownerId } : {}),
        ...(after ? { cursor: after } : {}),
      });
      if (!result.ok) return setError(result.error);
      setError(null);
      setNow(result.value.now);
      setItems(old => [...(after ? (old ?? []) : []), ...result.value.items]);
      setCursor(result.value.nextCursor);
    },
    [api, view, wide, ownerId],
  );
  useEffect(() => {
    void load(null);
    setSelected(new Set());
  }, [load, version]);

  /** One task: the single call (its own audit entry); several: one bulk call. */
  async function complete(ids: string[]) {
    setBusy(true);
    const [only] = ids;
    const result =
      ids.length === 1 && only !== undefined
        ? await api.activities.complete({ id: only, done: true })
        : await api.activities.completeMany({ ids, done: true });
    setBusy(false);
    if (!result.ok) return setError(result.error);
    setDone(Array.isArray(result.value) ? result.value.length : 1);
    bump();
  }

  const toggle = (id: string, on: boolean) =>
    setSelected(old => {
      const next = new Set(old);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  const shown = items ?? [];
  const allSelected = shown.length > 0 && shown.every(task => selected.has(task.id));

  return (
    <Stack gap="md">
      <SegmentedControl
        aria-label={t('activities.plan.list.viewsLabel')}
        value={view}
        onChange={value => {
          setItems(null);
          setView(value as TaskView);
        }}
        data={TASK_VIEWS.map(v => ({ value: v, label: t(`activities.plan.list.views.${v}`) }))}
      />
      {wide ? (
        <OwnerFilter
          value={ownerId}
          onChange={value => {
            setItems(null);
            setOwnerId(value);
          }}
        />
      ) : null}
      <ErrorAlert error={error} />
      {done !== null ? (
        <Alert
          variant="light"
          color="green"
          withCloseButton
          closeButtonLabel={t('activities.plan.list.dismiss')}
          onClose={() => setDone(null)}
        >
          {t('activities.plan.list.completed', { count: done })}
        </Alert>
      ) : null}
      {shown.length > 0 ? (
        <Group justify="space-between">
          <Checkbox
            label={t('activities.plan.list.selectAll')}
            checked={allSelected}
            indeterminate={!allSelected && selected.size > 0}
            onChange={event =>
              setSelected(event.currentTarget.checked ? new Set(shown.map(x => x.id)) : new Set())
            }
          />
          <Group gap="sm">
            <Text size="sm" aria-live="polite">
              {t('activities.plan.list.selected', { count: selected.size })}
            </Text>
            <Button
              disabled={selected.size === 0}
              loading={busy}
              onClick={() => void complete([...selected])}
            >
              {t('activities.plan.list.completeSelected')}
            </Button>
          </Group>
        </Group>
      ) : null}
      {items === null ? (
        <Loader size="sm" />
      ) : items.length === 0 ? (
        <Alert variant="light" color="gray">
          {view === 'open' ? t('activities.tasks.empty') : t('activities.plan.list.emptyView')}
        </Alert>
      ) : (
        <Stack
          gap="sm"
          component="ul"
          m={0}
          p={0}
          style={{ listStyle: 'none' }}
          aria-label={t('activities.tasks.label')}
        >
          {items.map(task => {
            const overdue = task.dueAt !== null && task.dueAt < now;
            return (
              <li key={task.id}>
                <Paper
                  withBorder
                  radius="md"
                  p="sm"
                  style={
                    overdue
                      ? { borderColor: 'var(--mantine-color-red-6)', borderWidth: 2 }
                      : undefined
                  }
                  data-overdue={overdue ? 'true' : undefined}
                >
                  <Group justify="space-between" wrap="nowrap" align="flex-start">
                    <Group gap="sm" wrap="nowrap" align="flex-start">
                      <Checkbox
                        mt={4}
                        aria-label={t('activities.plan.list.select', { subject: task.subject })}
                        checked={selected.has(task.id)}
                        onChange={event => toggle(task.id, event.currentTarget.checked)}
                      />
                      <Stack gap={2}>
                        <Group gap="xs">
                          <Text fw={600}>{task.subject}</Text>
                          {overdue ? (
                            <Badge color="red" variant="filled" size="sm">
                              {t('activities.tasks.overdue')}
                            </Badge>
                          ) : null}
                        </Group>
                        {task.dueAt ? (
                          <Text size="sm" c={overdue ? 'red.8' : 'dimmed'}>
                            {t('activities.timeline.due', {
                              when: formatDateTime(task.dueAt, i18n.language),
                            })}
                          </Text>
                        ) : null}
                        <TaskLinks task={task} />
                      </Stack>
                    </Group>
                    <Button
                      variant="default"
                      size="xs"
                      aria-label={`${t('activities.plan.reminder.done')}: ${task.subject}`}
                      disabled={busy}
                      onClick={() => void complete([task.id])}
                    >
                      {t('activities.plan.reminder.done')}
                    </Button>
                  </Group>
                </Paper>
              </li>
            );
          })}
        </Stack>
      )}
      {cursor ? (
        <Group>
          <Button variant="default" onClick={() => void load(cursor)}>
            {t('activities.tasks.more')}
          </Button>
        </Group>
      ) : null}
    </Stack>
  );
}
