/**
 * A small light badge whose text stays readable: Mantine's light variant draws its label in a mid
 * shade (below 4.5:1 on the tinted background at badge size), so the label uses shade 9.
 */
import { Badge } from '@mantine/core';
import type { ReactNode } from 'react';

/** `color` is a theme colour name (teal, orange, red, gray, blue, grape). */
export function StatusBadge({ color, children }: { color: string; children: ReactNode }) {
  return (
    <Badge variant="light" color={color} c={`${color}.9`} size="sm">
      {children}
    </Badge>
  );
}
