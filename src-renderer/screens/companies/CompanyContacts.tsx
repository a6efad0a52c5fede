/**
 * The people of a company on its page: the linked contacts the caller's own contacts scope reaches
 * (the main process scopes them in SQL), paged; a click opens the contact.
 */
import { Anchor, Button, Group, Loader, Stack, Text } from '@mantine/core';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContactSummary } from '../../../src-shared/contacts';
import type { CallError } from '../../../src-shared/ipc/contract';
import { useApi } from '../../app/api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { DetailPanel } from '../../components/records/RecordDetail';
import { useNavigationStore } from '../../stores/navigation';
import { formatPhone, fullName } from '../contacts/format';
import { useContactsStore } from '../contacts/store';

/** Opens a contact's page in the contacts section. */
function openContact(id: string): void {
  const contacts = useContactsStore.getState();
  useContactsStore.setState({
    view: { kind: 'detail', id },
    current: contacts.current?.id === id ? contacts.current : null,
  });
  useNavigationStore.getState().select('contacts');
}

/** The linked contacts of company `id`. */
export function CompanyContacts({ id, refresh }: { id: string; refresh: string }) {
  const { t } = useTranslation();
  const api = useApi();
  const [items, setItems] = useState<ContactSummary[] | null>(null);
  const [cursor, setCursor] = useState<string | null>(null);
  const [error, setError] = useState<CallError | null>(null);
  const [loading, setLoading] = useState(false);

  const load = useCallback(
    async (after: string | null) => {
      setLoading(true);
      const result = await api.companies.contacts(after ? { id, cursor: after } : { id });
      setLoading(false);
      if (!result.ok) return setError(result.error);
      setError(null);
      setItems(old => [...(after ? (old ?? []) : []), ...result.value.items]);
      setCursor(result.value.nextCursor);
    },
    [api, id],
  );
  // `refresh` (the company's updatedAt) reloads the list after a change on the page.
  useEffect(() => {
    void load(null);
  }, [load, refresh]);

  return (
    <DetailPanel title={t('companies.detail.contacts')} label={t('companies.detail.contactsLabel')}>
      <ErrorAlert error={error} />
      {items === null ? (
        <Group gap="sm">
          <Loader size="xs" />
        </Group>
      ) : items.length === 0 ? (
        <Text c="dimmed">{t('companies.detail.contactsEmpty')}</Text>
      ) : (
        <Stack gap={6} component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
          {items.map(item => (
            <li key={item.id}>
              <Anchor component="button" type="button" onClick={() => openContact(item.id)}>
                {fullName(item)}
              </Anchor>
              {item.phone ? (
                <Text span c="dimmed" size="sm">
                  {' '}
                  · {formatPhone(item.phone)}
                </Text>
              ) : null}
            </li>
          ))}
        </Stack>
      )}
      {cursor ? (
        <Button
          variant="subtle"
          size="xs"
          mt="sm"
          loading={loading}
          onClick={() => void load(cursor)}
        >
          {t('companies.detail.contactsMore')}
        </Button>
      ) : null}
    </DetailPanel>
  );
}
