/**
 * Create or edit a contact. Checked live with the shared schema (the one the main process parses
 * with); a field's message appears once the field was left or a save was tried, and follows every
 * keystroke after that. Ctrl+Enter saves, Escape cancels.
 */
import { SimpleGrid, TagsInput, Textarea, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { RecordFormProps } from '../../components/records/RecordScreen';
import { CONTACT_LIMITS, type Contact } from '../../../src-shared/contacts';
import { grantOf } from '../../../src-shared/roles';
import { useApi } from '../../app/api';
import {
  FormSection as Section,
  NotesField,
  RecordForm,
} from '../../components/records/RecordForm';
import { useRecordForm } from '../../components/records/use-record-form';
import { CustomFieldsSection } from '../../components/records/CustomFieldsSection';
import { useCustomFields } from '../../components/records/use-custom-fields';
import { useSessionStore } from '../../stores/session';
import { CompanyPicker } from '../companies/CompanyPicker';
import { loadContact, rememberContact } from './actions';
import { contactFormModel } from './form-model';
import { DuplicateWarnings } from '../../components/records/DuplicateWarnings';
import { EmailRows, PhoneRows } from '../../components/records/FormRows';
import { useContactsStore } from './store';

/** The form; `record` null = a new contact. `onDone` gets the saved contact's id. */
export function ContactForm(props: RecordFormProps<Contact>) {
  const { t } = useTranslation();
  const api = useApi();
  const custom = useCustomFields('contact', props.record?.id ?? null);
  const form = useRecordForm(props, contactFormModel, {
    ns: 'contacts',
    create: contact => api.contacts.create({ contact }),
    update: (id, patch, expectedUpdatedAt) => api.contacts.update({ id, patch, expectedUpdatedAt }),
    load: id => loadContact(api, id, false),
    remember: (contact, created) => {
      rememberContact(contact);
      // A new contact belongs somewhere in the sorted list: reload it when the list shows again.
      if (created) useContactsStore.setState({ loadedQuery: null });
    },
    extra: custom,
  });
  const { values, change, touch, errorOf, text } = form;
  // Linking needs companies.read: the picker lists only companies the main process would accept.
  const grants = useSessionStore(state => state.user?.grants);
  const canLink = grants !== undefined && grantOf(grants, 'companies.read') !== undefined;

  return (
    <RecordForm ns="contacts" form={form}>
      <Section title={t('contacts.form.person')}>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <TextInput
            {...text('surname', t('contacts.form.surname'), CONTACT_LIMITS.name)}
            data-autofocus
            autoFocus
          />
          <TextInput {...text('givenName', t('contacts.form.givenName'), CONTACT_LIMITS.name)} />
          <TextInput {...text('patronymic', t('contacts.form.patronymic'), CONTACT_LIMITS.name)} />
        </SimpleGrid>
        {canLink ? (
          <CompanyPicker
            value={values.companyId}
            label={values.companyLabel}
            error={errorOf('companyId')}
            onChange={(companyId, name) =>
              change({
                companyId,
                companyLabel: name,
                // A first link also fills the free-text company field the list shows.
                ...(values.companyName.trim() === '' && name ? { companyName: name } : {}),
              })
            }
          />
        ) : null}
        <TextInput
          {...text('companyName', t('contacts.form.company'), CONTACT_LIMITS.companyName)}
        />
        <TextInput {...text('position', t('contacts.form.position'), CONTACT_LIMITS.position)} />
      </Section>
      <Section title={t('contacts.form.reach')}>
        <PhoneRows {...form.rows('phones')} />
        <EmailRows {...form.rows('emails')} />
        <DuplicateWarnings
          type="contacts"
          values={{
            phones: values.phones.map(p => p.number),
            emails: values.emails,
            name: {
              surname: values.surname,
              givenName: values.givenName,
              patronymic: values.patronymic,
            },
          }}
          excludeId={props.record?.id}
        />
        <Textarea
          {...text('address', t('contacts.form.address'), CONTACT_LIMITS.address)}
          autosize
          minRows={2}
        />
      </Section>
      <Section title={t('contacts.form.messengers')}>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <TextInput
            {...text('telegram', t('contacts.form.telegram'), CONTACT_LIMITS.handleText)}
            placeholder={t('contacts.form.telegramPlaceholder')}
            onBlur={() => touch('messengers.telegram')}
            error={errorOf('messengers.telegram')}
          />
          <TextInput
            {...text('viber', t('contacts.form.viber'), CONTACT_LIMITS.phoneText)}
            placeholder={t('contacts.form.phonePlaceholder')}
            onBlur={() => touch('messengers.viber')}
            error={errorOf('messengers.viber')}
          />
          <TextInput
            {...text('whatsapp', t('contacts.form.whatsapp'), CONTACT_LIMITS.phoneText)}
            placeholder={t('contacts.form.phonePlaceholder')}
            onBlur={() => touch('messengers.whatsapp')}
            error={errorOf('messengers.whatsapp')}
          />
        </SimpleGrid>
      </Section>
      <Section title={t('contacts.form.other')}>
        <TagsInput
          label={t('contacts.form.tags')}
          description={t('contacts.form.tagsHint')}
          value={values.tags}
          onChange={tags => change({ tags })}
          onBlur={() => touch('tags')}
          error={errorOf('tags') ?? firstTagError(values.tags, errorOf)}
          maxTags={CONTACT_LIMITS.tags}
          clearable
        />
        <TextInput
          {...text('source', t('contacts.form.source'), CONTACT_LIMITS.source)}
          placeholder={t('contacts.form.sourcePlaceholder')}
        />
        <NotesField {...text('notes', t('contacts.form.notes'), CONTACT_LIMITS.notes)} />
      </Section>
      <CustomFieldsSection custom={custom} tried={form.tried} />
    </RecordForm>
  );
}

function firstTagError(tags: string[], errorOf: (path: string) => string | undefined) {
  for (const index of tags.keys()) {
    const message = errorOf(`tags.${index}`);
    if (message) return message;
  }
  return undefined;
}
