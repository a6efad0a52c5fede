/** The heading and the short explanation that open a step of a wizard or a part of a form. */
import { Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';

interface StepHeadingProps {
  title: string;
  intro: ReactNode;
  /** E.g. `zamok-no-print` on a page whose printout starts below. */
  className?: string;
}

/** An h2 (h4-sized) and a short text under it. */
export function StepHeading({ title, intro, className }: StepHeadingProps) {
  return (
    <>
      <Title order={2} size="h4" className={className}>
        {title}
      </Title>
      <Text size="sm" className={className}>
        {intro}
      </Text>
    </>
  );
}
