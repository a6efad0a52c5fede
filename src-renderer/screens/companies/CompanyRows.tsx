/**
 * The virtualized rows of the company list: only the visible rows are in the DOM; the next SQL page
 * is asked for as the user nears the end of what is loaded. Same keyboard model as the contact list.
 */
import { Badge, Box, Group, Loader, Text } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CompanySummary } from '../../../src-shared/companies';
import { useApi } from '../../app/api';
import { formatPhone } from '../contacts/format';
import { loadNextPage } from './actions';
import type { CompanyAbilities } from './permissions';
import { useCompaniesStore } from './store';

const ROW_HEIGHT = 64;
/** Ask for the next page when this few loaded rows are left below the visible ones. */
const PREFETCH_ROWS = 15;

/** The list rows as a keyboard-driven listbox. */
export function CompanyRows({
  abilities,
  onOpen,
}: {
  abilities: CompanyAbilities;
  onOpen: (id: string) => void;
}) {
  const { t } = useTranslation();
  const api = useApi();
  const items = useCompaniesStore(state => state.items);
  const status = useCompaniesStore(state => state.status);
  const nextCursor = useCompaniesStore(state => state.nextCursor);
  const selected = useCompaniesStore(state => state.selected);
  const select = useCompaniesStore(state => state.select);
  const scrollRef = useRef<HTMLDivElement>(null);

  const virtualizer = useVirtualizer({
    count: items.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
    initialRect: { width: 800, height: 640 },
    initialOffset: () => Math.max(0, useCompaniesStore.getState().selected - 3) * ROW_HEIGHT,
  });
  const rows = virtualizer.getVirtualItems();
  const lastVisible = rows.at(-1)?.index ?? -1;

  useEffect(() => {
    if (nextCursor && status === 'ready' && lastVisible >= items.length - PREFETCH_ROWS)
      void loadNextPage(api);
  }, [api, lastVisible, items.length, nextCursor, status]);

  const move = (index: number) => {
    const target = Math.max(0, Math.min(index, items.length - 1));
    select(target);
    virtualizer.scrollToIndex(target, { align: 'auto' });
  };
  const enterList = (step: number) => {
    if (document.activeElement !== document.body && document.activeElement !== null) return;
    scrollRef.current?.focus();
    move(selected + step);
  };
  useHotkeys([
    ['ArrowDown', () => enterList(1), { preventDefault: false }],
    ['ArrowUp', () => enterList(-1), { preventDefault: false }],
  ]);
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const page = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? 640) / ROW_HEIGHT));
    const keys: Record<string, () => void> = {
      ArrowDown: () => move(selected + 1),
      ArrowUp: () => move(selected - 1),
      PageDown: () => move(selected + page),
      PageUp: () => move(selected - page),
      Home: () => move(0),
      End: () => move(items.length - 1),
      Enter: () => {
        const item = items[selected];
        if (item) onOpen(item.id);
      },
    };
    const action = keys[event.key];
    if (!action) return;
    event.preventDefault();
    action();
  };

  return (
    <Box style={{ flex: 1, minHeight: 0, display: 'flex', flexDirection: 'column' }}>
      <Text size="xs" c="dimmed" mb={4}>
        {t('companies.list.keyboardHint')}
      </Text>
      <div
        ref={scrollRef}
        role="listbox"
        aria-label={t('companies.list.label')}
        aria-activedescendant={items[selected] ? `company-row-${items[selected].id}` : undefined}
        aria-busy={status === 'loading-more'}
        tabIndex={0}
        onKeyDown={onKeyDown}
        className="companies-list"
        style={{
          flex: 1,
          overflow: 'auto',
          border: '1px solid var(--mantine-color-default-border)',
          borderRadius: 'var(--mantine-radius-md)',
        }}
      >
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {rows.map(row => {
            const item = items[row.index];
            if (!item) return null;
            return (
              <Row
                key={item.id}
                item={item}
                top={row.start}
                selected={row.index === selected}
                showOwner={abilities.wideScope}
                onClick={() => {
                  select(row.index);
                  onOpen(item.id);
                }}
              />
            );
          })}
        </div>
      </div>
      {status === 'loading-more' ? (
        <Group gap="xs" justify="center" py={4}>
          <Loader size="xs" />
          <Text size="sm" c="dimmed">
            {t('companies.list.loadingMore')}
          </Text>
        </Group>
      ) : null}
    </Box>
  );
}

function Row(props: {
  item: CompanySummary;
  top: number;
  selected: boolean;
  showOwner: boolean;
  onClick: () => void;
}) {
  const { t } = useTranslation();
  const { item } = props;
  const code = item.edrpou
    ? t('companies.list.edrpou', { code: item.edrpou })
    : item.rnokpp
      ? t('companies.list.rnokpp', { code: item.rnokpp })
      : null;
  const site = item.website ? item.website.replace(/^https?:\/\//u, '') : null;
  return (
    <div
      id={`company-row-${item.id}`}
      role="option"
      aria-selected={props.selected}
      onClick={props.onClick}
      style={{
        position: 'absolute',
        top: 0,
        left: 0,
        width: '100%',
        height: ROW_HEIGHT,
        transform: `translateY(${props.top}px)`,
        padding: '8px 16px',
        cursor: 'pointer',
        borderBottom: '1px solid var(--mantine-color-default-border)',
        background: props.selected ? 'var(--mantine-primary-color-light)' : undefined,
      }}
    >
      <Group justify="space-between" wrap="nowrap" gap="md">
        <div style={{ minWidth: 0 }}>
          <Group gap="xs" wrap="nowrap">
            <Text fw={600} truncate>
              {item.name}
            </Text>
            {item.deletedAt ? (
              <Badge color="gray" variant="light" size="sm" style={{ flexShrink: 0 }}>
                {t('companies.list.deleted')}
              </Badge>
            ) : null}
          </Group>
          <Text size="sm" c="dimmed" truncate>
            {[code, item.phone ? formatPhone(item.phone) : null, site]
              .filter(Boolean)
              .join(' · ') || t('companies.none')}
          </Text>
        </div>
        {props.showOwner ? (
          <Text size="sm" c="dimmed" w={160} truncate ta="right" style={{ flexShrink: 0 }}>
            {item.ownerName}
          </Text>
        ) : null}
      </Group>
    </div>
  );
}
