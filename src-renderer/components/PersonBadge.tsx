/**
 * A member of staff as lists and cards show them: round initials and the full name, with the full
 * name in a tooltip too (a narrow column truncates it). `compact` shows the initials alone — still
 * with the tooltip and the name for screen readers — where there is no room for text. Rows of a
 * virtual list pass `tooltip="title"`: the browser's own tooltip (the `title` attribute) instead
 * of Mantine's, whose floating-ui hooks cost more than the rest of the row each time a row
 * scrolls into view (issue 19 point 5, bench/scroll-frames.ts --profile).
 */
import { Avatar, Group, Text, Tooltip } from '@mantine/core';
import type { CSSProperties } from 'react';

/** "Олена Шевченко" → "ОШ"; a login → its first two letters. */
export function initials(name: string): string {
  const words = name.trim().split(/\s+/u).filter(Boolean);
  const letters =
    words.length >= 2 ? [words[0]?.[0], words[1]?.[0]] : [...(words[0] ?? '?')].slice(0, 2);
  return letters.join('').toUpperCase();
}

/** The person's initials and name. */
export function PersonBadge({
  name,
  compact = false,
  width,
  style,
  tooltip = 'floating',
}: {
  name: string;
  compact?: boolean;
  /** Mantine's tooltip, or the `title` attribute (cheap to mount: for list rows). */
  tooltip?: 'floating' | 'title';
  /** The whole badge's width (the name truncates inside it). */
  width?: number | undefined;
  style?: CSSProperties | undefined;
}) {
  const avatar = (
    <Avatar
      size="sm"
      radius="xl"
      color="blue"
      aria-hidden={compact ? undefined : true}
      aria-label={compact ? name : undefined}
    >
      {initials(name)}
    </Avatar>
  );
  const badge = compact ? (
    avatar
  ) : (
    <Group
      gap={6}
      wrap="nowrap"
      w={width}
      style={style}
      data-person={name}
      title={tooltip === 'title' ? name : undefined}
    >
      {avatar}
      <Text size="sm" c="dimmed" truncate style={{ minWidth: 0 }}>
        {name}
      </Text>
    </Group>
  );
  if (tooltip === 'title' && !compact) return badge;
  return (
    <Tooltip label={name} withinPortal openDelay={300}>
      {badge}
    </Tooltip>
  );
}
