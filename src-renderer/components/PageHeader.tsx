/** The top of a section screen: its h1 and one line of intro, with the screen's main buttons. */
import { Group, Stack, Text, Title, type GroupProps } from '@mantine/core';
import type { ReactNode } from 'react';

interface PageHeaderProps {
  title: string;
  intro: ReactNode;
  /** Buttons (or controls) at the right. */
  children?: ReactNode;
  align?: GroupProps['align'];
  wrap?: GroupProps['wrap'];
}

/** Title and intro at the left, `children` at the right. */
export function PageHeader({
  title,
  intro,
  children,
  align = 'flex-start',
  wrap,
}: PageHeaderProps) {
  return (
    <Group justify="space-between" align={align} wrap={wrap}>
      <Stack gap={4}>
        <Title order={1} size="h3">
          {title}
        </Title>
        <Text size="sm" c="dimmed">
          {intro}
        </Text>
      </Stack>
      {children}
    </Group>
  );
}
