/**
 * The dashboard's reminder of subject requests (issue 17, point 3): open requests past their
 * 30-day deadline or due within 7 days, each a link to the request in the personal data section.
 * Shown to holders of `privacy.read` only (the main process checks it on `privacy.listRequests`),
 * and only when something needs attention.
 */
import { Anchor, Card, List, Stack, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RequestList } from '../../../src-shared/privacy';
import { requestUrgency } from '../../../src-shared/privacy/dates';
import { useApi } from '../../app/api';
import { useGranted } from '../../app/grants';
import { useNavigationStore } from '../../stores/navigation';
import { shortTime } from './files';
import { usePrivacyView } from './store';

/** The card (nothing when the role may not read the register or nothing is due). */
export function DueRequestsCard() {
  const allowed = useGranted('privacy.read');
  return allowed ? <DueRequests /> : null;
}

function DueRequests() {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const [list, setList] = useState<RequestList | null>(null);
  useEffect(() => {
    let alive = true;
    void api.privacy.listRequests({}).then(result => {
      if (alive && result.ok) setList(result.value);
    });
    return () => {
      alive = false;
    };
  }, [api]);
  if (!list) return null;
  const now = new Date(list.now);
  const due = list.items
    .map(request => ({ request, urgency: requestUrgency(request, now) }))
    .filter(each => each.urgency !== null);
  if (due.length === 0) return null;
  const open = (requestId: string) => {
    usePrivacyView.getState().show('requests', requestId);
    useNavigationStore.getState().select('privacy');
  };
  return (
    <Card withBorder padding="md" radius="md" component="section" aria-labelledby="due-requests">
      <Stack gap="xs">
        <Title order={2} size="h5" id="due-requests">
          {t('privacy.dueCard.title')}
        </Title>
        <Text size="sm">{t('privacy.dueCard.intro')}</Text>
        <List spacing={4} size="sm">
          {due.map(({ request, urgency }) => (
            <List.Item key={request.id}>
              <Anchor component="button" type="button" onClick={() => open(request.id)}>
                {t(`privacy.dueCard.${urgency === 'overdue' ? 'overdue' : 'dueSoon'}`, {
                  name: request.contactName || t('privacy.dueCard.erased'),
                  kind: t(`privacy.requests.kinds.${request.kind}`),
                  due: shortTime(request.dueAt, i18n.language),
                })}
              </Anchor>
            </List.Item>
          ))}
        </List>
      </Stack>
    </Card>
  );
}
