/** The contact list screen: title, toolbar, the virtualized rows, empty and error states. */
import { Alert, Button, Center, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../app/api';
import { errorText } from '../../app/errors';
import { loadFirstPage, loadNextPage } from './actions';
import { ContactRows } from './ContactRows';
import { ListToolbar } from './ListToolbar';
import type { ContactAbilities } from './permissions';
import { INITIAL_QUERY, useContactsStore } from './store';

/** The list screen: toolbar, rows, empty and error states. */
export function ContactList({
  abilities,
  visit,
  onOpen,
  onNew,
}: {
  abilities: ContactAbilities;
  /** This opening of the section (see `ContactsState.loadedVisit`). */
  visit: number;
  onOpen: (id: string) => void;
  onNew: () => void;
}) {
  const { t } = useTranslation();
  const api = useApi();
  const query = useContactsStore(state => state.query);
  const items = useContactsStore(state => state.items);
  const status = useContactsStore(state => state.status);
  const error = useContactsStore(state => state.error);
  const nextCursor = useContactsStore(state => state.nextCursor);
  const setQuery = useContactsStore(state => state.setQuery);

  // Coming back from a contact keeps the loaded pages and the selection; a new query or a new
  // opening of the section reloads.
  useEffect(() => {
    const state = useContactsStore.getState();
    if (state.loadedQuery !== query || state.loadedVisit !== visit) void loadFirstPage(api, visit);
  }, [api, query, visit]);

  const filtered =
    query.text !== '' || query.tag !== '' || query.ownerId !== '' || query.includeDeleted;
  const empty = status === 'ready' && items.length === 0;

  return (
    <Stack gap="md" h="calc(100dvh - 60px - 2 * var(--mantine-spacing-xl))">
      <Group justify="space-between" align="baseline">
        <Title order={1}>{t('contacts.title')}</Title>
        {items.length > 0 ? (
          <Text size="sm" c="dimmed" aria-live="polite">
            {t('contacts.list.shown', { count: items.length })}
            {nextCursor ? '+' : ''}
          </Text>
        ) : null}
      </Group>
      <ListToolbar abilities={abilities} onNew={onNew} />
      {error ? (
        <Alert color="red" variant="light" role="alert">
          <Group justify="space-between">
            <span>{errorText(t, error)}</span>
            <Button
              variant="white"
              size="xs"
              onClick={() => void (items.length > 0 ? retryNext(api) : loadFirstPage(api))}
            >
              {t('contacts.list.retry')}
            </Button>
          </Group>
        </Alert>
      ) : null}
      {status === 'loading' && items.length === 0 ? (
        <Center py="xl">
          <Group gap="sm">
            <Loader size="sm" />
            <Text c="dimmed">{t('contacts.list.loading')}</Text>
          </Group>
        </Center>
      ) : null}
      {empty && !filtered ? (
        <EmptyState
          title={t('contacts.list.emptyTitle')}
          text={t('contacts.list.emptyText')}
          action={abilities.create ? t('contacts.list.emptyAction') : null}
          onAction={onNew}
        />
      ) : null}
      {empty && filtered ? (
        <EmptyState
          title={t('contacts.list.noMatchesTitle')}
          text={t('contacts.list.noMatchesText')}
          action={t('contacts.list.resetFilters')}
          onAction={() => setQuery(INITIAL_QUERY)}
        />
      ) : null}
      {items.length > 0 ? <ContactRows abilities={abilities} onOpen={onOpen} /> : null}
    </Stack>
  );
}

function retryNext(api: ReturnType<typeof useApi>): Promise<void> {
  useContactsStore.setState({ status: 'ready', error: null });
  return loadNextPage(api);
}

function EmptyState(props: {
  title: string;
  text: string;
  action: string | null;
  onAction: () => void;
}) {
  return (
    <Center py={64}>
      <Stack align="center" gap="xs" maw={420} ta="center">
        <Title order={2} size="h3">
          {props.title}
        </Title>
        <Text c="dimmed">{props.text}</Text>
        {props.action ? (
          <Button mt="sm" onClick={props.onAction}>
            {props.action}
          </Button>
        ) : null}
      </Stack>
    </Center>
  );
}
