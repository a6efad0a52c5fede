/**
 * One entry of a record's timeline: symbol, subject, kind, details, when and who, a task's due
 * time (red when overdue) and done tick, and — for an activity the caller may change — a "⋯" menu
 * with Edit and Delete (Mantine Menu: Enter or Space opens it, arrows move, Escape closes). A deal's
 * title is a button that opens the deal's page.
 */
import {
  ActionIcon,
  Anchor,
  Badge,
  Checkbox,
  Group,
  Menu,
  Stack,
  Text,
  ThemeIcon,
} from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { CallFacts, TimelineItem } from '../../../src-shared/activities';
import { formatDateTime } from '../contacts/format';
import { openDeal } from '../deals/store';
import { containKeys } from './ActivityDialogs';
import { itemLook, relativeTime } from './format';

/** "Вихідний · 7 хв · Передзвонити": the facts a call or meeting carries, in the app's language. */
export function factsLine(facts: CallFacts, t: TFunction): string {
  return [
    facts.direction ? t(`activities.plan.facts.directions.${facts.direction}`) : null,
    facts.durationMinutes !== null
      ? t('activities.plan.facts.minutes', { count: facts.durationMinutes })
      : null,
    facts.outcome ? t(`activities.plan.facts.outcomes.${facts.outcome}`) : null,
  ]
    .filter(Boolean)
    .join(' · ');
}

/** What the caller may do with this entry (main decides again). */
export interface EntryAbilities {
  tick: boolean;
  edit: boolean;
  remove: boolean;
}

/** The entry as a list item; `now` is the time relative times are counted from. */
export function TimelineEntry(props: {
  item: TimelineItem;
  now: number;
  can: EntryAbilities;
  onToggle: () => void;
  onEdit: () => void;
  onRemove: () => void;
}) {
  const { t, i18n } = useTranslation();
  const { item, now, can } = props;
  const look = itemLook(item);
  const label =
    item.source === 'activity' && item.kind
      ? t(`activities.kinds.${item.kind}`)
      : t(`activities.sources.${item.source === 'deal' ? 'deal' : 'document'}`);
  const overdue =
    item.kind === 'task' && !item.doneAt && item.dueAt !== null && Date.parse(item.dueAt) < now;
  const title = item.subject || label;
  return (
    <li>
      <Group align="flex-start" wrap="nowrap" gap="sm">
        <ThemeIcon color={look.color} variant="light" radius="xl" size="lg" aria-hidden>
          <span>{look.symbol}</span>
        </ThemeIcon>
        <Stack gap={2} style={{ flex: 1, minWidth: 0 }}>
          <Group gap="xs">
            {item.source === 'deal' ? (
              <Anchor
                component="button"
                type="button"
                fw={600}
                title={t('activities.timeline.openDeal')}
                onClick={() => openDeal(item.id)}
              >
                {title}
              </Anchor>
            ) : (
              <Text fw={600}>{title}</Text>
            )}
            <Badge variant="light" color={look.color} c="dark.7" size="sm">
              {label}
            </Badge>
            {item.doneAt ? (
              <Badge color="green" c="green.9" variant="light" size="sm">
                {t('activities.timeline.done')}
              </Badge>
            ) : null}
          </Group>
          {item.facts ? (
            <Text size="sm" data-testid="call-facts">
              {factsLine(item.facts, t)}
            </Text>
          ) : null}
          {item.body ? (
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {item.body}
            </Text>
          ) : null}
          <Text size="sm" c="dimmed">
            <time dateTime={item.at} title={formatDateTime(item.at, i18n.language)}>
              {relativeTime(item.at, now, i18n.language, t('activities.relative.now'))}
            </time>
            {item.ownerName ? ` · ${item.ownerName}` : ''}
            {item.dueAt ? (
              <Text span c={overdue ? 'red' : 'dimmed'} fw={overdue ? 600 : undefined}>
                {' · '}
                {t('activities.timeline.due', { when: formatDateTime(item.dueAt, i18n.language) })}
              </Text>
            ) : null}
          </Text>
        </Stack>
        {item.kind === 'task' && can.tick ? (
          <Checkbox
            mt={4}
            aria-label={
              item.doneAt ? t('activities.timeline.markOpen') : t('activities.timeline.markDone')
            }
            checked={item.doneAt !== null}
            onChange={props.onToggle}
          />
        ) : null}
        {can.edit || can.remove ? (
          // No focus placeholder (a non-item child of role="menu" fails axe): opening the menu
          // focuses its first item instead, as the ARIA menu button pattern does.
          <Menu position="bottom-end" withinPortal withInitialFocusPlaceholder={false}>
            <Menu.Target>
              <ActionIcon
                variant="subtle"
                color="gray"
                aria-label={t('activities.timeline.actions', { subject: title })}
              >
                <span aria-hidden="true">⋯</span>
              </ActionIcon>
            </Menu.Target>
            <Menu.Dropdown onKeyDown={containKeys}>
              {can.edit ? (
                <Menu.Item
                  data-autofocus
                  leftSection={<span aria-hidden="true">✎</span>}
                  onClick={props.onEdit}
                >
                  {t('activities.timeline.edit')}
                </Menu.Item>
              ) : null}
              {can.remove ? (
                <Menu.Item
                  // Text colour only: with `color`, Mantine paints the hovered item red under red text
                  // (below 4.5:1); the default hover keeps red.9 readable.
                  c="red.9"
                  data-autofocus={can.edit ? undefined : true}
                  leftSection={<span aria-hidden="true">✕</span>}
                  onClick={props.onRemove}
                >
                  {t('activities.timeline.remove')}
                </Menu.Item>
              ) : null}
            </Menu.Dropdown>
          </Menu>
        ) : null}
      </Group>
    </li>
  );
}
