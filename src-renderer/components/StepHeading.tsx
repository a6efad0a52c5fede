/** The heading and the one-paragraph explanation that open a step of a wizard or a part of a form. */
import { Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';

/** An h2 (h4-sized) and a short text under it. */
export function StepHeading({ title, intro }: { title: string; intro: ReactNode }) {
  return (
    <>
      <Title order={2} size="h4">
        {title}
      </Title>
      <Text size="sm">{intro}</Text>
    </>
  );
}
