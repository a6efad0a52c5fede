/**
 * The body of a paged audit list, shared by the audit screen's own log and its office view: the
 * empty note, the entries' table (when there are any), the loader and "Load older".
 */
import { Button, Group, Loader, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { PagedEntries } from './usePagedEntries';

/**
 * The pages `paged` loaded so far (`children` shows their entries); `empty` is said when a load
 * that did not fail found none; "Load older" loads the next page while there is one.
 */
export function PagedEntriesList<C>({
  paged: { entries, next, loading, error, load },
  empty,
  children,
}: {
  paged: Pick<PagedEntries<unknown, unknown, C>, 'entries' | 'next' | 'loading' | 'error' | 'load'>;
  empty: string;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <>
      {!loading && !error && entries.length === 0 ? <Text c="dimmed">{empty}</Text> : null}
      {entries.length > 0 ? children : null}
      {loading ? (
        <Group gap="xs">
          <Loader size="sm" />
          <Text c="dimmed">{t('admin.loading')}</Text>
        </Group>
      ) : null}
      {!loading && next !== null ? (
        <Button variant="default" w="fit-content" onClick={() => void load(next)}>
          {t('admin.audit.loadOlder')}
        </Button>
      ) : null}
    </>
  );
}
