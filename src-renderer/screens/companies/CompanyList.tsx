/** The company list screen: title, search and order, the virtualized rows, empty and error states. */
import {
  Alert,
  Button,
  Center,
  Group,
  Kbd,
  Loader,
  Select,
  Stack,
  Switch,
  Text,
  TextInput,
  Title,
  Tooltip,
} from '@mantine/core';
import { useDebouncedValue, useHotkeys } from '@mantine/hooks';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CompanySort } from '../../../src-shared/companies';
import { useApi } from '../../app/api';
import { errorText } from '../../app/errors';
import { loadFirstPage, loadNextPage } from './actions';
import { CompanyRows } from './CompanyRows';
import type { CompanyAbilities } from './permissions';
import { INITIAL_QUERY, LIST_SORTS, useCompaniesStore } from './store';

/** Search waits this long after the last keystroke before asking the main process. */
const SEARCH_DEBOUNCE_MS = 200;

/** The list screen. */
export function CompanyList({
  abilities,
  visit,
  onOpen,
  onNew,
}: {
  abilities: CompanyAbilities;
  visit: number;
  onOpen: (id: string) => void;
  onNew: () => void;
}) {
  const { t } = useTranslation();
  const api = useApi();
  const query = useCompaniesStore(state => state.query);
  const items = useCompaniesStore(state => state.items);
  const status = useCompaniesStore(state => state.status);
  const error = useCompaniesStore(state => state.error);
  const nextCursor = useCompaniesStore(state => state.nextCursor);
  const setQuery = useCompaniesStore(state => state.setQuery);
  const [text, setText] = useState(query.text);
  const [debounced] = useDebouncedValue(text, SEARCH_DEBOUNCE_MS);
  const searchRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    const state = useCompaniesStore.getState();
    if (state.loadedQuery !== query || state.loadedVisit !== visit) void loadFirstPage(api, visit);
  }, [api, query, visit]);
  useEffect(() => {
    if (debounced !== useCompaniesStore.getState().query.text) setQuery({ text: debounced });
  }, [debounced, setQuery]);
  useEffect(() => setText(query.text), [query.text]);
  useHotkeys([
    ['/', () => searchRef.current?.focus()],
    ['n', () => abilities.create && onNew(), { usePhysicalKeys: true }],
  ]);

  const empty = status === 'ready' && items.length === 0;
  const filtered = query.text !== '' || query.includeDeleted;

  return (
    <Stack gap="md" h="calc(100dvh - 60px - 2 * var(--mantine-spacing-xl))">
      <Group justify="space-between" align="baseline">
        <Title order={1}>{t('companies.title')}</Title>
        {items.length > 0 ? (
          <Text size="sm" c="dimmed" aria-live="polite">
            {t('companies.list.shown', { count: items.length })}
            {nextCursor ? '+' : ''}
          </Text>
        ) : null}
      </Group>
      <Group align="flex-end" gap="sm" wrap="wrap">
        <Tooltip label={t('companies.list.searchHint')} withArrow openDelay={400}>
          <TextInput
            ref={searchRef}
            type="search"
            label={t('companies.list.search')}
            placeholder={t('companies.list.searchPlaceholder')}
            value={text}
            onChange={event => setText(event.currentTarget.value)}
            rightSection={<Kbd size="xs">/</Kbd>}
            style={{ flex: '1 1 260px' }}
            maxLength={100}
            onKeyDown={event => {
              if (event.key !== 'ArrowDown') return;
              const list = document.querySelector<HTMLElement>('.companies-list');
              if (!list) return;
              event.preventDefault();
              list.focus();
            }}
          />
        </Tooltip>
        <Select
          label={t('companies.list.sort')}
          data={LIST_SORTS.map(sort => ({ value: sort, label: t(`companies.list.sorts.${sort}`) }))}
          value={query.sort}
          onChange={value => value && setQuery({ sort: value as CompanySort })}
          allowDeselect={false}
          w={200}
        />
        {abilities.restore ? (
          <Switch
            label={t('companies.list.showDeleted')}
            checked={query.includeDeleted}
            onChange={event => setQuery({ includeDeleted: event.currentTarget.checked })}
            mb={8}
          />
        ) : null}
        {abilities.create ? (
          <Tooltip label={t('companies.list.addHint')} withArrow>
            <Button onClick={onNew} ml="auto">
              {t('companies.list.add')}
            </Button>
          </Tooltip>
        ) : null}
      </Group>
      {error ? (
        <Alert color="red" variant="light" role="alert">
          <Group justify="space-between">
            <span>{errorText(t, error)}</span>
            <Button
              variant="white"
              size="xs"
              onClick={() => void (items.length > 0 ? retryNext(api) : loadFirstPage(api))}
            >
              {t('companies.list.retry')}
            </Button>
          </Group>
        </Alert>
      ) : null}
      {status === 'loading' && items.length === 0 ? (
        <Center py="xl">
          <Group gap="sm">
            <Loader size="sm" />
            <Text c="dimmed">{t('companies.list.loading')}</Text>
          </Group>
        </Center>
      ) : null}
      {empty ? (
        <Center py={64}>
          <Stack align="center" gap="xs" maw={420} ta="center">
            <Title order={2} size="h3">
              {t(filtered ? 'companies.list.noMatchesTitle' : 'companies.list.emptyTitle')}
            </Title>
            <Text c="dimmed">
              {t(filtered ? 'companies.list.noMatchesText' : 'companies.list.emptyText')}
            </Text>
            {filtered ? (
              <Button mt="sm" onClick={() => setQuery(INITIAL_QUERY)}>
                {t('companies.list.resetFilters')}
              </Button>
            ) : abilities.create ? (
              <Button mt="sm" onClick={onNew}>
                {t('companies.list.emptyAction')}
              </Button>
            ) : null}
          </Stack>
        </Center>
      ) : null}
      {items.length > 0 ? <CompanyRows abilities={abilities} onOpen={onOpen} /> : null}
    </Stack>
  );
}

function retryNext(api: ReturnType<typeof useApi>): Promise<void> {
  useCompaniesStore.setState({ status: 'ready', error: null });
  return loadNextPage(api);
}
