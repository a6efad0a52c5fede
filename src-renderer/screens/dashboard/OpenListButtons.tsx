/**
 * Under each dashboard chart: one button per bar (or point) that opens the records behind it, so the
 * keyboard reaches what a mouse click on the chart does (issue 18 point 2).
 */
import { Button, Group, Text } from '@mantine/core';

/** One button: its React key, its text (name and count) and what it opens. */
export interface OpenListItem {
  key: string;
  text: string;
  open: () => void;
}

/** A labelled group of small buttons. */
export function OpenListButtons(props: { label: string; items: readonly OpenListItem[] }) {
  return (
    <Group gap={6} aria-label={props.label} role="group">
      <Text size="xs" c="dimmed">
        {props.label}
      </Text>
      {props.items.map(item => (
        <Button key={item.key} size="compact-xs" variant="light" onClick={item.open}>
          {item.text}
        </Button>
      ))}
    </Group>
  );
}
