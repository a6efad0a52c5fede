/** The read-only fields of a contact, grouped as description lists. */
import { Anchor, Badge, CloseButton, Group, SimpleGrid, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import {
  CONTACT_TEXT_FIELDS,
  isContactTextField,
  withContactTextFields,
  type Contact,
  type ContactTextField,
} from '../../../src-shared/contacts';
import {
  ChangeStamps,
  detailFieldOf,
  DetailSection as Section,
  phoneLinks,
} from '../../components/records/RecordDetail';
import { useSessionStore } from '../../stores/session';
import { openCompany } from '../companies/actions';
import { personName } from './format';
import { mailLink } from '../../../src-shared/contacts/links';
import { MessengerNumber, OutsideLink, TelegramHandle } from '../../components/records/ReachLinks';

const Field = detailFieldOf('contacts');

/** The page's lines other than the free-text fields (labelled by `contacts.detail.<line>`). */
type OwnLine = 'phones' | 'emails' | 'telegram' | 'viber' | 'whatsapp' | 'tags';

const REACH_LINES = ['phones', 'emails', 'telegram', 'viber', 'whatsapp', 'address'] as const;

/**
 * The "Other" section's lines in order. Free-text fields are labelled by `contacts.textFields`;
 * one neither section names yet goes at the end of this one.
 */
const OTHER_LINES = withContactTextFields<OwnLine>([
  ...REACH_LINES,
  'companyName',
  'position',
  'tags',
  'source',
  'notes',
]).slice(REACH_LINES.length);

/** The company line: the linked company (marked when deleted), with the typed name if it differs. */
function CompanyValue({ contact }: { contact: Contact }) {
  const { t } = useTranslation();
  if (!contact.company) return null;
  return (
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
  );
}

/** The value of one free-text field on the page (null shows the dash). */
function textValue(contact: Contact, name: ContactTextField) {
  const value = contact[name];
  if (name === 'companyName') return contact.company ? <CompanyValue contact={contact} /> : value;
  // The address has always been shown as one flowing line; other multi-line fields keep breaks.
  if (!value || name === 'address' || !CONTACT_TEXT_FIELDS[name].multiline) return value;
  return <Text style={{ whiteSpace: 'pre-wrap' }}>{value}</Text>;
}

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
  const own: Record<OwnLine, ReactNode> = {
    phones: phoneLinks(contact.phones),
    emails:
      contact.emails.length > 0
        ? contact.emails.map(email => (
            <div key={email}>
              {mailLink(email) ? (
                <OutsideLink href={mailLink(email) ?? ''}>{email}</OutsideLink>
              ) : (
                email
              )}
            </div>
          ))
        : null,
    telegram: telegram ? <TelegramHandle handle={telegram} /> : null,
    viber: viber ? <MessengerNumber messenger="viber" e164={viber} /> : null,
    whatsapp: whatsapp ? <MessengerNumber messenger="whatsapp" e164={whatsapp} /> : null,
    tags:
      contact.tags.length > 0 ? (
        <Group gap={6}>
          {contact.tags.map(tag => (
            <Badge key={tag} variant="light">
              {tag}
            </Badge>
          ))}
        </Group>
      ) : null,
  };
  const line = (item: OwnLine | ContactTextField) =>
    isContactTextField(item) ? (
      <Field key={item} label={t(`contacts.textFields.${item}`)}>
        {textValue(contact, item)}
      </Field>
    ) : (
      <Field key={item} label={t(`contacts.detail.${item}`)}>
        {own[item]}
      </Field>
    );

  return (
    <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
      <Section title={t('contacts.detail.contactSection')}>{REACH_LINES.map(line)}</Section>
      <Section title={t('contacts.detail.otherSection')}>{OTHER_LINES.map(line)}</Section>
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
