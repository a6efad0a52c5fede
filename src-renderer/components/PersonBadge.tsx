/**
 * A member of staff as cards and pickers show them: round initials and the full name, with the full
 * name in a tooltip too (a narrow column truncates it). `compact` shows the initials alone — still
 * with the tooltip and the name for screen readers — where there is no room for text. Virtual list
 * rows use the plain-markup `RowOwner` (components/records/RecordListbox.tsx) instead: Mantine's
 * tooltip hooks cost more than the rest of a row each time it scrolls into view (issue 19 point 5).
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
}: {
  name: string;
  compact?: boolean;
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
    <Group gap={6} wrap="nowrap" w={width} style={style} data-person={name}>
      {avatar}
      <Text size="sm" c="dimmed" truncate style={{ minWidth: 0 }}>
        {name}
      </Text>
    </Group>
  );
  return (
    <Tooltip label={name} withinPortal openDelay={300}>
      {badge}
    </Tooltip>
  );
}
