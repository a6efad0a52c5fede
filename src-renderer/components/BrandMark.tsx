/** The Zamok padlock and name, used in headers. */
import { Group, Text, ThemeIcon } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** A padlock outline (decorative: the name next to it carries the meaning). */
export function PadlockIcon({ size = 18 }: { size?: number }) {
  return (
    <svg
      width={size}
      height={size}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth={2}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      <rect x="5" y="11" width="14" height="10" rx="2" />
      <path d="M8 11V7a4 4 0 0 1 8 0v4" />
    </svg>
  );
}

/** Padlock + product name, and the office's name beside it when one is set. */
export function BrandMark({ officeName = '' }: { officeName?: string }) {
  const { t } = useTranslation();
  return (
    <Group gap="xs" wrap="nowrap" style={{ minWidth: 0 }}>
      <ThemeIcon variant="light" radius="md" size="lg" aria-hidden="true">
        <PadlockIcon />
      </ThemeIcon>
      <Text fw={700} size="lg">
        {t('app.name')}
      </Text>
      {officeName ? (
        <Text size="sm" c="dimmed" truncate="end" maw={260} data-testid="office-name">
          {officeName}
        </Text>
      ) : null}
    </Group>
  );
}
