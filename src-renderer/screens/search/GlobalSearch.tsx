/**
 * The global search box in the shell header: results as you type (search.query, debounced; a
 * stale answer never replaces a newer one), grouped by entity, Ctrl+K to focus from anywhere,
 * ↑/↓ to choose, Enter to open, Esc to close. The main process decides which groups the user may
 * see and scopes them in SQL; this box shows what comes back.
 */
import { Box, Loader, Popover, Stack, Text, TextInput, UnstyledButton } from '@mantine/core';
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { SearchResult } from '../../../src-shared/ipc/search';
import { useApi } from '../../app/api';
import { formatPhone } from '../contacts/format';
import { moveActive, resultLines, targetOf, type ResultLine } from './model';
import { openRecord } from './open';
import { ariaKeys, useShortcuts } from '../../app/shortcuts';

/** Wait after the last key press before asking (ms). */
const DEBOUNCE_MS = 150;
/** Hits per group. */
const LIMIT = 5;

/** The header search box with its results popover. */
export function GlobalSearch() {
  const { t } = useTranslation();
  const api = useApi();
  const listId = useId();
  const input = useRef<HTMLInputElement>(null);
  const asked = useRef(0);
  const [text, setText] = useState('');
  const [opened, setOpened] = useState(false);
  const [result, setResult] = useState<SearchResult | null>(null);
  const [loading, setLoading] = useState(false);
  const [failed, setFailed] = useState(false);
  const [active, setActive] = useState(-1);

  // Ctrl+K (⌘K) focuses the box from anywhere in the app.
  useShortcuts([
    [
      'search',
      () => {
        input.current?.focus();
        input.current?.select();
      },
    ],
  ]);

  // Asked again each time the box opens, even with the same text: records change while it is
  // closed (a company restored, a contact deleted), so the last answer may be stale. Closing drops
  // any answer still on its way; the ticket makes an answer for an older text or an earlier opening
  // never replace a newer one.
  useEffect(() => {
    const query = text.trim();
    const ticket = ++asked.current;
    if (query === '' || !opened) {
      setResult(null);
      setLoading(false);
      setFailed(false);
      return;
    }
    setLoading(true);
    const timer = window.setTimeout(() => {
      void api.search.query({ text: query, limit: LIMIT }).then(r => {
        if (ticket !== asked.current) return;
        setLoading(false);
        setFailed(!r.ok);
        setResult(r.ok ? r.value : null);
        setActive(-1);
      });
    }, DEBOUNCE_MS);
    return () => window.clearTimeout(timer);
  }, [api, text, opened]);

  const groups = result ? resultLines(result) : [];
  const lines = groups.flatMap(g => g.lines);

  const choose = (line: ResultLine) => {
    openRecord(targetOf(line));
    setOpened(false);
    setActive(-1);
    setText('');
    input.current?.blur();
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      setOpened(true);
      setActive(a => moveActive(a, lines.length, e.key as 'ArrowDown' | 'ArrowUp'));
    } else if (e.key === 'Enter') {
      const line = lines[active] ?? lines[0];
      if (line) {
        e.preventDefault();
        choose(line);
      }
    } else if (e.key === 'Escape') {
      setOpened(false);
      input.current?.blur();
    }
  };

  /** The second line: activity kinds translated, phone numbers written as people read them. */
  const subtitleText = (line: ResultLine): string => {
    const sub = line.hit.subtitle ?? '';
    if (line.group === 'activities') return t(`search.kinds.${sub}`, { defaultValue: sub });
    return line.group === 'contacts' && sub.startsWith('+') ? formatPhone(sub) : sub;
  };

  const showPopover = opened && text.trim() !== '';
  return (
    <Popover
      opened={showPopover}
      onChange={setOpened}
      position="bottom-start"
      width={420}
      shadow="md"
      withinPortal
    >
      <Popover.Target>
        <TextInput
          ref={input}
          w={{ base: 180, md: 300 }}
          size="sm"
          value={text}
          placeholder={t('search.placeholder')}
          aria-label={t('search.label')}
          title={t('search.hint')}
          role="combobox"
          aria-expanded={showPopover}
          aria-controls={listId}
          aria-autocomplete="list"
          aria-keyshortcuts={ariaKeys('search')}
          // Only while the list is shown: a closed list's options are gone (axe: invalid value).
          aria-activedescendant={showPopover && active >= 0 ? `${listId}-${active}` : undefined}
          rightSection={loading ? <Loader size={14} /> : null}
          onChange={e => {
            setText(e.currentTarget.value);
            setOpened(true);
          }}
          onFocus={() => setOpened(true)}
          onKeyDown={onKeyDown}
          data-testid="global-search"
        />
      </Popover.Target>
      <Popover.Dropdown p="xs" data-testid="global-search-results">
        <Box id={listId} role="listbox" aria-label={t('search.label')}>
          {failed ? (
            <Text size="sm" c="red" p="xs" role="alert">
              {t('search.failed')}
            </Text>
          ) : result === null ? (
            <Text size="sm" c="dimmed" p="xs">
              {t('search.searching')}
            </Text>
          ) : lines.length === 0 ? (
            <Text size="sm" c="dimmed" p="xs">
              {t('search.empty', { text: text.trim() })}
            </Text>
          ) : (
            <Stack gap={6}>
              {groups.map(g => (
                <Box key={g.group} role="group" aria-label={t(`search.groups.${g.group}`)}>
                  <Text size="xs" fw={600} c="dimmed" tt="uppercase" px="xs" py={2}>
                    {t(`search.groups.${g.group}`)}
                  </Text>
                  {g.lines.map(line => (
                    <UnstyledButton
                      key={`${line.group}-${line.hit.id}`}
                      id={`${listId}-${line.index}`}
                      role="option"
                      aria-selected={line.index === active}
                      tabIndex={-1}
                      onMouseDown={e => e.preventDefault()}
                      onClick={() => choose(line)}
                      onMouseEnter={() => setActive(line.index)}
                      w="100%"
                      px="xs"
                      py={4}
                      style={{
                        borderRadius: 4,
                        background:
                          line.index === active ? 'var(--mantine-color-blue-light)' : undefined,
                      }}
                    >
                      <Text size="sm" truncate>
                        {line.hit.title}
                      </Text>
                      {line.hit.subtitle ? (
                        <Text size="xs" c="dimmed" truncate>
                          {subtitleText(line)}
                        </Text>
                      ) : null}
                    </UnstyledButton>
                  ))}
                </Box>
              ))}
            </Stack>
          )}
          <Text size="xs" c="dimmed" mt={6} px="xs">
            {t('search.keys')}
          </Text>
        </Box>
      </Popover.Dropdown>
    </Popover>
  );
}
