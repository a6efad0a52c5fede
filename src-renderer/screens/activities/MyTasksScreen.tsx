/**
 * The tasks section: the task list (views, client names, bulk completion) and the month calendar,
 * and a form for a new task that needs no client ("Подати звіт до податкової").
 */
import { Button, Group, Paper, Stack, Tabs, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useGranted } from '../../app/grants';
import { ActivityForm } from './ActivityForm';
import { useActivitiesStore } from './store';
import { TaskCalendar } from './TaskCalendar';
import { TaskList } from './TaskList';

/** The section screen. */
export function MyTasksScreen() {
  const { t } = useTranslation();
  const bump = useActivitiesStore(state => state.bump);
  const canCreate = useGranted('activities.create');
  const [adding, setAdding] = useState(false);
  const [tab, setTab] = useState<string | null>('list');

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
      <Tabs value={tab} onChange={setTab} keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="list">{t('activities.plan.list.tabs.list')}</Tabs.Tab>
          <Tabs.Tab value="calendar">{t('activities.plan.list.tabs.calendar')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="list" pt="md">
          <TaskList />
        </Tabs.Panel>
        <Tabs.Panel value="calendar" pt="md">
          <TaskCalendar />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
