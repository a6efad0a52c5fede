/**
 * The body of a paged audit list, shared by the audit screen's own log and its office view: the
 * empty note, the entries' table (when there are any), the loader and "Load older".
 */
import { Button, Group, Loader, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * `count` entries loaded so far (`children` shows them); `empty` is said when a load that did not
 * fail found none; "Load older" calls `onOlder` while `more` pages are left.
 */
export function PagedEntriesList({
  count,
  loading,
  failed,
  more,
  empty,
  onOlder,
  children,
}: {
  count: number;
  loading: boolean;
  failed: boolean;
  more: boolean;
  empty: string;
  onOlder: () => void;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <>
      {!loading && !failed && count === 0 ? <Text c="dimmed">{empty}</Text> : null}
      {count > 0 ? children : null}
      {loading ? (
        <Group gap="xs">
          <Loader size="sm" />
          <Text c="dimmed">{t('admin.loading')}</Text>
        </Group>
      ) : null}
      {!loading && more ? (
        <Button variant="default" w="fit-content" onClick={onOlder}>
          {t('admin.audit.loadOlder')}
        </Button>
      ) : null}
    </>
  );
}
