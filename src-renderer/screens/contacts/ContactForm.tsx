/**
 * Create or edit a contact. Checked live with the shared schema (the one the main process parses
 * with); a field's message appears once the field was left or a save was tried, and follows every
 * keystroke after that. Ctrl+Enter saves, Escape cancels.
 */
import {
  Alert,
  Button,
  Group,
  Paper,
  SimpleGrid,
  Stack,
  TagsInput,
  Textarea,
  TextInput,
  Title,
  Tooltip,
} from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { useMemo, useState, type KeyboardEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { CONTACT_LIMITS, type Contact } from '../../../src-shared/contacts';
import type { CallError } from '../../../src-shared/ipc/contract';
import { grantOf } from '../../../src-shared/roles';
import { useApi } from '../../app/api';
import { BusyButton } from '../../components/BusyButton';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useSessionStore } from '../../stores/session';
import { CompanyPicker } from '../companies/CompanyPicker';
import { loadContact, rememberContact } from './actions';
import {
  changedFields,
  checkForm,
  emptyValues,
  serverFieldErrors,
  valuesFromContact,
  type ContactFormValues,
  type FieldErrors,
} from './form-model';
import { EmailRows, PhoneRows } from './FormRows';
import { useContactsStore } from './store';

/** The form; `contact` null = a new one. `onDone` gets the saved contact's id. */
export function ContactForm(props: {
  contact: Contact | null;
  onDone: (id: string) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const api = useApi();
  const [base, setBase] = useState(props.contact);
  const [values, setValues] = useState<ContactFormValues>(() =>
    base ? valuesFromContact(base) : emptyValues(),
  );
  const [touched, setTouched] = useState<ReadonlySet<string>>(new Set());
  const [tried, setTried] = useState(false);
  const [serverErrors, setServerErrors] = useState<FieldErrors>({});
  const [error, setError] = useState<CallError | null>(null);
  const [conflict, setConflict] = useState(false);
  const [saving, setSaving] = useState(false);
  // Linking needs companies.read: the picker lists only companies the main process would accept.
  const grants = useSessionStore(state => state.user?.grants);
  const canLink = grants !== undefined && grantOf(grants, 'companies.read') !== undefined;

  const check = useMemo(() => checkForm(values), [values]);
  const liveErrors: FieldErrors = check.ok ? {} : check.errors;
  const errorOf = (path: string): string | undefined => {
    const shown = tried || touched.has(path) || touched.has(path.split('.')[0] ?? path);
    const code = serverErrors[path] ?? (shown ? liveErrors[path] : undefined);
    return code ? t(code) : undefined;
  };
  const touch = (path: string) => setTouched(old => (old.has(path) ? old : new Set(old).add(path)));
  const change = (patch: Partial<ContactFormValues>) => {
    setValues(old => ({ ...old, ...patch }));
    setServerErrors({});
  };

  const save = async () => {
    if (saving) return;
    setTried(true);
    setError(null);
    if (!check.ok) return;
    let result;
    if (base) {
      const before = checkForm(valuesFromContact(base));
      const patch = before.ok ? changedFields(before.input, check.input, check.raw) : check.raw;
      if (Object.keys(patch).length === 0) return props.onDone(base.id);
      setSaving(true);
      result = await api.contacts.update({ id: base.id, patch, expectedUpdatedAt: base.updatedAt });
    } else {
      setSaving(true);
      result = await api.contacts.create({ contact: check.raw });
    }
    setSaving(false);
    if (result.ok) {
      rememberContact(result.value);
      // A new contact belongs somewhere in the sorted list: reload it when the list shows again.
      if (!base) useContactsStore.setState({ loadedQuery: null });
      props.onDone(result.value.id);
      return;
    }
    if (result.error.code === 'conflict') setConflict(true);
    else {
      const fields = serverFieldErrors(result.error, values);
      setServerErrors(fields);
      if (Object.keys(fields).length === 0) setError(result.error);
    }
  };

  const reload = async () => {
    if (!base) return;
    const fresh = await loadContact(api, base.id, false);
    if (!fresh.ok) return setError(fresh.error);
    rememberContact(fresh.value);
    setBase(fresh.value);
    setValues(valuesFromContact(fresh.value));
    setConflict(false);
    setServerErrors({});
  };

  useHotkeys([['mod+Enter', () => void save()]], []);
  const onKeyDown = (event: KeyboardEvent<HTMLFormElement>) => {
    // Escape in an open list (tags, selects) closes that list, not the form.
    const target = event.target as HTMLElement;
    if (event.key !== 'Escape' || target.getAttribute('aria-expanded') === 'true') return;
    event.preventDefault();
    props.onCancel();
  };
  const text = (key: keyof ContactFormValues, label: string, limit: number) => ({
    label,
    value: values[key] as string,
    onChange: (event: { currentTarget: { value: string } }) =>
      change({ [key]: event.currentTarget.value }),
    onBlur: () => touch(key),
    error: errorOf(key),
    maxLength: limit * 2,
  });

  return (
    <form
      onSubmit={event => {
        event.preventDefault();
        void save();
      }}
      onKeyDown={onKeyDown}
      noValidate
    >
      <Stack gap="lg" maw={960}>
        <Title order={1}>{t(base ? 'contacts.form.editTitle' : 'contacts.form.newTitle')}</Title>
        {conflict ? (
          <Alert color="orange" variant="light" role="alert">
            <Group justify="space-between">
              <span>{t('contacts.form.conflict')}</span>
              <Button size="xs" variant="white" onClick={() => void reload()}>
                {t('contacts.form.reload')}
              </Button>
            </Group>
          </Alert>
        ) : null}
        <ErrorAlert error={error} />
        <Section title={t('contacts.form.person')}>
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <TextInput
              {...text('surname', t('contacts.form.surname'), CONTACT_LIMITS.name)}
              required
              data-autofocus
              autoFocus
            />
            <TextInput
              {...text('givenName', t('contacts.form.givenName'), CONTACT_LIMITS.name)}
              required
            />
            <TextInput
              {...text('patronymic', t('contacts.form.patronymic'), CONTACT_LIMITS.name)}
            />
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
        </Section>
        <Section title={t('contacts.form.reach')}>
          <PhoneRows
            rows={values.phones}
            onChange={phones => change({ phones })}
            onBlur={touch}
            errorOf={errorOf}
          />
          <EmailRows
            rows={values.emails}
            onChange={emails => change({ emails })}
            onBlur={touch}
            errorOf={errorOf}
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
          <Textarea
            {...text('notes', t('contacts.form.notes'), CONTACT_LIMITS.notes)}
            autosize
            minRows={3}
            maxRows={12}
          />
        </Section>
        {tried && !check.ok ? (
          <Alert color="red" variant="light">
            {t('contacts.form.fixErrors')}
          </Alert>
        ) : null}
        <Group justify="flex-end">
          <Tooltip label={t('contacts.form.cancelHint')} withArrow>
            <Button variant="default" onClick={props.onCancel}>
              {t('contacts.form.cancel')}
            </Button>
          </Tooltip>
          <Tooltip label={t('contacts.form.saveHint')} withArrow>
            <BusyButton type="submit" busy={saving} busyLabel={t('contacts.form.saving')}>
              {t('contacts.form.save')}
            </BusyButton>
          </Tooltip>
        </Group>
      </Stack>
    </form>
  );
}

function firstTagError(tags: string[], errorOf: (path: string) => string | undefined) {
  for (const index of tags.keys()) {
    const message = errorOf(`tags.${index}`);
    if (message) return message;
  }
  return undefined;
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Paper withBorder radius="md" p="md" component="fieldset" style={{ margin: 0 }}>
      <Title order={2} size="h4" mb="sm" component="legend">
        {title}
      </Title>
      <Stack gap="sm">{children}</Stack>
    </Paper>
  );
}
