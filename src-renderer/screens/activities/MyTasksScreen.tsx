/**
 * The tasks section: the task list (views, client names, bulk completion) and the month calendar,
 * and a form for a new task that needs no client ("Подати звіт до податкової"). Opened from the
 * dashboard's "activities per person", a third tab lists that person's activities of the period.
 */
import { Button, Group, Paper, Stack, Tabs, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useGranted } from '../../app/grants';
import { ActivityForm } from './ActivityForm';
import { PersonActivities } from './PersonActivities';
import { useActivitiesStore, type TasksTab } from './store';
import { TaskCalendar } from './TaskCalendar';
import { TaskList } from './TaskList';

/** The section screen. */
export function MyTasksScreen() {
  const { t } = useTranslation();
  const bump = useActivitiesStore(state => state.bump);
  const canCreate = useGranted('activities.create');
  const [adding, setAdding] = useState(false);
  const tab = useActivitiesStore(state => state.tab);
  const setTab = useActivitiesStore(state => state.setTab);
  // Set by the dashboard's "activities per person": that person's activities, in a tab of its own.
  const person = useActivitiesStore(state => state.person);

  return (
    <Stack gap="lg" maw={1100}>
      <Group justify="space-between" align="flex-end">
        <Stack gap={4}>
          <Title order={1}>{t('activities.title')}</Title>
          <Text c="dimmed">{t('activities.tasks.intro')}</Text>
        </Stack>
        {canCreate && !adding ? (
          <Button onClick={() => setAdding(true)}>{t('activities.plan.list.newTask')}</Button>
        ) : null}
      </Group>
      {adding ? (
        <Paper>
          <Title order={2} size="h4" mb="xs">
            {t('activities.plan.list.newTaskTitle')}
          </Title>
          <ActivityForm
            onSaved={() => {
              setAdding(false);
              bump();
            }}
          />
        </Paper>
      ) : null}
      <Tabs
        value={tab === 'person' && !person ? 'list' : tab}
        onChange={value => setTab((value ?? 'list') as TasksTab)}
        keepMounted={false}
      >
        <Tabs.List>
          <Tabs.Tab value="list">{t('activities.plan.list.tabs.list')}</Tabs.Tab>
          <Tabs.Tab value="calendar">{t('activities.plan.list.tabs.calendar')}</Tabs.Tab>
          {person ? (
            <Tabs.Tab value="person">{t('activities.plan.list.tabs.person')}</Tabs.Tab>
          ) : null}
        </Tabs.List>
        <Tabs.Panel value="list" pt="md">
          <TaskList />
        </Tabs.Panel>
        <Tabs.Panel value="calendar" pt="md">
          <TaskCalendar />
        </Tabs.Panel>
        {person ? (
          <Tabs.Panel value="person" pt="md">
            <PersonActivities person={person} />
          </Tabs.Panel>
        ) : null}
      </Tabs>
    </Stack>
  );
}
