/** The read-only fields of a contact, grouped as description lists. */
import { Anchor, Badge, CloseButton, Group, SimpleGrid, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Contact } from '../../../src-shared/contacts';
import {
  ChangeStamps,
  detailFieldOf,
  DetailSection as Section,
  phoneLinks,
} from '../../components/records/RecordDetail';
import { useSessionStore } from '../../stores/session';
import { openCompany } from '../companies/actions';
import { formatPhone, personName } from './format';

const Field = detailFieldOf('contacts');

/** All fields of `contact`; `onUnshare` removes a colleague's access. */
export function ContactFields(props: {
  contact: Contact;
  users: readonly { id: string; displayName: string }[] | null;
  canUnshare: boolean;
  onUnshare: (userId: string) => void;
}) {
  const { t } = useTranslation();
  const { contact } = props;
  const me = useSessionStore(state => state.user);
  const known = new Map((props.users ?? []).map(user => [user.id, user.displayName]));
  if (me) known.set(me.id, me.displayName);
  const who = (userId: string) =>
    personName(userId, contact, known) ?? t('contacts.detail.colleague');
  const { telegram, viber, whatsapp } = contact.messengers;

  return (
    <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
      <Section title={t('contacts.detail.contactSection')}>
        <Field label={t('contacts.detail.phones')}>{phoneLinks(contact.phones)}</Field>
        <Field label={t('contacts.detail.emails')}>
          {contact.emails.length > 0
            ? contact.emails.map(email => (
                <div key={email}>
                  <Anchor href={`mailto:${email}`}>{email}</Anchor>
                </div>
              ))
            : null}
        </Field>
        <Field label={t('contacts.detail.telegram')}>{telegram ?? null}</Field>
        <Field label={t('contacts.detail.viber')}>{viber ? formatPhone(viber) : null}</Field>
        <Field label={t('contacts.detail.whatsapp')}>
          {whatsapp ? formatPhone(whatsapp) : null}
        </Field>
        <Field label={t('contacts.detail.address')}>{contact.address}</Field>
      </Section>
      <Section title={t('contacts.detail.otherSection')}>
        <Field label={t('contacts.detail.company')}>
          {contact.company ? (
            <Group gap={6}>
              <Anchor
                component="button"
                type="button"
                onClick={() => openCompany(contact.company?.id ?? '')}
              >
                {contact.company.name}
              </Anchor>
              {contact.company.deletedAt ? (
                <Badge color="gray" variant="light" size="sm">
                  {t('companies.picker.deleted')}
                </Badge>
              ) : null}
              {contact.companyName && contact.companyName !== contact.company.name ? (
                <Text span c="dimmed" size="sm">
                  ({contact.companyName})
                </Text>
              ) : null}
            </Group>
          ) : (
            contact.companyName
          )}
        </Field>
        <Field label={t('contacts.detail.position')}>{contact.position}</Field>
        <Field label={t('contacts.detail.tags')}>
          {contact.tags.length > 0 ? (
            <Group gap={6}>
              {contact.tags.map(tag => (
                <Badge key={tag} variant="light">
                  {tag}
                </Badge>
              ))}
            </Group>
          ) : null}
        </Field>
        <Field label={t('contacts.detail.source')}>{contact.source}</Field>
        <Field label={t('contacts.detail.notes')}>
          {contact.notes ? <Text style={{ whiteSpace: 'pre-wrap' }}>{contact.notes}</Text> : null}
        </Field>
      </Section>
      <Section title={t('contacts.detail.recordSection')}>
        <Field label={t('contacts.detail.owner')}>{contact.ownerName}</Field>
        <Field label={t('contacts.detail.sharedWith')}>
          {contact.sharedWith.length > 0
            ? contact.sharedWith.map(share => (
                <Group key={share.userId} gap={4}>
                  <Text>{share.displayName}</Text>
                  {props.canUnshare ? (
                    <CloseButton
                      size="sm"
                      aria-label={t('contacts.detail.unshare', { name: share.displayName })}
                      onClick={() => props.onUnshare(share.userId)}
                    />
                  ) : null}
                </Group>
              ))
            : null}
        </Field>
        <ChangeStamps ns="contacts" record={contact} nameOf={who} />
      </Section>
    </SimpleGrid>
  );
}
