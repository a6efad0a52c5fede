/**
 * A small light badge whose text stays readable: the tint carries the colour, the label is near
 * black. Coloured labels (even shade 9: teal 4.3:1, orange 3.6:1 on their tints) fail WCAG AA at
 * badge size.
 */
import { Badge } from '@mantine/core';
import type { ReactNode } from 'react';

/** `color` is a theme colour name (teal, orange, red, gray, blue, grape). */
export function StatusBadge({ color, children }: { color: string; children: ReactNode }) {
  return (
    <Badge variant="light" color={color} c="dark.8" size="sm">
      {children}
    </Badge>
  );
}
