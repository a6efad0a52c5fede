/** A section that is not built yet: its name, what it will do, and a calm "coming soon". */
import { EmptyState, Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Section } from '../stores/navigation';

/** The empty state page for one navigation section. */
export function ComingSoon({ section }: { section: Section }) {
  const { t } = useTranslation();
  return (
    <Stack gap="xl" maw={720}>
      <Title order={1} size="h2">
        {t(`shell.sections.${section}`)}
      </Title>
      <EmptyState
        withIndicatorBackground
        icon={<ClockIcon />}
        title={t('shell.comingSoon')}
        description={`${t(`shell.sections.${section}Description`)} ${t('shell.comingSoonHint')}`}
        py="xl"
      />
    </Stack>
  );
}

function ClockIcon() {
  return (
    <svg
      width={28}
      height={28}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth={1.8}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      <circle cx="12" cy="12" r="9" />
      <path d="M12 7v5l3 2" />
    </svg>
  );
}
