/** The contact list's search box, order, filters and "New contact" button. */
import {
  Autocomplete,
  Button,
  Group,
  Kbd,
  Select,
  Switch,
  TextInput,
  Tooltip,
} from '@mantine/core';
import { useDebouncedValue, useHotkeys } from '@mantine/hooks';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContactSort } from '../../../src-shared/contacts';
import { ExportButton } from './ExportButton';
import type { ContactAbilities } from './permissions';
import { LIST_SORTS, useContactsStore } from './store';

/** Search waits this long after the last keystroke before asking the main process. */
export const SEARCH_DEBOUNCE_MS = 200;

/** Toolbar above the list. `onNew` opens the empty form. */
export function ListToolbar({
  abilities,
  onNew,
}: {
  abilities: ContactAbilities;
  onNew: () => void;
}) {
  const { t } = useTranslation();
  const query = useContactsStore(state => state.query);
  const setQuery = useContactsStore(state => state.setQuery);
  const items = useContactsStore(state => state.items);
  const users = useContactsStore(state => state.users);
  const [text, setText] = useState(query.text);
  const [debounced] = useDebouncedValue(text, SEARCH_DEBOUNCE_MS);
  const [tag, setTag] = useState(query.tag);
  const [debouncedTag] = useDebouncedValue(tag, SEARCH_DEBOUNCE_MS);
  const searchRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (debounced !== useContactsStore.getState().query.text) setQuery({ text: debounced });
  }, [debounced, setQuery]);
  useEffect(() => {
    if (debouncedTag !== useContactsStore.getState().query.tag) setQuery({ tag: debouncedTag });
  }, [debouncedTag, setQuery]);
  // "Reset filters" clears the query from outside: show it in the boxes too.
  useEffect(() => setText(query.text), [query.text]);
  useEffect(() => setTag(query.tag), [query.tag]);

  useHotkeys([
    ['/', () => searchRef.current?.focus()],
    ['n', () => abilities.create && onNew(), { usePhysicalKeys: true }],
  ]);

  // No channel lists every tag: offer the ones on the loaded rows (typing any tag works too).
  const tags = useMemo(() => [...new Set(items.flatMap(item => item.tags))].sort(), [items]);
  const owners = (users ?? [])
    .filter(user => user.status === 'active')
    .map(user => ({ value: user.id, label: user.displayName }));

  return (
    <Group align="flex-end" gap="sm" wrap="wrap">
      <Tooltip label={t('contacts.list.searchHint')} withArrow openDelay={400}>
        <TextInput
          ref={searchRef}
          type="search"
          label={t('contacts.list.search')}
          placeholder={t('contacts.list.searchPlaceholder')}
          value={text}
          onChange={event => setText(event.currentTarget.value)}
          rightSection={<Kbd size="xs">/</Kbd>}
          style={{ flex: '1 1 260px' }}
          maxLength={100}
          onKeyDown={event => {
            // ↓ from the search box continues in the results.
            if (event.key !== 'ArrowDown') return;
            const list = document.querySelector<HTMLElement>('.contacts-list');
            if (!list) return;
            event.preventDefault();
            list.focus();
          }}
        />
      </Tooltip>
      <Select
        label={t('contacts.list.sort')}
        data={LIST_SORTS.map(sort => ({ value: sort, label: t(`contacts.list.sorts.${sort}`) }))}
        value={query.sort}
        onChange={value => value && setQuery({ sort: value as ContactSort })}
        allowDeselect={false}
        w={200}
      />
      <Autocomplete
        label={t('contacts.list.tag')}
        placeholder={t('contacts.list.tagPlaceholder')}
        data={tags}
        value={tag}
        onChange={setTag}
        maxLength={40}
        w={180}
      />
      {abilities.wideScope && users ? (
        <Select
          label={t('contacts.list.owner')}
          placeholder={t('contacts.list.ownerAll')}
          data={owners}
          value={query.ownerId || null}
          onChange={value => setQuery({ ownerId: value ?? '' })}
          clearable
          searchable
          w={220}
        />
      ) : null}
      {abilities.restore ? (
        <Switch
          label={t('contacts.list.showDeleted')}
          checked={query.includeDeleted}
          onChange={event => setQuery({ includeDeleted: event.currentTarget.checked })}
          mb={8}
        />
      ) : null}
      {abilities.export ? (
        <Group ml="auto">
          <ExportButton />
        </Group>
      ) : null}
      {abilities.create ? (
        <Tooltip label={t('contacts.list.addHint')} withArrow>
          <Button onClick={onNew} ml={abilities.export ? undefined : 'auto'}>
            {t('contacts.list.add')}
          </Button>
        </Tooltip>
      ) : null}
    </Group>
  );
}
